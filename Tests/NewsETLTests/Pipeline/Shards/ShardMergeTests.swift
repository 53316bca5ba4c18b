import Foundation
import Testing
@testable import NewsETL

/// The law of sharding: for any number of shards, `run --shard` on each and
/// one `merge` publish the datasets one `run` would have, byte for byte
/// (manifest times and run ids aside), on the first night and the next.
@Suite struct ShardMergeTests {
    private static let dataFiles = ["documents.csv", "documents.jsonl", "documents.xml", "rejects.csv", "rejects.jsonl",
                                    "rejects.xml", "duplicates.csv", "duplicates.jsonl", "duplicates.xml",
                                    "removed.csv", "removed.jsonl", "removed.xml", "entities.csv", "entities.jsonl",
                                    "entities.xml", "entity_summary.csv", "entity_summary.jsonl", "entity_summary.xml",
                                    "newsetl.sqlite"]

    private func config(input: String, output: String) throws -> PipelineConfig {
        var config = try PipelineConfig.testing("""
            {"stages": [{"name": "decode"}, {"name": "clean"}, {"name": "dedupe"}, {"name": "entities"},
                        {"name": "export", "options": {"formats": ["csv", "jsonl", "xml", "sqlite"]}}]}
            """)
        config.input.path = input
        config.outputPath = output
        config.workers = 2
        return config
    }

    private func copyOfSampleInput() throws -> TemporaryFolder {
        let input = TemporaryFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.sampleInput) {
            try FileManager.default.copyItem(atPath: "\(RepositoryPaths.sampleInput)/\(name)", toPath: input.url(name))
        }
        return input
    }

    private func runShards(_ count: Int, input: String, output: String) throws {
        for index in 0..<count {
            _ = try ShardRunner(config: config(input: input, output: output), shard: ShardSpec(index: index, count: count)).run()
        }
    }

    private func expectSameDatasets(_ single: TemporaryFolder, _ merged: TemporaryFolder, _ label: String) {
        for name in Self.dataFiles {
            #expect(single.read(name) == merged.read(name), "\(name) differs (\(label))")
        }
        func withoutTimes(_ manifest: String) -> [Substring] {
            manifest.split(separator: "\n").filter {
                !$0.contains("_at\"") && !$0.contains("seconds\"") && !$0.contains("\"run_id\"") && !$0.contains("run-20")
            }
        }
        #expect(withoutTimes(single.read("manifest.json")) == withoutTimes(merged.read("manifest.json")), "manifest (\(label))")
    }

    @Test(arguments: [1, 2, 3, 7])
    func shardsAndMergeEqualOneRunOnTwoNights(count: Int) throws {
        let input = try copyOfSampleInput()
        let single = TemporaryFolder(), merged = TemporaryFolder()
        _ = try PipelineRunner(config: config(input: input.path, output: single.path)).run()
        try runShards(count, input: input.path, output: merged.path)
        let summary = try PipelineRunner(config: config(input: input.path, output: merged.path)).merge(expectedShards: count)
        #expect(summary.inputs == 18)
        // Clean and dedupe's guesses hold for most of the 16 documents decode keeps: their work comes from the shards.
        #expect(summary.reusedWorkAhead >= 20, "\(summary.reusedWorkAhead)")
        expectSameDatasets(single, merged, "\(count) shards, first night")
        #expect(!FileSystem.exists(merged.url("shards")), "the merge removes the shards it published")

        // The second night: a new report, a changed one, a deleted one.
        _ = input.write("briefs/late-night-brief.txt", """
            Harbour board meets again

            The Valmora harbour board met again on Friday evening to agree the repair budget for the damaged quays, \
            officials said. Mayor Ilse Brandvik said the budget would be published on Monday.
            """)
        _ = input.write("opinion/letters.txt", "Letters\n\nA reader writes that the ferry timetable should be kept as it was.\n")
        let deleted = try FileManager.default.contentsOfDirectory(atPath: input.url("briefs")).sorted().first { $0 != "late-night-brief.txt" }!
        try FileManager.default.removeItem(atPath: input.url("briefs/\(deleted)"))
        _ = try PipelineRunner(config: config(input: input.path, output: single.path)).run()
        try runShards(count, input: input.path, output: merged.path)
        let second = try PipelineRunner(config: config(input: input.path, output: merged.path)).merge()
        #expect(second.inputs == 2 && second.changes.deleted == ["briefs/\(deleted)"])
        #expect(merged.read("documents.csv").contains("briefs/late-night-brief.txt"))
        expectSameDatasets(single, merged, "\(count) shards, second night")
    }

    @Test func refusesWhileAShardIsMissingAndChangesNothing() throws {
        let output = TemporaryFolder()
        for index in [0, 2] {
            _ = try ShardRunner(config: config(input: RepositoryPaths.sampleInput, output: output.path),
                                shard: ShardSpec(index: index, count: 3)).run()
        }
        let runner = PipelineRunner(config: try config(input: RepositoryPaths.sampleInput, output: output.path))
        let status = try runner.shardStatus()
        #expect(status.done == [0, 2] && status.missing == [1] && !status.isComplete)
        #expect(throws: RunError.self) { _ = try runner.merge() }
        do {
            _ = try runner.merge()
        } catch {
            #expect("\(error)".contains("1 of 3 shards are not complete: 1-of-3"), "\(error)")
        }
        #expect(!FileSystem.exists(output.url("documents.csv")))
        #expect(!FileSystem.exists(output.url("current")))
    }

    /// A shard killed mid-way leaves only its temporary folder; its rerun
    /// replaces it, and a failure note goes once the shard succeeds.
    @Test func aRerunShardReplacesAKilledAttempt() throws {
        let single = TemporaryFolder(), merged = TemporaryFolder()
        _ = try PipelineRunner(config: config(input: RepositoryPaths.sampleInput, output: single.path)).run()
        try runShards(2, input: RepositoryPaths.sampleInput, output: merged.path)
        let runner = PipelineRunner(config: try config(input: RepositoryPaths.sampleInput, output: merged.path))
        let run = try runner.shardStatus().run
        // Shard 1's earlier attempt: killed half-way (no done.json), and a note from a failure before that.
        let folder = merged.url("shards/\(run)")
        try FileManager.default.moveItem(atPath: "\(folder)/1-of-2", toPath: "\(folder)/.1-of-2.tmp-999999")
        try FileManager.default.removeItem(atPath: "\(folder)/.1-of-2.tmp-999999/done.json")
        _ = merged.write("shards/\(run)/1-of-2.failed", "shard 1-of-2: the disk was full\n")
        let before = try runner.shardStatus()
        #expect(before.missing == [1] && before.failed[1] == "shard 1-of-2: the disk was full")
        _ = try ShardRunner(config: config(input: RepositoryPaths.sampleInput, output: merged.path), shard: ShardSpec(index: 1, count: 2)).run()
        let after = try runner.shardStatus()
        #expect(after.isComplete && after.failed.isEmpty)
        _ = try runner.merge()
        expectSameDatasets(single, merged, "rerun shard")
    }

    @Test func namesShardsThatDisagreeOnTheirNumber() throws {
        let output = TemporaryFolder()
        _ = try ShardRunner(config: config(input: RepositoryPaths.sampleInput, output: output.path), shard: ShardSpec(index: 0, count: 2)).run()
        _ = try ShardRunner(config: config(input: RepositoryPaths.sampleInput, output: output.path), shard: ShardSpec(index: 1, count: 3)).run()
        let runner = PipelineRunner(config: try config(input: RepositoryPaths.sampleInput, output: output.path))
        #expect(try runner.shardStatus().reasons.contains { $0.contains("disagree on the number of shards (2, 3)") })
        #expect(try runner.shardStatus(expectedShards: 2).reasons.contains { $0.contains("1-of-3 belongs to a run of 3 shards, not 2") })
    }

    /// Shards made before the input changed are another run's: never merged.
    @Test func shardsOfAnotherInputStateAreNotMerged() throws {
        let input = try copyOfSampleInput()
        let output = TemporaryFolder()
        try runShards(2, input: input.path, output: output.path)
        _ = input.write("briefs/added-later.txt", "Added after the shards ran\n\nThe harbour board met again on Friday.\n")
        let runner = PipelineRunner(config: try config(input: input.path, output: output.path))
        let status = try runner.shardStatus()
        #expect(status.count == nil && status.stale.count == 1)
        #expect(status.reasons.contains { $0.contains("were made for another input state, config or version") })
        #expect(throws: RunError.self) { _ = try runner.merge() }
    }
}
