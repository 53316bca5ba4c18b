import Foundation
import ArgumentParser
import Logging
import NewsETL

/// What `run`, `merge` and `status` share: the config, the folders, the
/// worker count and the run's safety switches, and how they log.
struct PipelineOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Pipeline config (JSON). Paths inside it are relative to its folder.",
                                            discussion: "Default: pipeline.json in the current folder, else the built-in defaults (newsetl init writes them)."))
    var config: String?

    @Option(name: .long, help: "Input folder; overrides input.path in the config.")
    var input: String?

    @Option(name: .long, help: "Output folder; overrides output.path in the config.")
    var output: String?

    @Option(name: .long, help: "Worker threads (0 = one per core); overrides workers in the config.")
    var workers: Int?

    @Flag(name: .long, help: "Process every file again, not only new and changed ones.")
    var full = false

    @Flag(name: .long, help: "Accept a run that removes more than input.max_deleted_share of the known files (or all of them) from the dataset.")
    var allowDeletions = false

    @Flag(name: .long, help: "Use an existing output folder that holds files NewsETL did not write (it only ever removes files it wrote).")
    var outputIsMine = false

    @Option(name: .long, help: "Least severe messages to log: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    @Flag(name: .long, help: "Log only warnings and errors (for cron).")
    var quiet = false

    @Option(name: .long, help: "Log line format: text or json.")
    var logFormat: String = "text"

    func validate() throws {
        if let workers, !PipelineConfig.workerRange.contains(workers) {
            throw ValidationError("--workers must be between \(PipelineConfig.workerRange.lowerBound) and \(PipelineConfig.workerRange.upperBound)")
        }
        if Logger.Level(rawValue: logLevel) == nil {
            throw ValidationError("--log-level must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if LogOutput.Format(rawValue: logFormat) == nil { throw ValidationError("--log-format must be text or json") }
    }

    /// The command's logger, the terminal it draws on, and the level it logs at.
    func makeLogger() -> (Logger, TerminalLine, Logger.Level) {
        let terminal = TerminalLine()
        let format = LogOutput.Format(rawValue: logFormat)!
        let level = quiet ? Logger.Level.warning : Logger.Level(rawValue: logLevel)!
        return (Logger(label: "newsetl") { _ in LogOutput(format: format, terminal: terminal, logLevel: level) }, terminal, level)
    }

    /// The config as loaded, with the command line's overrides.
    func loadConfig(logger: Logger) throws -> PipelineConfig {
        var pipeline: PipelineConfig
        do {
            if let config {
                pipeline = try PipelineConfig.load(path: config)
            } else if FileManager.default.fileExists(atPath: InitCommand.defaultPath) {
                pipeline = try PipelineConfig.load(path: InitCommand.defaultPath)
            } else {
                pipeline = PipelineConfig.builtIn(baseDirectory: FileManager.default.currentDirectoryPath)
                logger.notice("no \(InitCommand.defaultPath) here: using the built-in defaults (newsetl init writes them to a file to edit)")
            }
        } catch let error as ConfigError {
            throw PipelineOptions.fail(error.description, ExitStatus.configError, logger: logger)
        }
        if let input { pipeline.input.path = input }
        if let output { pipeline.outputPath = output }
        if let workers { pipeline.workers = workers }
        return pipeline
    }

    func runnerOptions(logger: Logger) -> PipelineRunner.Options {
        var options = PipelineRunner.Options(full: full, allowDeletions: allowDeletions, outputIsMine: outputIsMine, logger: logger)
        options.stopRequested = { StopSignal.received }
        return options
    }

    /// Runs `publish` (a run or a merge) with the terminal's progress bar,
    /// then logs its account; fails with the exit code the error calls for,
    /// or 65 when inputs were rejected and the config sets `fail_on_reject`.
    func publishing(_ config: PipelineConfig, logger: Logger, progress bar: ProgressBar?,
                    _ publish: (PipelineRunner) throws -> RunSummary) throws {
        var options = runnerOptions(logger: logger)
        options.progress = bar.map { bar in { bar.update($0) } }
        let summary: RunSummary
        do {
            summary = try publish(PipelineRunner(config: config, options: options))
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

    /// The progress bar, on a terminal at the info level with text logs only.
    func progressBar(_ terminal: TerminalLine, level: Logger.Level) -> ProgressBar? {
        terminal.isTerminal && logFormat == "text" && level <= .info ? ProgressBar(terminal: terminal) : nil
    }

    /// Logs `message` as errors, one per line; returns the exit code to throw.
    static func fail(_ message: String, _ code: ExitCode, logger: Logger) -> ExitCode {
        for line in message.split(separator: "\n") { logger.error("\(line)") }
        return code
    }

    /// The exit code that says what kind of failure a run, shard or merge met.
    static func exitCode(for error: RunError) -> ExitCode {
        switch error {
        case .inputFolder: ExitStatus.noInput
        case .outputFolder: ExitStatus.cannotCreate
        case .output: ExitStatus.ioError
        case .locked: ExitStatus.locked
        case .config: ExitStatus.configError
        case .shards: ExitStatus.shardsIncomplete
        case .stopped(let signal): ExitCode(128 + signal)
        }
    }
}
