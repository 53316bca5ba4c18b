import Testing
@testable import NewsETL

@Suite struct EntitySummaryTests {
    static func document(_ id: String, canonical: String?) -> Document {
        var document = Document(docID: id, sourcePath: "\(id).txt", sha256: "", byteCount: 1, encoding: "utf-8", format: .text,
                                title: nil, published: "2025-03-04T10:00", source: nil, canonicalURL: nil, text: "Ana Ruiz spoke.", wordCount: 3)
        if let canonical {
            document.duplicateCluster = DuplicateCluster(clusterID: "cluster-1", canonicalID: canonical, similarity: 0.9)
        }
        document.entities = [EntityRecord(mention: EntityMention(kind: .person, text: "Ana Ruiz", start: 0, end: 8),
                                          sentence: 0, canonical: "Ana Ruiz", entityID: "ent-000000000001")]
        return document
    }

    @Test func countsKeptDocumentsAndCopiesApart() {
        var summary = EntitySummary()
        summary.add(Self.document("doc-a", canonical: "doc-a"))  // the canonical report of a cluster
        summary.add(Self.document("doc-b", canonical: "doc-a"))  // its marked copy
        summary.add(Self.document("doc-c", canonical: nil))      // a unique report
        let row = summary.rows()[0]
        #expect((row.documents, row.copies, row.mentions) == (2, 1, 3))
        #expect(row.firstPublished.flatMap(PublicationTime.date) == "2025-03-04")
    }

    /// The name is the canonical name most mentions carry (the longer, then
    /// the alphabetically first, on a tie); every other spelling mentioned,
    /// once each, is an alias.
    @Test func namesTheEntityByItsMostUsedCanonicalName() {
        func mention(_ text: String, canonical: String) -> EntityRecord {
            EntityRecord(mention: EntityMention(kind: .person, text: text, start: 0, end: text.count),
                         sentence: 0, canonical: canonical, entityID: "ent-000000000002")
        }
        var first = Self.document("doc-a", canonical: nil), second = Self.document("doc-b", canonical: nil)
        first.entities = [mention("Ruiz", canonical: "Ana Ruiz"), mention("Ana Ruiz", canonical: "Ana Ruiz"),
                          mention("Ruiz", canonical: "A. Ruiz"), mention("Ruiz", canonical: "A. Ruiz")]
        second.entities = [mention("Ana Ruiz", canonical: "Ana Ruiz"), mention("Señora Ruiz", canonical: "Ana Ruiz"),
                           mention("Ruiz", canonical: "A. Ruiz")]
        var summary = EntitySummary()
        summary.add(first)
        summary.add(second)
        let row = summary.rows()[0]
        #expect(row.name == "Ana Ruiz")
        #expect(row.aliases == "Ruiz; Señora Ruiz")
        #expect((row.documents, row.mentions) == (2, 7))
        var tie = Self.document("doc-c", canonical: nil)
        tie.entities = [mention("Ruiz", canonical: "A. Ruiz"), mention("Ruiz", canonical: "B. Ruiz")]
        var tied = EntitySummary()
        tied.add(tie)
        #expect(tied.rows()[0].name == "A. Ruiz")
    }
}
