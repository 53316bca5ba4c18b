import Foundation
import Testing
@testable import NewsETL

@Suite struct PlainTextMetadataTests {
    @Test func takesTheHeadlineAndTheDateline() {
        let metadata = PlainTextMetadata(text: "Wednesday, March 5, 2025\n\nValmora counts the cost\n\nThe floodwater receded.")
        #expect(metadata == PlainTextMetadata(title: "Valmora counts the cost", published: "2025-03-05"))
    }

    @Test func leavesTheTitleEmptyWhenTheFirstLineIsASentence() {
        let metadata = PlainTextMetadata(text: "The port of Valmora will reopen on Thursday, officials said.\nMore text.")
        #expect(metadata == PlainTextMetadata(title: nil, published: nil))
    }

    @Test(arguments: [
        "Wednesday, March 5, 2025", "LONDON, March 14, 2012 (Reuters) -", "Posted by Jane Doe on March 14, 2012 at 10:20 am",
        "Coast | March 4, 2025, Tuesday // 14:35| 1,204 views", "Published: 14 March 2012 10.20 GMT", "Last updated on 2012-03-14",
    ])
    func takesADateline(line: String) {
        #expect(PlainTextMetadata(text: "Storm Hits The Coast\n\n\(line)\n\nThe text.").published != nil, "\(line)")
    }

    /// Wire copy hard-wraps its first sentences: a date there is a maturity,
    /// a record date, an event — not the publication date.
    @Test(arguments: [
        "brokerage, said it sold 579,600 shares since March 5, 1987, leaving",
        "The notes mature on March 15, 1997, the company said.",
        "payable April 30, 1987, to holders of record April 10.",
        "It was founded on March 5, 1987.",
    ])
    func leavesADateInASentenceAlone(line: String) {
        #expect(PlainTextMetadata(text: "COMPANY SETS DIVIDEND\n\(line)\nMore text follows here.").published == nil, "\(line)")
    }

    @Test func readsThePagesBylineDate() {
        let paragraphs = ["Home | World | Sport", "Storm hits the coast", "By Jane Doe | Published 14 March 2012, 10:20 GMT",
                          "The storm hit the coast on Tuesday, March 13, 2012, and the port closed.", "Posted on 2 January 2011"]
        #expect(PlainTextMetadata.bylineDate(in: paragraphs) == "2012-03-14T10:20")
        #expect(PlainTextMetadata.bylineDate(in: ["The notes mature on March 15, 1997.", "Period ended December 31, 1986"]) == nil)
    }

    @Test func needsTextAfterTheHeadline() {
        #expect(PlainTextMetadata(text: "Just One Line Of Text").title == nil)
    }

    /// The seeds' GOLD.json gives the title and date a reader sees on each report.
    @Test(.enabled(if: RepositoryPaths.seeds != nil, "needs ../shared/seeds"))
    func matchesTheSeedGold() throws {
        let seeds = try #require(RepositoryPaths.seeds)
        let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: seeds + "/GOLD.json"))) as! [String: Any]
        let documents = gold["documents"] as! [String: [String: Any]]
        #expect(documents.count == 5)
        for (name, expected) in documents {
            let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: seeds + "/" + name)))
            let text = TextNormalizer.normalize(String(decoding: bytes, as: UTF8.self))
            let metadata = PlainTextMetadata(text: text)
            #expect(metadata.title == expected["title"] as? String, "title of \(name)")
            #expect(metadata.published == expected["published"] as? String, "published of \(name)")
        }
    }
}
