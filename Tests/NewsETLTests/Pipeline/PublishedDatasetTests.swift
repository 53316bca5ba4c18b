import Foundation
import Synchronization
import Testing
@testable import NewsETL

/// The dataset a reader sees: one run's complete files, whatever the moment.
@Suite struct PublishedDatasetTests {
    /// Reads the dataset `current` names, as a careful reader would (resolve
    /// `current` once), and returns what does not match its own manifest.
    static func inconsistencies(in output: String) -> [String] {
        guard let folder = try? FileSystem.realPath(output + "/current") else { return ["no current dataset"] }
        guard let data = FileManager.default.contents(atPath: folder + "/manifest.json"),
              let manifest = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let files = manifest["output_files"] as? [[String: Any]], !files.isEmpty else {
            return ["\(folder): no manifest with output_files"]
        }
        var problems: [String] = []
        for file in files {
            let name = file["name"] as! String
            guard let bytes = FileManager.default.contents(atPath: "\(folder)/\(name)") else {
                problems.append("\(name) missing")
                continue
            }
            if SHA256.hex(Array(bytes)) != file["sha256"] as? String { problems.append("\(name): SHA-256 differs from the manifest's") }
            if bytes.count != (file["bytes"] as? NSNumber)?.intValue { problems.append("\(name): size differs from the manifest's") }
        }
        return problems
    }

    @Test func theManifestGivesEveryFilesRecordsSizeAndHash() throws {
        let (input, _) = try IncrementalRunTests.sampleCopy()
        let output = TemporaryFolder()
        _ = try PipelineRunner(config: IncrementalRunTests.config(input: input.path, output: output.path)).run()
        #expect(Self.inconsistencies(in: output.path) == [])
        let manifest = try JSONSerialization.jsonObject(with: Data(output.read("manifest.json").utf8)) as! [String: Any]
        let files = manifest["output_files"] as! [[String: Any]]
        let documents = files.first { $0["name"] as? String == "documents.csv" }!
        #expect((documents["records"] as! NSNumber).intValue == (manifest["counts"] as! [String: Any])["documents_written"] as! Int)
        #expect(files.count == 18)
        #expect(FileSystem.symlinkTarget(output.url("documents.csv")) == "current/documents.csv")
        #expect(FileSystem.symlinkTarget(output.url("current"))?.hasPrefix("datasets/run-") == true)
    }

    @Test func aReaderPollingDuringManyCommitsNeverSeesAMix() throws {
        let (input, _) = try IncrementalRunTests.sampleCopy()
        let output = TemporaryFolder()
        let config = try IncrementalRunTests.config(input: input.path, output: output.path)
        _ = try PipelineRunner(config: config).run()
        final class Flag: Sendable { let raised = Atomic(false) }
        let done = Flag()
        let writer = Thread {
            for night in 0..<12 {
                input.write("nightly/report-\(night).txt", "Night \(night): the harbour council met again on Tuesday and agreed "
                            + "to extend the flood defences by \(night + 2) kilometres, the mayor said.\n")
                _ = try? PipelineRunner(config: config).run()
            }
            done.raised.store(true, ordering: .releasing)
        }
        writer.start()
        var reads = 0
        var problems: [String] = []
        while !done.raised.load(ordering: .acquiring) {
            problems += Self.inconsistencies(in: output.path)
            reads += 1
        }
        #expect(problems == [])
        #expect(reads > 12)
        let generations = try FileManager.default.contentsOfDirectory(atPath: output.url("datasets")).filter { !$0.hasPrefix(".") }
        #expect(generations.count == 2)
        #expect(output.read("documents.csv").contains("nightly/report-11.txt"))
    }

    @Test func aFolderWithSomeoneElsesFilesIsRefusedUnlessItIsDeclaredMine() throws {
        let (input, _) = try IncrementalRunTests.sampleCopy()
        let home = TemporaryFolder()
        home.write("notes.txt", "my notes")
        home.write(".profile.tmp-2147483000", "looks like a temporary, is not ours")
        let config = try IncrementalRunTests.config(input: input.path, output: home.path)
        #expect {
            try PipelineRunner(config: config).run()
        } throws: { error in
            guard case RunError.outputFolder(let message) = error else { return false }
            return message.contains("already holds files NewsETL did not write (.profile.tmp-2147483000, notes.txt)") && message.contains("--output-is-mine")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.path).sorted() == [".profile.tmp-2147483000", "notes.txt"])
        for _ in 0..<2 {
            _ = try PipelineRunner(config: config, options: .init(full: true, outputIsMine: true)).run()
        }
        #expect(home.read("notes.txt") == "my notes")
        #expect(FileSystem.exists(home.url(".profile.tmp-2147483000")))
        // A file of the user's under a dataset name is never replaced.
        let other = TemporaryFolder()
        other.write("entities.xml", "<mine/>")
        #expect(throws: RunError.self) {
            try PipelineRunner(config: IncrementalRunTests.config(input: input.path, output: other.path),
                               options: .init(outputIsMine: true)).run()
        }
        #expect(other.read("entities.xml") == "<mine/>")
    }

    @Test func anOutputFolderOfTheEarlierLayoutMovesOverAndLosesOnlyItsOwnFiles() throws {
        let (input, _) = try IncrementalRunTests.sampleCopy()
        let output = TemporaryFolder()
        _ = try PipelineRunner(config: IncrementalRunTests.config(input: input.path, output: output.path)).run()
        // Files in place, as NewsETL wrote them before `current`.
        let current = try FileSystem.realPath(output.url("current"))
        for name in try FileManager.default.contentsOfDirectory(atPath: current) {
            try FileSystem.removeFile(output.url(name))
            try FileManager.default.copyItem(atPath: "\(current)/\(name)", toPath: output.url(name))
        }
        try FileSystem.removeFile(output.url("current"))
        FileSystem.removeTree(output.url("datasets"))
        output.write("notes.txt", "kept")
        let jsonOnly = try IncrementalRunTests.config(input: input.path, output: output.path, formats: ["jsonl"])
        _ = try PipelineRunner(config: jsonOnly).run()
        let top = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(top == ["current", "datasets", "datasets.json", "documents.jsonl", "duplicates.jsonl", "entities.jsonl", "entity_summary.jsonl",
                        "manifest.json", "notes.txt", "rejects.jsonl", "removed.jsonl", "report.html", "runs"])
        #expect(FileSystem.symlinkTarget(output.url("documents.jsonl")) == "current/documents.jsonl")
        #expect(Self.inconsistencies(in: output.path) == [])
    }

    @Test func aDeletedDatasetWithItsStateLeftIsBuiltAgain() throws {
        let (input, _) = try IncrementalRunTests.sampleCopy()
        let output = TemporaryFolder()
        let config = try IncrementalRunTests.config(input: input.path, output: output.path)
        _ = try PipelineRunner(config: config).run()
        // `rm -rf output/*`: the visible files go, .state and .lock stay.
        for name in try FileManager.default.contentsOfDirectory(atPath: output.path) where !name.hasPrefix(".") {
            FileSystem.removeTree(output.url(name))
        }
        let again = try PipelineRunner(config: config).run()
        #expect(again.changes.fullReason == "the published dataset (current/) is missing")
        #expect(Self.inconsistencies(in: output.path) == [])
        #expect(output.read("documents.csv").split(separator: "\r\n").count == 17)
    }
}
