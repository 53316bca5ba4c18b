import Testing
@testable import NewsETL

/// Removed paragraphs are summed per rule a run of one rule at a time: the
/// totals must be those of one paragraph at a time, whatever the order.
@Suite struct DatasetCountsTests {
    private static func page(_ rules: [String]) -> Document {
        var document = Document(docID: "doc-1", sourcePath: "a.html", sha256: "", byteCount: 0, encoding: "utf-8", format: .html,
                                title: nil, published: nil, source: "example.org", canonicalURL: nil, text: "Body.", wordCount: 1)
        document.removed = rules.enumerated().map { index, rule in
            RemovedParagraph(index: index, start: 0, end: 0, text: String(repeating: "é", count: index + 1), rule: rule)
        }
        return document
    }

    @Test func sumsRemovedParagraphsPerRule() {
        let rules = ["menu", "menu", "comments", "menu", "tags", "tags", "comments"]
        var counts = DatasetCounts()
        var facts = DatasetFacts()
        for document in [Self.page(rules), Self.page(["tags"]), Self.page([])] {
            counts.add(document)
            facts.add(document)
        }
        #expect(counts.removalsByRule == ["menu": 3, "comments": 2, "tags": 3])
        #expect(facts.rules.mapValues(\.paragraphs) == ["menu": 3, "comments": 2, "tags": 3])
        // Characters: paragraph i holds i + 1 of them.
        #expect(facts.rules.mapValues(\.characters) == ["menu": 1 + 2 + 4, "comments": 3 + 7, "tags": 5 + 6 + 1])
        #expect(facts.sources["example.org"]?.removedCharacters == 28 + 1)
    }
}
