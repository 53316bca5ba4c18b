import Testing
@testable import NewsETL

@Suite struct DocumentSpoolTests {
    /// In memory (a large budget) or spilled to its file (none), the spool
    /// gives back every field of what it was given.
    @Test(arguments: [32 << 20, 0])
    func readsBackEveryFieldOfWhatItWrote(memoryBudget: Int) throws {
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
        let spool = DocumentSpool(folder: folder.path, name: "test", memoryBudget: memoryBudget)
        try spool.append(document, ordinal: 5)
        try spool.append(plain, ordinal: 9)
        try spool.finishWriting()
        #expect(spool.spilled == (memoryBudget == 0))
        #expect(FileSystem.exists(spool.path) == spool.spilled)
        let batch = try SpoolReader(spool: spool).nextBatch(limit: 10)
        #expect(batch.map(\.ordinal) == [5, 9])
        #expect(batch.map(\.document) == [document, plain])
        spool.remove()
        #expect(!FileSystem.exists(spool.path))
    }

    /// Documents spill when the budget is passed, those held first, and
    /// read back in order in batches as the reader's limits ask.
    @Test func spillsPastItsBudgetAndKeepsTheOrder() throws {
        let folder = TemporaryFolder()
        let documents = (0..<40).map { index in
            Document(docID: "doc-\(index)", sourcePath: "\(index).txt", sha256: "", byteCount: 1, encoding: "utf-8", format: .text,
                     title: nil, published: nil, source: nil, canonicalURL: nil,
                     text: String(repeating: "word ", count: 50 * index), wordCount: 50 * index)
        }
        let budget = documents.prefix(20).reduce(0) { $0 + DocumentSpool.estimatedBytes($1) }
        for limits in [(limit: 7, bytes: Int.max), (limit: 100, bytes: 5_000)] {
            let spool = DocumentSpool(folder: folder.path, name: "order", memoryBudget: budget)
            for (ordinal, document) in documents.enumerated() {
                try spool.append(document, ordinal: ordinal)
                #expect(spool.spilled == (ordinal >= 20))
            }
            try spool.finishWriting()
            let reader = try SpoolReader(spool: spool)
            var read: [Int] = []
            while case let batch = try reader.nextBatch(limit: limits.limit, bytes: limits.bytes), !batch.isEmpty {
                #expect(batch.count <= limits.limit)
                #expect(batch.map(\.document) == batch.map { documents[$0.ordinal] })
                read += batch.map(\.ordinal)
            }
            #expect(read == Array(0..<40))
            spool.remove()
        }
    }

    @Test func holdsASmallRunInMemory() throws {
        let folder = TemporaryFolder()
        let spool = DocumentSpool(folder: folder.path, name: "small")
        for ordinal in 0..<3 {
            try spool.append(Document(docID: "doc-\(ordinal)", sourcePath: "\(ordinal).txt", sha256: "", byteCount: 1, encoding: "utf-8",
                                      format: .text, title: nil, published: nil, source: nil, canonicalURL: nil, text: "x", wordCount: 1),
                             ordinal: ordinal)
        }
        try spool.finishWriting()
        #expect(!spool.spilled)
        #expect(try FileSystem.listDirectory(folder.path).isEmpty)
        #expect(try SpoolReader(spool: spool).nextBatch(limit: 10).map(\.ordinal) == [0, 1, 2])
    }
}
