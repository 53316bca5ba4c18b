import Testing
@testable import NewsETL

@Suite struct TitleAffixTests {
    private func page(_ index: Int, title: String, url: String?, siteName: String? = nil) -> Document {
        var document = Document(
            docID: DecodeStage.docID(forRelativePath: "\(index).html"), sourcePath: "\(index).html", sha256: String(repeating: "0", count: 64),
            byteCount: 1, encoding: "utf-8", format: .html, title: title, published: nil, source: nil, canonicalURL: url,
            text: "Report \(index) on the storm surge that flooded the harbour district overnight.", wordCount: 12)
        document.siteName = siteName
        return document
    }

    private func run(_ documents: [Document]) throws -> [Document] {
        try keptByCorpusStage(CleanStage(), documents)
    }

    @Test func learnsTheSegmentASourcesTitlesShare() throws {
        let headlines = ["Storm surge floods harbour", "Council closes coast road", "Ferries cancelled until Friday",
                         "Mayor visits flooded homes", "Insurers count the cost"]
        let pages = headlines.enumerated().map { page($0, title: "\($1) - Coast | Northern Courier Online", url: "https://courier.example/\($0)") }
            + [page(9, title: "Tide tables: what - and why", url: "https://other.example/9")]
        let titles = try run(pages).map(\.title)
        #expect(titles == headlines + ["Tide tables: what - and why"])
    }

    @Test func removesTheSiteNameItsPageGivesWithoutLearning() throws {
        let cleaned = try run([page(1, title: "The Valmora Gazette: Storm surge floods harbour", url: nil, siteName: "The Valmora Gazette"),
                           page(2, title: "Storm surge floods harbour — BBC News", url: "https://www.bbc.co.uk/news/1")])
        #expect(cleaned.map(\.title) == ["Storm surge floods harbour", "Storm surge floods harbour"])
    }

    @Test func keepsAHeadlineWithoutEvidence() throws {
        let titles = ["Syria: rebels advance on Aleppo", "Storm - what we know", "One | Two"]
        let cleaned = try run(titles.enumerated().map { page($0, title: $1, url: "https://site\($0).example/a") })
        #expect(cleaned.map(\.title) == titles)
    }

    @Test func namesEveryPageOfADomainOnce() throws {
        let pages = [page(1, title: "A story here", url: "https://www.washingtonpost.com/a", siteName: "Washington Post"),
                     page(2, title: "B story here", url: "https://washingtonpost.com/b"),
                     page(3, title: "C story here", url: "https://www.washingtonpost.com/c", siteName: "Washington Post"),
                     page(4, title: "D story here", url: "https://www.washingtonpost.com/d", siteName: "The Washington Post"),
                     page(5, title: "E story here", url: "https://other.example/e")]
        #expect(try run(pages).map(\.source) == ["Washington Post", "Washington Post", "Washington Post", "Washington Post", "other.example"])
    }

    @Test func learnsASiteNameFromAFewTitlesInAFolderOfManySites() throws {
        // No URLs: every page is of one source, and the Courier's four pages are a small share of it.
        var pages = (0..<4).map { page($0, title: "Story number \($0) told - Northern Courier", url: nil) }
        pages += (4..<30).map { page($0, title: "Other site story \($0) - Part \($0)", url: nil) }
        let titles = try run(pages).map(\.title)
        #expect(titles.prefix(4) == ["Story number 0 told", "Story number 1 told", "Story number 2 told", "Story number 3 told"])
        #expect(titles[4] == "Other site story 4 - Part 4")
    }

    @Test func aWebAddressNamesASiteOnItsOwn() throws {
        #expect(try run([page(1, title: "ContraCostaTimes.com - Heathrow crash report: Engines failed", url: nil),
                     page(2, title: "Sacred Heart wins debut as No. 1 - Examiner.com", url: nil)]).map(\.title)
                == ["Heathrow crash report: Engines failed", "Sacred Heart wins debut as No. 1"])
        #expect(SiteReference.isWebAddress("smh.com.au"))
        #expect(!SiteReference.isWebAddress("U.S."))
        #expect(!SiteReference.isWebAddress("St.Louis"))
    }

    @Test func leavesTheHeadlinesOfPlainTextReportsAlone() throws {
        let wire = (0..<6).map { index -> Document in
            var document = page(index, title: "Rate \(index) cut by central bank - OFFICIAL", url: nil)
            document.format = .text
            return document
        }
        #expect(try run(wire).map(\.title) == wire.map(\.title))
    }

    @Test func candidatesLeaveAHeadlineOfTwoWords() {
        #expect(TitleAffix.candidates("Storm | Site").isEmpty)
        #expect(TitleAffix.candidates("Big storm | Site").map(\.text) == ["Site"])
    }
}
