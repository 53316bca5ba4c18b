import Foundation
import Testing
@testable import NewsETL

/// `run --shard`, `status` and `merge` as a cluster job script sees them: exit codes and the lines it logs.
@Suite struct ShardCommandLineTests {
    private func newsetl(_ arguments: [String], output: TemporaryFolder, environment: [String: String] = [:]) throws -> CommandLineTests.Outcome {
        try CommandLineTests.newsetl(arguments + ["--config", RepositoryPaths.root + "/pipeline.json", "--input", RepositoryPaths.sampleInput,
                                                  "--output", output.path], environment: environment)
    }

    @Test func statusSaysWhenAMergeCanRunAndMergePublishes() throws {
        let output = TemporaryFolder()
        #expect(try newsetl(["run", "--shard", "0/2", "--quiet"], output: output).status == 0)
        let waiting = try newsetl(["status"], output: output)
        #expect(waiting.status == 69)
        #expect(waiting.standardOutput.contains("missing: 1 (1)"), "\(waiting.standardOutput)")
        let refused = try newsetl(["merge", "--quiet"], output: output)
        #expect(refused.status == 69)
        #expect(refused.standardError.contains("1 of 2 shards are not complete: 1-of-2"), "\(refused.standardError)")
        #expect(!FileSystem.exists(output.url("documents.csv")))

        // Slurm's array variables pick the shard.
        let slurm = ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "2"]
        #expect(try newsetl(["run", "--shard", "auto", "--quiet"], output: output, environment: slurm).status == 0)
        let ready = try newsetl(["status"], output: output)
        #expect(ready.status == 0 && ready.standardOutput.contains("ready: newsetl merge can run"), "\(ready.standardOutput)")
        let merged = try newsetl(["merge"], output: output)
        #expect(merged.status == 0, "\(merged.standardError)")
        #expect(merged.standardError.contains("read from 2 shards"))
        #expect(FileSystem.exists(output.url("documents.csv")) && !FileSystem.exists(output.url("shards")))
    }

    @Test func refusesABadShardArgument() throws {
        let output = TemporaryFolder()
        let outcome = try newsetl(["run", "--shard", "2/2"], output: output)
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("shard 2 does not exist in a run of 2 shards"), "\(outcome.standardError)")
        let noEngine = try newsetl(["run", "--shard", "auto"], output: output,
                                   environment: ["SLURM_ARRAY_TASK_ID": "", "JOB_COMPLETION_INDEX": ""])
        #expect(noEngine.status == 64)
    }
}
