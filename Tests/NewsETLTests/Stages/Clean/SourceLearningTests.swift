import Testing
@testable import NewsETL

@Suite struct SourceLearningTests {
    private func document(_ name: String, source: String, _ text: String) -> Document {
        Document(docID: DecodeStage.docID(forRelativePath: name), sourcePath: name, sha256: String(repeating: "0", count: 64),
                 byteCount: text.utf8.count, encoding: "utf-8", format: .text, title: nil, published: nil, source: source,
                 canonicalURL: nil, text: text, wordCount: TextNormalizer.wordCount(text))
    }

    private func run(_ documents: [Document], learning: SourceLearning) throws -> [Document] {
        try keptByCorpusStage(CleanStage(learning: learning), documents)
    }

    @Test func learnsParagraphsThatRecurAcrossASourcesDocuments() throws {
        let chrome = "Listen to Radio Valmora every morning from six"
        let reports = (1...5).map { index in
            document("radio/\(index).txt", source: "radio",
                     "Report number \(index) on the storm surge in the harbour district, with its own facts and figures.\n\n\(chrome)")
        }
        let other = document("paper/1.txt", source: "paper", "A paper's own report on the storm surge that flooded the harbour district.\n\n\(chrome)")
        var learning = SourceLearning()
        learning.minDocuments = 4
        let cleaned = try run(reports + [other], learning: learning)
        #expect(cleaned.count == 6)
        for report in cleaned.prefix(5) {
            #expect(!report.text.contains(chrome))
            #expect(report.removed.map(\.rule) == ["learned:source"])
        }
        // Another source has seen the line only once: nothing learned there.
        #expect(cleaned[5].text.contains(chrome))
    }

    @Test func leavesLongSharedParagraphsOfUpdatesAlone() throws {
        let shared = "The storm surge flooded the harbour district on Tuesday, forcing about 4,200 residents to leave their homes and closing the port for the first time since 2011, officials said on Wednesday morning."
        let updates = (1...6).map { document("wire/\($0).txt", source: "wire", "Update \($0): the water is receding.\n\n\(shared)") }
        let cleaned = try run(updates, learning: SourceLearning())
        #expect(cleaned.allSatisfy { $0.text.contains(shared) })
    }

    @Test func needsTheConfiguredShareOfTheSource() throws {
        let chrome = "Follow the harbour desk for more"
        var documents = (1...4).map { document("s/\($0).txt", source: "s", "Story \($0) about the flood and what came after it in town.\n\n\(chrome)") }
        documents += (5...20).map { document("s/\($0).txt", source: "s", "Story \($0) about something else entirely, and at length.") }
        var learning = SourceLearning()
        learning.minShare = 0.5
        #expect(try run(documents, learning: learning).prefix(4).allSatisfy { $0.text.contains(chrome) })
        learning.minShare = 0.2
        #expect(try run(documents, learning: learning).prefix(4).allSatisfy { !$0.text.contains(chrome) })
    }
}
