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
        let bar = terminal.isTerminal && pipeline.logFormat == "text" && level <= .info ? ProgressBar(terminal: terminal) : nil
        StopSignal.install()
        var options = pipeline.runnerOptions(logger: logger)
        options.progress = bar.map { bar in { bar.update($0) } }
        let summary: RunSummary
        do {
            summary = try PipelineRunner(config: config, options: options).merge(expectedShards: shards)
            bar?.finish()
        } catch let error as RunError {
            bar?.finish()
            throw PipelineOptions.fail(error.description, PipelineOptions.exitCode(for: error), logger: logger)
        }
        RunCommand.report(summary, config: config, logger: logger)
        if config.failOnReject && summary.rejected > 0 {
            throw PipelineOptions.fail("\(summary.rejected) input files were rejected and fail_on_reject is set (see rejects.csv)",
                                       ExitStatus.dataError, logger: logger)
        }
    }
}
