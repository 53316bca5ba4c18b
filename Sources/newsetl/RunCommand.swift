import Foundation
import ArgumentParser
import Logging
import NewsETL

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Process new and changed files of the input folder into the output folder's datasets.",
        discussion: """
            The output folder holds the whole dataset so far; runs/<run-id>/ holds each run's new rows. \
            Unchanged files are not read again; a run with nothing new changes nothing.
            """)

    @OptionGroup var pipeline: PipelineOptions

    @Option(name: .long, help: ArgumentHelp("Process only shard I of N (I/N, counted from 0), or auto (from Slurm or Kubernetes), into output/shards/; newsetl merge publishes the run.",
                                            discussion: "auto reads SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT, or JOB_COMPLETION_INDEX with --shards N."))
    var shard: String?

    @Option(name: .long, help: "The number of shards, for --shard auto on Kubernetes (the Indexed Job's completions).")
    var shards: Int?

    func validate() throws {
        if let shards, !(1...ShardSpec.maxCount).contains(shards) {
            throw ValidationError("--shards must be between 1 and \(ShardSpec.maxCount)")
        }
        if shards != nil, shard == nil { throw ValidationError("--shards goes with --shard auto") }
    }

    func run() throws {
        let (logger, terminal, level) = pipeline.makeLogger()
        let config = try pipeline.loadConfig(logger: logger)
        let bar = pipeline.progressBar(terminal, level: level)
        StopSignal.install()
        LibXML.setDiagnosticHandler { message in logger.warning("\(message)") }
        if let shard {
            var options = pipeline.runnerOptions(logger: logger)
            options.progress = bar.map { bar in { bar.update($0) } }
            return try runShard(shard, config: config, options: options, logger: logger, bar: bar)
        }
        try pipeline.publishing(config, logger: logger, progress: bar) { try $0.run() }
    }

    private func runShard(_ text: String, config: PipelineConfig, options: PipelineRunner.Options, logger: Logger,
                          bar: ProgressBar?) throws {
        let spec: ShardSpec
        do {
            spec = text == "auto" ? try ShardSpec(environment: ProcessInfo.processInfo.environment, count: shards)
                : try ShardSpec(parsing: text)
        } catch {
            throw PipelineOptions.fail(error.description, ExitCode.validationFailure, logger: logger)
        }
        do {
            let summary = try ShardRunner(config: config, shard: spec, options: options).run()
            bar?.finish()
            let line = "shard \(summary.shard) of run \(summary.run): \(summary.files) of the run's \(summary.runFiles) files processed "
                + "(\(summary.rejected) rejected) into \(summary.folder); newsetl merge publishes the run once every shard is done"
            logger.info("\(line)")
        } catch let error as RunError {
            bar?.finish()
            throw PipelineOptions.fail("shard \(spec): \(error.description)", PipelineOptions.exitCode(for: error), logger: logger)
        }
    }

    /// Logs the end of a run or merge: warnings, per-stage counts, the one-paragraph account.
    static func report(_ summary: RunSummary, config: PipelineConfig, logger: Logger) {
        for warning in summary.warnings { logger.warning("\(warning)") }
        if let signal = StopSignal.received {
            logger.notice("\(StopSignal.name(signal)) arrived during the commit, which was completed first")
        }
        for stage in summary.stages where stage.enabled {
            logger.debug("stage \(stage.name): in \(stage.input), out \(stage.output), rejected \(stage.rejected), duplicates \(stage.duplicates), busy \(String(format: "%.3f", stage.busySeconds)) s")
        }
        logger.info("\(RunReport.paragraph(summary, output: config.outputPath))")
    }
}

/// The one-paragraph account of a run that ends its log.
enum RunReport {
    static func paragraph(_ summary: RunSummary, output: String) -> String {
        let seconds = String(format: "%.2f", summary.finishedAt.timeIntervalSince(summary.startedAt))
        let changes = summary.changes
        let seen = changes.new + changes.changed + changes.unchanged
        if summary.runID.isEmpty {
            return "nothing new: \(seen) files seen, all unchanged since the last run, none deleted; outputs in \(output) left as they were (\(seconds) s)"
        }
        var text = "\(summary.runID): \(seen) files seen: \(changes.new) new, \(changes.changed) changed, "
            + "\(changes.unchanged) unchanged, \(changes.deleted.count) deleted"
        if let reason = changes.fullReason { text += " (all processed: \(reason))" }
        text += "; of \(summary.inputs) processed: \(summary.kept) kept, \(summary.duplicates) duplicates, \(summary.rejected) rejected; "
            + "\(summary.documentsWritten) documents and \(summary.entityMentions) entity mentions written to \(output)/runs/\(summary.runID), "
            + "cumulative datasets in \(output); \(seconds) s"
        return text
    }
}
