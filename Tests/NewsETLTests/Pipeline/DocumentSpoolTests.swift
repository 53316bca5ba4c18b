import Testing
@testable import NewsETL

@Suite struct DocumentSpoolTests {
    @Test func readsBackEveryFieldOfWhatItWrote() throws {
        let folder = TemporaryFolder()
        var document = Document(docID: "doc-0000000000000001", sourcePath: "a/b.html", sha256: "ab", byteCount: 42, encoding: "utf-8",
                                format: .html, title: "Talks – día 1", published: "2022-01-10", source: "example.org",
                                canonicalURL: "https://example.org/a", text: "Julianne Smith spoke in Genève.\nMore.", wordCount: 6)
        document.duplicateCluster = DuplicateCluster(clusterID: "cluster-1", canonicalID: "doc-0000000000000002", similarity: 0.8125)
        document.blocks = [TextBlock(tag: "p", characters: 31, linkCharacters: 0, ancestors: [3, 7], ancestorHints: [.content, .comments], blockDepth: 4)]
        document.removed = [RemovedParagraph(index: 1, start: 32, end: 37, text: "More.", rule: "tags:more")]
        document.entities = [
            EntityRecord(mention: EntityMention(kind: .person, text: "Julianne Smith", start: 0, end: 14), sentence: 0,
                         canonical: "Julianne Smith", entityID: "ent-000000000001"),
            EntityRecord(mention: EntityMention(kind: .date, text: "Monday", start: 20, end: 26, value: "2022-01-10"), sentence: 0,
                         canonical: "2022-01-10", entityID: "ent-000000000002"),
        ]
        let plain = Document(docID: "doc-0000000000000003", sourcePath: "c.txt", sha256: "cd", byteCount: 1, encoding: "utf-8",
                             format: .text, title: nil, published: nil, source: nil, canonicalURL: nil, text: "x", wordCount: 1)
        let spool = try DocumentSpool(folder: folder.path, name: "test")
        try spool.append(document, ordinal: 5)
        try spool.append(plain, ordinal: 9)
        try spool.finishWriting()
        defer { spool.remove() }
        let batch = try SpoolReader(spool: spool).nextBatch(limit: 10)
        #expect(batch.map(\.ordinal) == [5, 9])
        #expect(batch.map(\.document) == [document, plain])
    }
}
