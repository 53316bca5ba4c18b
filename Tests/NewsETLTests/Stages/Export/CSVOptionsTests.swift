import Foundation
import Testing
@testable import NewsETL

@Suite struct CSVOptionsTests {
    private func document(path: String, title: String) -> Document {
        Document(docID: "doc-0000000000000001", sourcePath: path, sha256: String(repeating: "a", count: 64), byteCount: 10,
                 encoding: "utf-8", format: .text, title: title, published: nil, source: nil, canonicalURL: nil,
                 text: "-5 degrees at the quay.", wordCount: 5)
    }

    private func export(_ document: Document, csv: CSVOptions, to folder: TemporaryFolder) throws {
        let session = try ExportStage(formats: [.csv, .jsonl], csv: csv).openSession(folder: folder.path)
        try session.write(document)
        try session.commit(manifest: Array("{}".utf8))
    }

    @Test func guardsCellsASpreadsheetWouldRunAndLeavesNumbersAndJSONAlone() throws {
        let folder = TemporaryFolder()
        try export(document(path: "=HYPERLINK(\"http://x.example\",\"click\").txt", title: "@channel +1 update"), csv: CSVOptions(), to: folder)
        let rows = try CSVParser.parse(Array(folder.read("documents.csv").utf8))
        let row = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(row["source_path"] == "'=HYPERLINK(\"http://x.example\",\"click\").txt")
        #expect(row["title"] == "'@channel +1 update")
        #expect(row["text"] == "'-5 degrees at the quay.")
        #expect(row["bytes"] == "10")
        let json = try JSONSerialization.jsonObject(with: Data(folder.read("documents.jsonl").utf8)) as! [String: Any]
        #expect(json["source_path"] as? String == "=HYPERLINK(\"http://x.example\",\"click\").txt")
        #expect(CSVOptions.guarded("\tindented") == "'\tindented" && CSVOptions.guarded("plain = fine") == "plain = fine")
    }

    @Test func canBeTurnedOffAndCanLeadWithAByteOrderMark() throws {
        let folder = TemporaryFolder()
        try export(document(path: "=a.txt", title: "£600m deal"), csv: CSVOptions(formulaGuard: false, excelBOM: true), to: folder)
        let bytes = Array(FileManager.default.contents(atPath: folder.url("documents.csv"))!)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF, UInt8(ascii: "\"")]))
        let rows = try CSVParser.parse(Array(bytes.dropFirst(3)))
        #expect(rows[1][1] == "=a.txt")
    }

    @Test func readsItsOptionsAndNamesUnknownKeys() {
        let (reader, problems) = options(#"{"csv": {"formula_guard": false, "excel_bom": true}}"#)
        let stage = ExportStage(options: reader)
        reader.finish()
        #expect(problems.messages.isEmpty)
        #expect(stage.csv == CSVOptions(formulaGuard: false, excelBOM: true))
        let (bad, badProblems) = options(#"{"csv": {"bom": true}}"#)
        _ = ExportStage(options: bad)
        bad.finish()
        #expect(badProblems.messages == ["options.csv.bom: unknown key (known keys: excel_bom, formula_guard)"])
    }
}
