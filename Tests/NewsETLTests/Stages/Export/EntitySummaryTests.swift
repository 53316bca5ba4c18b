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
}
