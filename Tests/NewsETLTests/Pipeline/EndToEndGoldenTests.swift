import Foundation
import Testing
@testable import NewsETL

/// The whole pipeline over the demo `input/` with the repository's
/// `pipeline.json`: every dataset (JSONL; the other formats carry the same
/// rows, see `ExportSessionTests`) and the manifest without its times
/// against `Tests/NewsETLTests/Golden/run/`. A change in any stage that
/// changes the output shows here as a reviewed diff.
@Suite struct EndToEndGoldenTests {
    /// Lines of the manifest that differ between two runs of the same input.
    static let varying = ["\"started_at\"", "\"finished_at\"", "\"wall_seconds\"", "\"busy_seconds\"", "\"run_id\""]

    @Test func theSampleInputGivesTheRecordedDatasets() throws {
        let output = TemporaryFolder()
        var config = try PipelineConfig.load(path: RepositoryPaths.root + "/pipeline.json")
        config.outputPath = output.path
        config.workers = 2
        _ = try PipelineRunner(config: config).run()
        for name in Datasets.names {
            expectSnapshot(output.read("\(name).jsonl"), at: RepositoryPaths.golden + "/run/\(name).jsonl")
        }
        let manifest = output.read("manifest.json").split(separator: "\n", omittingEmptySubsequences: false)
            .filter { line in !Self.varying.contains { line.contains($0) } }
            .filter { !$0.contains("{\"name\":\"manifest.json\"") }
            .joined(separator: "\n")
        expectSnapshot(manifest, at: RepositoryPaths.golden + "/run/manifest.json")
    }
}
