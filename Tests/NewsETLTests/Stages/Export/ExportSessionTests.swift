import Foundation
import Testing
@testable import NewsETL

@Suite struct ExportSessionTests {
    static let documents: [Document] = [
        Document(docID: "doc-0000000000000001", sourcePath: "wire/flood.txt", sha256: String(repeating: "a", count: 64),
                 byteCount: 120, encoding: "utf-8", format: .text, title: "Storm, \"surge\" floods harbour",
                 published: "2025-03-04", source: "wire", url: nil,
                 text: "Line one, with comma.\n\n“Quoted” line – two.", wordCount: 8,
                 duplicateCluster: DuplicateCluster(clusterID: "cluster-0000000000000001", canonicalID: "doc-0000000000000001", similarity: 1)),
        Document(docID: "doc-0000000000000002", sourcePath: "web/page.html", sha256: String(repeating: "b", count: 64),
                 byteCount: 2048, encoding: "windows-1252", format: .html, title: nil, published: "2025-03-04T11:20:00+01:00",
                 source: "Valmora Gazette", url: "https://gazette.example/a?b=1&c=2", text: "Tag <b> & bell\u{7} kept out", wordCount: 6),
    ]
    static let rejection = Rejection(path: "broken/empty.txt", reason: .empty, detail: "the file is empty (0 bytes)")
    static let duplicate = DuplicateRecord(docID: "doc-0000000000000003", sourcePath: "copy.txt", canonicalID: "doc-0000000000000001",
                                           canonicalPath: "wire/flood.txt", canonicalRun: "run-20250304T020000Z",
                                           clusterID: "cluster-0000000000000001", similarity: 0.98765, containment: 1, kind: "near")

    private func export(to folder: TemporaryFolder, documents: [Document] = ExportSessionTests.documents) throws {
        let session = try ExportStage().openSession(folder: folder.path)
        for document in documents { try session.write(document) }
        try session.write(ExportSessionTests.rejection)
        try session.write(ExportSessionTests.duplicate)
        try session.commit(manifest: Array("{}\n".utf8))
    }

    /// Golden files: set NEWSETL_RECORD_GOLDEN=1 to re-record them; the run
    /// that re-records fails so that a person looks at the difference.
    @Test(arguments: ["documents.csv", "documents.jsonl", "documents.xml", "rejects.csv", "rejects.jsonl",
                      "rejects.xml", "duplicates.csv", "duplicates.jsonl", "duplicates.xml"])
    func matchesTheGoldenFile(name: String) throws {
        let folder = TemporaryFolder()
        try export(to: folder)
        let produced = folder.read(name)
        let goldenPath = RepositoryPaths.golden + "/" + name
        if ProcessInfo.processInfo.environment["NEWSETL_RECORD_GOLDEN"] == "1" {
            try produced.write(toFile: goldenPath, atomically: true, encoding: .utf8)
            Issue.record("re-recorded \(name); review the change and run again without NEWSETL_RECORD_GOLDEN")
            return
        }
        let golden = try String(contentsOfFile: goldenPath, encoding: .utf8)
        #expect(produced == golden)
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
        #expect(names == ["documents.jsonl", "duplicates.jsonl", "manifest.json", "rejects.jsonl"])
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
                     published: nil, source: randomText(), url: nil, text: randomText(), wordCount: index)
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
            let expected = Datasets.row(document, includeText: true).map { $0.plainText }
            #expect(csv[index + 1] == expected.map { $0 ?? "" })
            let object = try JSONSerialization.jsonObject(with: Data(lines[index].utf8)) as! [String: Any]
            for (column, value) in zip(header, expected) {
                if let value { #expect("\(object[column]!)" == value) } else { #expect(object[column] is NSNull) }
            }
        }
    }
}
