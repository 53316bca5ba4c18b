import Testing
@testable import NewsETL

@Suite struct AuthorsTests {
    @Test(arguments: [
        ("By Jane Doe", ["Jane Doe"]),
        ("BY JOHN O'NEIL-SMITH", ["John O'Neil-Smith"]),
        ("By Jane Doe and John Smith | Published 14 March 2012", ["Jane Doe", "John Smith"]),
        ("By Jane Doe, Reuters", ["Jane Doe"]),
        ("By Jane Doe, Chief Economics Correspondent", ["Jane Doe"]),
        ("By Ana de la Cruz & Li Wei", ["Ana de la Cruz", "Li Wei"]),
        ("By Nelson D. Schwartz 14:05 GMT", ["Nelson D. Schwartz"]),
    ])
    func readsTheNamesOfAByline(line: String, names: [String]) {
        #expect(Authors.fromByline([line]) == names)
    }

    @Test(arguments: [
        "By the time the water receded, the road was gone.",
        "By 2030 the port will double its capacity.",
        "By Reuters",
        "By Staff Reporter",
        "Jane Doe reports from the harbour.",
        "by Dudley Taft.",
        "BY NORTHWEST AIRLINES",
    ])
    func findsNoNameInOtherLines(line: String) {
        #expect(Authors.fromByline([line]) == [])
    }

    @Test func dropsTheSiteItsAccountsAndCompanies() {
        let values = ["Anders Holm", "https://www.facebook.com/someone", "desk@example.com", "The Valmora Gazette",
                      "Pocket-lint Ltd.", "Vivid Interactive", "anders holm", "Mira Lund; Tomas Berg"]
        #expect(Authors.fromMetadata(values, siteName: "The Valmora Gazette", domain: "valmoragazette.example")
                == ["Anders Holm", "Mira Lund", "Tomas Berg"])
        #expect(Authors.fromByline(["By Anders Holm, Valmora Gazette"], siteName: nil, domain: "valmoragazette.example") == ["Anders Holm"])
    }

    @Test func takesTheFirstBylineNearTheTopOnly() {
        let paragraphs = ["Storm closes port", "By Mira Lund", "By Tomas Berg"]
        #expect(Authors.fromByline(paragraphs) == ["Mira Lund"])
        let late = Array(repeating: "Some paragraph of the article.", count: Authors.bylineParagraphs) + ["By Mira Lund"]
        #expect(Authors.fromByline(late) == [])
    }
}
