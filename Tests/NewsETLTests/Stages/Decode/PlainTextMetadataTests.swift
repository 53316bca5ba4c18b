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
