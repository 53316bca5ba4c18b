import Foundation
import ArgumentParser
import Logging
import NewsETL

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Publish the run that newsetl run --shard prepared: the same datasets one newsetl run would have written.",
        discussion: """
            Checks that every shard of the pending run is complete and was made with this config and version, \
            otherwise exits 69 naming the missing or mismatched shards and changes nothing. Give the same \
            --config, --input and --output as the shards.
            """)

    @OptionGroup var pipeline: PipelineOptions

    @Option(name: .long, help: "The number of shards the run was split into (default: what the complete shards say).")
    var shards: Int?

    func run() throws {
        let (logger, terminal, level) = pipeline.makeLogger()
        let config = try pipeline.loadConfig(logger: logger)
        StopSignal.install()
        try pipeline.publishing(config, logger: logger, progress: pipeline.progressBar(terminal, level: level)) {
            try $0.merge(expectedShards: shards)
        }
    }
}
