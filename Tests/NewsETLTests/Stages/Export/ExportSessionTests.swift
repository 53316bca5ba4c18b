import Foundation
import Testing
@testable import NewsETL

@Suite struct ExportSessionTests {
    static let documents: [Document] = [
        Document(docID: "doc-0000000000000001", sourcePath: "wire/flood.txt", sha256: String(repeating: "a", count: 64),
                 byteCount: 120, encoding: "utf-8", format: .text, title: "Storm, \"surge\" floods harbour",
                 published: "2025-03-04", source: "wire", canonicalURL: nil,
                 text: "Line one, with comma.\n\n“Quoted” line – two.", wordCount: 8,
                 duplicateCluster: DuplicateCluster(clusterID: "cluster-0000000000000001", canonicalID: "doc-0000000000000001", similarity: 1)),
        Document(docID: "doc-0000000000000002", sourcePath: "web/page.html", sha256: String(repeating: "b", count: 64),
                 byteCount: 2048, encoding: "windows-1252", format: .html, title: nil, published: "2025-03-04T11:20:00+01:00",
                 source: "Valmora Gazette", canonicalURL: "https://gazette.example/a?b=1&c=2", text: "Tag <b> & bell\u{7} kept out", wordCount: 6),
        {
            var document = Document(
                docID: "doc-0000000000000004", sourcePath: "northern/mayor.txt", sha256: String(repeating: "c", count: 64),
                byteCount: 300, encoding: "utf-8", format: .text, title: "Mayor Ana Ruiz visits Leeds", published: "2025-03-05",
                source: "northern", canonicalURL: nil, text: "Mayor Ana Ruiz of Leeds City Council pledged £2m on 5 March.", wordCount: 11)
            func mention(_ kind: EntityMention.Kind, _ text: String, _ start: Int, value: String? = nil, id: String) -> EntityRecord {
                EntityRecord(mention: EntityMention(kind: kind, text: text, start: start, end: start + text.count, value: value),
                             sentence: 0, canonical: text, entityID: id)
            }
            document.entities = [
                mention(.person, "Ana Ruiz", 6, id: "ent-000000000001"), mention(.organization, "Leeds City Council", 18, id: "ent-000000000002"),
                mention(.money, "£2m", 45, value: "2000000", id: "ent-000000000003"), mention(.date, "5 March", 52, value: "2025-03-05", id: "ent-000000000004"),
            ]
            document.removed = [RemovedParagraph(index: 1, start: 62, end: 77, text: "Leave a Reply\tx", rule: "comments"),
                                RemovedParagraph(index: 2, start: 79, end: 90, text: "=SUM(A1:A2)", rule: "teaser")]
            return document
        }(),
    ]
    static let rejection = Rejection(path: "broken/empty.txt", reason: .empty, detail: "the file is empty (0 bytes)")
    static let duplicate = DuplicateRecord(docID: "doc-0000000000000003", sourcePath: "copy.txt", canonicalID: "doc-0000000000000001",
                                           canonicalPath: "wire/flood.txt", canonicalRun: "run-20250304T020000Z",
                                           clusterID: "cluster-0000000000000001", similarity: 0.98765, containment: 1, kind: "near")

    private func export(to folder: TemporaryFolder, documents: [Document] = ExportSessionTests.documents) throws {
        let session = try ExportStage().openSession(folder: folder.path, datasets: ["removed", "entities", "entity_summary"])
        for document in documents { try session.write(document) }
        try session.write(ExportSessionTests.rejection)
        try session.write(ExportSessionTests.duplicate)
        try session.commit(manifest: Array("{}\n".utf8))
    }

    /// Golden files of every dataset in every format (a missing or changed
    /// one is re-recorded and fails once, see `expectSnapshot`); the XML ones
    /// also validate against the schema.
    @Test(arguments: Datasets.names.flatMap { name in ExportFormat.fileFormats.map { "\(name).\($0.rawValue)" } })
    func matchesTheGoldenFile(name: String) throws {
        let folder = TemporaryFolder()
        try export(to: folder)
        expectSnapshot(folder.read(name), at: RepositoryPaths.golden + "/" + name)
        if name.hasSuffix(".xml") {
            let validator = try XMLSchemaValidator(schemaText: XMLSchemaText.xsd, name: "built-in")
            #expect(validator.validate(fileAt: folder.url(name)).isEmpty)
        }
    }

    @Test func leavesNothingVisibleBeforeCommitAndNothingBehindOnAbort() throws {
        let folder = TemporaryFolder()
        folder.write("documents.csv", "previous run\n")
        let session = try ExportStage().openSession(folder: folder.path)
        try session.write(ExportSessionTests.documents[0])
        #expect(folder.read("documents.csv") == "previous run\n")
        session.abort()
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(left == ["documents.csv"])
        #expect(folder.read("documents.csv") == "previous run\n")
    }

    @Test func writesOnlyTheConfiguredFormatsAndCanLeaveOutText() throws {
        let folder = TemporaryFolder()
        let session = try ExportStage(formats: [.jsonl], includeText: false).openSession(folder: folder.path)
        try session.write(ExportSessionTests.documents[0])
        try session.commit(manifest: Array("{}\n".utf8))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["datasets.json", "documents.jsonl", "duplicates.jsonl", "manifest.json", "rejects.jsonl"])
        #expect(!folder.read("documents.jsonl").contains("\"text\":"))
    }

    /// Property: whatever the field values, every format reads back the same
    /// rows and the XML stays valid against the schema.
    @Test func everyFormatRoundTripsRandomValues() throws {
        var generator = SplitMix(seed: 77)
        let hostile = CSVRoundTripTests.alphabet + ["\u{1}", "\u{0}", "<", ">", "&", "]]>", "\u{FFFE}"]
        func randomText() -> String {
            (0..<Int.random(in: 1...30, using: &generator)).map { _ in hostile.randomElement(using: &generator)! }.joined()
        }
        let documents = (0..<40).map { index in
            Document(docID: String(format: "doc-%016x", index), sourcePath: randomText(), sha256: String(repeating: "c", count: 64),
                     byteCount: index, encoding: "utf-8", format: .text, title: Bool.random(using: &generator) ? randomText() : nil,
                     published: nil, source: randomText(), canonicalURL: nil, text: randomText(), wordCount: index)
        }
        let folder = TemporaryFolder()
        try export(to: folder, documents: documents)
        let validator = try XMLSchemaValidator(schemaPath: RepositoryPaths.schema)
        #expect(validator.validate(fileAt: folder.url("documents.xml")) == [])

        let csv = try CSVParser.parse(Array(folder.read("documents.csv").utf8))
        let header = csv[0]
        let lines = folder.read("documents.jsonl").split(separator: "\n")
        #expect(csv.count == documents.count + 1 && lines.count == documents.count)
        for (index, document) in documents.enumerated() {
            let values = Datasets.documents(includeText: true).row(document)
            let expected = values.map { $0.plainText }
            // CSV text cells carry the formula guard; the other formats carry the values as they are.
            #expect(csv[index + 1] == values.map { value in
                if case .text(let text) = value { return CSVOptions.guarded(text) }
                return value.plainText ?? ""
            })
            let object = try JSONSerialization.jsonObject(with: Data(lines[index].utf8)) as! [String: Any]
            for (column, value) in zip(header, expected) {
                if let value { #expect("\(object[column]!)" == value) } else { #expect(object[column] is NSNull) }
            }
        }
    }
}
