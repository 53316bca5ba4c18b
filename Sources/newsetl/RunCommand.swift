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

    func run() throws {
        let terminal = TerminalLine()
        let format = LogOutput.Format(rawValue: logFormat)!
        let level = quiet ? Logger.Level.warning : Logger.Level(rawValue: logLevel)!
        let logger = Logger(label: "newsetl") { _ in LogOutput(format: format, terminal: terminal, logLevel: level) }
        func fail(_ message: String, _ code: ExitCode) -> ExitCode {
            for line in message.split(separator: "\n") { logger.error("\(line)") }
            return code
        }
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
            throw fail(error.description, ExitStatus.configError)
        }
        if let input { pipeline.input.path = input }
        if let output { pipeline.outputPath = output }
        if let workers { pipeline.workers = workers }
        let bar = terminal.isTerminal && format == .text && level <= .info ? ProgressBar(terminal: terminal) : nil
        StopSignal.install()
        LibXML.setDiagnosticHandler { message in logger.warning("\(message)") }
        var options = PipelineRunner.Options(full: full, allowDeletions: allowDeletions, outputIsMine: outputIsMine, logger: logger, progress: bar.map { bar in { bar.update($0) } })
        options.stopRequested = { StopSignal.received }
        let summary: RunSummary
        do {
            summary = try PipelineRunner(config: pipeline, options: options).run()
            bar?.finish()
        } catch let error as RunError {
            bar?.finish()
            switch error {
            case .inputFolder: throw fail(error.description, ExitStatus.noInput)
            case .outputFolder: throw fail(error.description, ExitStatus.cannotCreate)
            case .output: throw fail(error.description, ExitStatus.ioError)
            case .locked: throw fail(error.description, ExitStatus.locked)
            case .config: throw fail(error.description, ExitStatus.configError)
            case .stopped(let signal): throw fail(error.description, ExitCode(128 + signal))
            }
        }
        for warning in summary.warnings { logger.warning("\(warning)") }
        if let signal = StopSignal.received {
            logger.notice("\(StopSignal.name(signal)) arrived during the commit, which was completed first")
        }
        for stage in summary.stages where stage.enabled {
            logger.debug("stage \(stage.name): in \(stage.input), out \(stage.output), rejected \(stage.rejected), duplicates \(stage.duplicates), busy \(String(format: "%.3f", stage.busySeconds)) s")
        }
        logger.info("\(RunReport.paragraph(summary, output: pipeline.outputPath))")
        if pipeline.failOnReject && summary.rejected > 0 {
            throw fail("\(summary.rejected) input files were rejected and fail_on_reject is set (see rejects.csv)", ExitStatus.dataError)
        }
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
