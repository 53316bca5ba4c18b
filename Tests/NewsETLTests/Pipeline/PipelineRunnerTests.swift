import Foundation
import Testing
@testable import NewsETL

@Suite struct PipelineRunnerTests {
    private func config(input: String, output: String, workers: Int, dedupeAction: String = "mark") throws -> PipelineConfig {
        var config = try PipelineConfig.testing("""
            {"stages": [{"name": "decode"}, {"name": "clean"}, {"name": "dedupe", "options": {"action": "\(dedupeAction)"}},
                        {"name": "entities"}, {"name": "export"}]}
            """)
        config.input.path = input
        config.outputPath = output
        config.workers = workers
        return config
    }

    private static let dataFiles = ["documents.csv", "documents.jsonl", "documents.xml", "rejects.csv", "rejects.jsonl",
                                    "rejects.xml", "duplicates.csv", "duplicates.jsonl", "duplicates.xml",
                                    "removed.csv", "removed.jsonl", "removed.xml", "entities.csv", "entities.jsonl",
                                    "entities.xml", "entity_summary.csv", "entity_summary.jsonl", "entity_summary.xml"]

    @Test func accountsForEverySampleInputFile() throws {
        let output = TemporaryFolder()
        let summary = try PipelineRunner(config: config(input: RepositoryPaths.sampleInput, output: output.path, workers: 2)).run()
        #expect(summary.inputs == 18)
        #expect(summary.rejected == 2)
        #expect(summary.duplicates == 3)
        #expect(summary.kept == 13)
        #expect(summary.inputs == summary.kept + summary.duplicates + summary.rejected)
        #expect(summary.documentsWritten == 16)
        let reasons = Dictionary(uniqueKeysWithValues: summary.files.filter { $0.kind == .rejected }.map { ($0.path, $0.reason) })
        #expect(reasons == ["broken/empty.txt": .empty, "broken/scan-0001.txt": .binary])
        // The resend is an exact copy; the Daily Courier copy becomes one once
        // its tag line, share bar and comment widget are cleaned away; the
        // Metro Times copy has a new headline, an edited and a cut sentence.
        let copies = summary.files.filter { $0.kind == .duplicate }
        #expect(copies.map(\.path) == ["syndicated/metro-times-valmora.txt", "syndicated/wire-resend.txt", "wire/valmora-flood-wire.txt"])
        #expect(copies.allSatisfy { $0.canonicalID == DecodeStage.docID(forRelativePath: "syndicated/daily-courier-valmora.txt") })

        let report = OutputVerifier(folder: output.path, schemaPath: RepositoryPaths.schema).verify()
        #expect(report.problems == [])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.sorted() == [".lock", ".state"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.url(".state")).sorted()
                 == ["clean-learning.bin", "dedupe-signatures.bin", "entity-names.bin", "entity-types.bin", "inputs.bin", "records.bin", "row-spans.bin", "sites.bin"])

        let documents = output.read("documents.jsonl").split(separator: "\n").map {
            try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        let encodings = Dictionary(uniqueKeysWithValues: documents.map { ($0["source_path"] as! String, $0["encoding"] as! String) })
        #expect(encodings["legacy/kestrel-weekly-cp1252.txt"] == "windows-1252")
        #expect(encodings["legacy/radio-valmora-utf16.txt"] == "utf-16le")
        let gazette = documents.first { $0["source_path"] as? String == "web/valmora-gazette.html" }
        #expect(gazette?["published_date"] as? String == "2025-03-04")
        #expect(gazette?["published_at"] as? String == "2025-03-04T10:20:00Z")
        #expect(gazette?["published_source"] as? String == "meta")
        #expect(gazette?["title"] as? String == "Storm surge floods Valmora harbour, 4,200 evacuated")
        #expect((gazette?["text"] as? String)?.contains("window.analytics") == false)
    }

    @Test func writesByteIdenticalOutputsWhateverTheWorkerCount() throws {
        let one = TemporaryFolder(), four = TemporaryFolder()
        _ = try PipelineRunner(config: config(input: RepositoryPaths.sampleInput, output: one.path, workers: 1)).run()
        _ = try PipelineRunner(config: config(input: RepositoryPaths.sampleInput, output: four.path, workers: 4)).run()
        for name in PipelineRunnerTests.dataFiles {
            #expect(one.read(name) == four.read(name), "\(name) differs between 1 and 4 workers")
            #expect(!one.read(name).isEmpty)
        }
        func withoutTimes(_ manifest: String) -> [Substring] {
            manifest.split(separator: "\n").filter { !$0.contains("_at\"") && !$0.contains("seconds\"") && !$0.contains("\"run_id\"") }
        }
        #expect(withoutTimes(one.read("manifest.json")) == withoutTimes(four.read("manifest.json")))
    }

    @Test func dropsCopiesFromDocumentsWhenAsked() throws {
        let output = TemporaryFolder()
        let summary = try PipelineRunner(config: config(input: RepositoryPaths.sampleInput, output: output.path,
                                                        workers: 2, dedupeAction: "drop")).run()
        #expect(summary.documentsWritten == summary.kept)
        #expect(output.read("duplicates.csv").split(separator: "\r\n").count == 4)
        #expect(!output.read("documents.csv").contains("wire/valmora-flood-wire.txt"))
    }

    @Test func recordsPerStageCounts() throws {
        let output = TemporaryFolder()
        let summary = try PipelineRunner(config: config(input: RepositoryPaths.sampleInput, output: output.path, workers: 2)).run()
        let stages = Dictionary(uniqueKeysWithValues: summary.stages.map { ($0.name, $0) })
        #expect(stages["decode"]?.input == 18 && stages["decode"]?.output == 16 && stages["decode"]?.rejected == 2)
        #expect(stages["clean"]?.input == 16 && stages["entities"]?.input == 16)
        #expect(stages["dedupe"]?.input == 16 && stages["dedupe"]?.duplicates == 3)
        #expect(stages["export"]?.output == 16)
        let manifest = try JSONSerialization.jsonObject(with: Data(output.read("manifest.json").utf8)) as! [String: Any]
        #expect((manifest["files"] as! [Any]).count == 18)
        #expect((manifest["counts"] as! [String: Int])["inputs"] == 18)
        #expect(manifest["config_sha256"] as? String == summary.configSHA256)
    }

    @Test func failsBeforeWritingAnythingWhenTheInputFolderIsMissing() throws {
        let parent = TemporaryFolder()
        let output = parent.url("out")
        #expect(throws: RunError.self) {
            try PipelineRunner(config: config(input: parent.url("missing"), output: output, workers: 1)).run()
        }
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func failsClearlyWhenTheOutputFolderCannotBeCreated() throws {
        let parent = TemporaryFolder()
        parent.write("file", "not a folder")
        do {
            _ = try PipelineRunner(config: config(input: RepositoryPaths.sampleInput, output: parent.url("file/out"), workers: 1)).run()
            Issue.record("the run should have failed")
        } catch RunError.outputFolder(let message) {
            #expect(message.contains("cannot be created"))
        }
    }

    @Test func leavesPreviousOutputsIntactWhenWritingFails() throws {
        let output = TemporaryFolder()
        let configuration = try config(input: RepositoryPaths.sampleInput, output: output.path, workers: 1)
        _ = try PipelineRunner(config: configuration).run()
        let before = try IncrementalRunTests.snapshot(output.path)
        // Folders squatting on state files' temporary names make the next run fail late, its datasets written.
        let squatters = ["inputs.bin", "row-spans.bin"].map { AtomicFile.temporaryPath(for: output.url(".state/\($0)")) }
        for path in squatters { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false) }
        #expect(throws: RunError.self) {
            try PipelineRunner(config: configuration, options: .init(full: true)).run()
        }
        for path in squatters { FileSystem.removeTree(path) }
        let after = try IncrementalRunTests.snapshot(output.path)
        #expect(after.keys.sorted() == before.keys.sorted())
        for (path, (bytes, _)) in before { #expect(after[path]?.0 == bytes, "\(path) changed") }
    }

    @Test(.enabled(if: RepositoryPaths.seeds != nil, "needs ../shared/seeds"))
    func runsTheSeedReportsWhenPresent() throws {
        let seeds = try #require(RepositoryPaths.seeds)
        let output = TemporaryFolder()
        var configuration = try config(input: seeds, output: output.path, workers: 2)
        configuration.input.exclude = ["*.json"]
        let summary = try PipelineRunner(config: configuration).run()
        #expect(summary.inputs == 5 && summary.kept == 5 && summary.duplicates == 0)
        // One report's "Julian Smith" is the "Julianne Smith" of two others: the reports share her context.
        let smith = output.read("entity_summary.csv").split(separator: "\n").filter { $0.contains("Smith") && $0.contains("\"PER\"") }
        #expect(smith.count == 1)
        #expect(smith.first?.contains("\"Julianne Smith\",\"Julian Smith; Smith\"") ?? false)
    }
}

@Suite struct OutputFolderTests {
    @Test func sweepsTemporaryFilesOfKilledRunsOnly() throws {
        let folder = TemporaryFolder()
        folder.write(".documents.csv.tmp-2147483000", "half a file from a killed run")
        folder.write(".notes.txt.tmp-2147483000", "a user's file that only looks like a temporary")
        folder.write(".state/.spool-dedupe.tmp-2147483001", "spool of a killed run")
        folder.write(".rejects.csv.tmp-\(getpid())", "a live run's file")
        folder.write(".state/dedupe-signatures.bin", "state")
        folder.write(".state/.records.bin.tmp-2147483002", "state of a killed run")
        folder.write("runs/.run-20261122T010000Z.tmp-2147483003/documents.csv", "run folder of a killed run")
        folder.write("datasets/.run-20261122T010000Z.tmp-2147483003/documents.csv", "dataset folder of a killed run")
        folder.write("runs/run-20261121T010000Z/documents.csv", "an earlier run's rows")
        folder.write("documents.csv", "previous output")
        OutputFolder.sweepAbandonedTemporaryFiles(in: folder.path)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == [".notes.txt.tmp-2147483000", ".rejects.csv.tmp-\(getpid())", ".state", "datasets", "documents.csv", "runs"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url(".state")) == ["dedupe-signatures.bin"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url("runs")) == ["run-20261121T010000Z"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url("datasets")) == [])
    }
}

@Suite struct RemovedFileTests {
    @Test func writesRemovedParagraphsUnlessCleanIsToldNotTo() throws {
        for keep in [true, false] {
            let output = TemporaryFolder()
            var config = try PipelineConfig.testing("""
                {"stages": [{"name": "decode"}, {"name": "clean", "options": {"keep_removed": \(keep)}}, {"name": "export"}]}
                """)
            config.input.path = RepositoryPaths.sampleInput
            config.outputPath = output.path
            let summary = try PipelineRunner(config: config).run()
            #expect(FileManager.default.fileExists(atPath: output.url("removed.csv")) == keep)
            #expect(summary.removalsByRule.isEmpty == !keep)
            if keep {
                let records = try CSVParser.parse(Array(output.read("removed.csv").utf8))
                #expect(records.count - 1 == summary.removalsByRule.values.reduce(0, +))
            }
        }
    }
}
