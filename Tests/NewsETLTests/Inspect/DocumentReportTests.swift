import Foundation
import Testing
@testable import NewsETL

@Suite struct DocumentReportTests {
    private static func run(dedupeAction: String = "mark") throws -> TemporaryFolder {
        let output = TemporaryFolder()
        var config = try PipelineConfig.testing("""
            {"stages": [{"name": "decode"}, {"name": "clean"}, {"name": "dedupe", "options": {"action": "\(dedupeAction)"}},
                        {"name": "entities"}, {"name": "export", "options": {"formats": ["jsonl"]}}]}
            """)
        config.input.path = RepositoryPaths.sampleInput
        config.outputPath = output.path
        config.workers = 2
        _ = try PipelineRunner(config: config).run()
        return output
    }

    @Test func findsADocumentByIdAndByPathWithItsMentionsRemovedParagraphsAndCluster() throws {
        let output = try Self.run()
        let id = DecodeStage.docID(forRelativePath: "syndicated/daily-courier-valmora.txt")
        let byID = try DocumentReport.find(id, output: output.path)
        let byPath = try DocumentReport.find("input/syndicated/daily-courier-valmora.txt", output: output.path)
        #expect(byID.text == byPath.text)
        #expect(byID.text.hasPrefix("\(id)  syndicated/daily-courier-valmora.txt\n"))
        #expect(byID.text.contains("[Ilse Brandvik|PER]"))
        #expect(byID.text.contains("removed by clean ("))
        #expect(byID.text.contains("cluster cluster-87eda6bc79213604: canonical \(id)"))
        #expect(byID.copies.count == 3)
        // The JSON is one object that carries the same columns as documents.jsonl.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(byID.json.utf8)) as? [String: Any])
        let row = try #require(output.read("documents.jsonl").split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }.first { $0["doc_id"] as? String == id })
        for (key, value) in row { #expect("\(object[key] ?? "absent")" == "\(value)", "\(key)") }
        let entities = try #require(object["entities"] as? [[String: Any]])
        let mentions = output.read("entities.jsonl").split(separator: "\n").filter { $0.contains(id) }
        #expect(entities.count == mentions.count)
        #expect((object["cluster"] as? [String: Any])?["canonical_id"] as? String == id)
    }

    @Test func marksMentionsWithoutChangingTheText() throws {
        let output = try Self.run()
        let report = try DocumentReport.find("web/gazette-ferries-resume.html", output: output.path)
        guard case .document(let document) = report.outcome else { Issue.record("not a document"); return }
        var unmarked = DocumentReport.marked(document)
        for entity in document.entities {
            unmarked = unmarked.replacingOccurrences(of: "[\(entity.mention.text)|\(entity.mention.kind.rawValue)]", with: entity.mention.text)
        }
        #expect(unmarked == document.text)
    }

    @Test func tellsACopyDroppedFromDocumentsAndARejectedFile() throws {
        let output = try Self.run(dedupeAction: "drop")
        let copy = try DocumentReport.find("syndicated/wire-resend.txt", output: output.path)
        #expect(copy.text.contains("an exact copy of \(DecodeStage.docID(forRelativePath: "syndicated/daily-courier-valmora.txt"))"))
        #expect(copy.json.contains("\"outcome\": \"duplicate\""))
        let rejected = try DocumentReport.find("broken/empty.txt", output: output.path)
        #expect(rejected.text == "broken/empty.txt\nrejected: empty: the file is empty (0 bytes)\n")
        #expect(throws: DocumentReport.Problem.self) { try DocumentReport.find("doc-0000000000000000", output: output.path) }
        #expect(throws: DocumentReport.Problem.self) { try DocumentReport.find("x", output: output.url("nowhere")) }
    }
}
