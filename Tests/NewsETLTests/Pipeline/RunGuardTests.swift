import Foundation
import Testing
@testable import NewsETL

/// Ordinary accidents of unattended runs that must not cost the dataset:
/// an input folder that did not mount, folders nested the wrong way, paths
/// written with a trailing slash.
@Suite struct RunGuardTests {
    private func datasetFiles(_ output: TemporaryFolder) throws -> [String: Data] {
        try IncrementalRunTests.snapshot(output.path).filter { !$0.key.hasPrefix("runs/") && $0.key != ".lock" }.mapValues(\.0)
    }

    @Test func anEmptiedInputFolderChangesNothingUntilDeletionsAreAllowed() throws {
        let (input, _) = try IncrementalRunTests.sampleCopy()
        let output = TemporaryFolder()
        let config = try IncrementalRunTests.config(input: input.path, output: output.path)
        _ = try PipelineRunner(config: config).run()
        let before = try datasetFiles(output)
        for name in try FileManager.default.contentsOfDirectory(atPath: input.path) { FileSystem.removeTree(input.url(name)) }
        #expect {
            try PipelineRunner(config: config).run()
        } throws: { error in
            guard case RunError.inputFolder(let message) = error else { return false }
            return message.contains("18 of the 18 files the dataset knows are gone") && message.contains("--allow-deletions")
        }
        #expect(try datasetFiles(output) == before)
        let allowed = try PipelineRunner(config: config, options: .init(allowDeletions: true)).run()
        #expect(allowed.changes.deleted.count == 18)
        #expect(output.read("documents.csv").split(separator: "\r\n").count == 1)
    }

    @Test func losingMoreThanTheShareStopsAndASmallerLossGoesThrough() throws {
        let (input, _) = try IncrementalRunTests.sampleCopy()
        let output = TemporaryFolder()
        var config = try IncrementalRunTests.config(input: input.path, output: output.path)
        config.input.maxDeletedShare = 0.25
        _ = try PipelineRunner(config: config).run()
        // 4 of the 18 sample files (web/) go: under the share.
        FileSystem.removeTree(input.url("web"))
        #expect(try PipelineRunner(config: config).run().changes.deleted.count == 4)
        // 4 of the 14 left (syndicated/, briefs/ minus one): over it; stopped, then allowed.
        FileSystem.removeTree(input.url("syndicated"))
        FileSystem.removeTree(input.url("briefs/valmora-insurance.txt"))
        #expect(throws: RunError.self) { try PipelineRunner(config: config).run() }
        let allowed = try PipelineRunner(config: config, options: .init(allowDeletions: true)).run()
        #expect(allowed.changes.deleted.count == 4)
    }

    @Test func aVanishedInputFolderIsAnInputErrorAndChangesNothing() throws {
        let (input, _) = try IncrementalRunTests.sampleCopy()
        let output = TemporaryFolder()
        var config = try IncrementalRunTests.config(input: input.path, output: output.path)
        _ = try PipelineRunner(config: config).run()
        let before = try datasetFiles(output)
        config.input.path = input.path + "/not-mounted"
        #expect(throws: RunError.self) { try PipelineRunner(config: config).run() }
        #expect(try datasetFiles(output) == before)
    }

    @Test func anOutputFolderInsideTheInputIsNeverReadBack() throws {
        let (input, _) = try IncrementalRunTests.sampleCopy()
        let config = try IncrementalRunTests.config(input: input.path, output: input.url("out/"))
        var documents: [Int] = []
        for _ in 0..<3 {
            _ = try PipelineRunner(config: config, options: .init(full: true)).run()
            documents.append(input.read("out/documents.csv").split(separator: "\r\n").count)
        }
        #expect(documents[0] > 1 && Set(documents).count == 1)
        #expect(!input.read("out/manifest.json").contains("out/documents"))
    }

    @Test func anInputFolderInsideTheOutputIsAConfigError() throws {
        let output = TemporaryFolder()
        output.write("news/a.txt", "Some news of the day.")
        let config = try IncrementalRunTests.config(input: output.url("news"), output: output.path + "/")
        #expect {
            try PipelineRunner(config: config).run()
        } throws: { error in
            guard case RunError.config = error else { return false }
            return true
        }
    }

    @Test func trailingSlashesAndDotsInTheOutputPathWork() throws {
        let (input, _) = try IncrementalRunTests.sampleCopy()
        let output = TemporaryFolder()
        let config = try IncrementalRunTests.config(input: input.path + "/", output: output.path + "//./sub/../out/")
        let summary = try PipelineRunner(config: config).run()
        #expect(summary.inputs == 18)
        #expect(FileSystem.exists(output.url("out/documents.csv")))
    }

    @Test func boundedWorkIsAWarningAndACountInTheManifest() throws {
        let input = TemporaryFolder()
        input.write("long/report.txt", String(repeating: "Mayor Anna Keller met Valmora officials in Geneva on Monday. ", count: 30))
        input.write("short/report.txt", "Mayor Anna Keller met Valmora officials in Geneva on Monday.")
        let output = TemporaryFolder()
        let config = try PipelineConfig.testing("""
            {"stages": [{"name": "decode"}, {"name": "entities", "options": {"max_words": 50}}, {"name": "export"}]}
            """)
        var configured = config
        configured.input.path = input.path
        configured.outputPath = output.path
        let summary = try PipelineRunner(config: configured).run()
        #expect(summary.warnings == ["entities: long/report.txt: entities found in the first 50 of its 300 words only (entities.max_words)"])
        #expect(summary.stages.first { $0.name == "entities" }?.bounded == 1)
        #expect(output.read("manifest.json").contains("\"bounded\": 1"))
    }
}
