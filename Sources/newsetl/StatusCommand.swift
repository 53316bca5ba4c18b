import Foundation
import ArgumentParser
import Logging
import NewsETL

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "List the shards of the pending run: done, failed, missing. Exit 0 when newsetl merge can run.",
        discussion: "The pending run is the one the input folder calls for now; give the same --config, --input and --output as the shards.")

    @OptionGroup var pipeline: PipelineOptions

    @Option(name: .long, help: "The number of shards the run is split into (default: what the complete shards say).")
    var shards: Int?

    func run() throws {
        let (logger, _, _) = pipeline.makeLogger()
        let config = try pipeline.loadConfig(logger: logger)
        let set: ShardSet
        do {
            set = try PipelineRunner(config: config, options: pipeline.runnerOptions(logger: logger)).shardStatus(expectedShards: shards)
        } catch let error as RunError {
            throw PipelineOptions.fail(error.description, PipelineOptions.exitCode(for: error), logger: logger)
        }
        print("run \(set.run): \(set.count.map { "\($0) shards" } ?? "number of shards not known yet")")
        print("done: \(set.done.count)" + (set.done.isEmpty ? "" : " (\(ranges(set.done)))"))
        for (index, line) in set.failed.sorted(by: { $0.key < $1.key }) { print("failed: \(index): \(line)") }
        print("missing: \(set.missing.count)" + (set.missing.isEmpty ? "" : " (\(ranges(set.missing)))"))
        for folder in set.stale { print("stale: shards/\(folder) (another input state, config or version; removed by the next merge)") }
        if set.isComplete {
            print("ready: newsetl merge can run")
        } else {
            for reason in set.reasons { print("not ready: \(reason)") }
            throw ExitStatus.shardsIncomplete
        }
    }

    /// `0-3, 5, 7-9`.
    private func ranges(_ indices: [Int]) -> String {
        var parts: [String] = []
        var start = indices.first ?? 0, last = start
        for index in indices.dropFirst() + [Int.max] {
            if index == last + 1 { last = index; continue }
            parts.append(start == last ? "\(start)" : "\(start)-\(last)")
            start = index
            last = index
        }
        return parts.joined(separator: ", ")
    }
}
