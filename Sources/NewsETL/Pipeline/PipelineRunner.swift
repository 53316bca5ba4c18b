import Foundation
import Logging

/// Runs a validated pipeline over its input folder and maintains the
/// output folder: the cumulative datasets, `runs/<run-id>/` with each run's
/// new rows, and the state under `.state/`.
///
/// A run takes the folder's lock, completes a commit a killed run left
/// half done, and compares the input folder with the ledger of earlier
/// runs: only new and changed files are processed; with nothing to do it
/// changes nothing. Files are decoded and passed through per-document
/// stages in batches on `workers` threads; results are consumed in input
/// order, so outputs are byte-identical at any worker count. Before a corpus
/// stage the documents are spooled to a temporary file while the stage keeps
/// only a compact summary of each. Every file the run writes appears at once
/// through an `OutputTransaction`.
public struct PipelineRunner {
    public struct Options {
        /// Process every file again, whatever the state says.
        public var full = false
        public var logger = Logger(label: "newsetl")
        public var progress: RunProgress.Handler?

        public init(full: Bool = false, logger: Logger = Logger(label: "newsetl"), progress: RunProgress.Handler? = nil) {
            self.full = full
            self.logger = logger
            self.progress = progress
        }
    }

    public let config: PipelineConfig
    public let options: Options

    public init(config: PipelineConfig, options: Options = Options()) {
        self.config = config
        self.options = options
    }

    /// `run-20261122T204500Z`: the run's name in state that later runs read.
    static func runID(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return "run-" + formatter.string(from: date)
    }

    public func run() throws -> RunSummary {
        let startedAt = Date()
        let logger = options.logger
        let files: [InputFile]
        do {
            files = try InputWalker(options: config.input).walk()
        } catch let error as InputWalker.FolderError {
            throw RunError.inputFolder(error.description)
        }
        let folder = try OutputFolder.prepare(config.outputPath)
        let lock = try RunLock(folder: folder)
        defer { withExtendedLifetime(lock) {} }
        var warnings: [String] = []
        if let owner = lock.staleOwner {
            warnings.append("took over the lock of run pid \(owner), which ended without releasing it")
        }
        do {
            if let renamed = try OutputTransaction.recover(folder: folder) {
                warnings.append("completed the commit of an interrupted run (\(renamed) files put in place)")
            }
        } catch {
            throw RunError.output("cannot complete the commit of an interrupted run: \(error)")
        }
        OutputFolder.sweepAbandonedTemporaryFiles(in: folder)
        let state = StateFolder(output: folder)
        var (ledger, previous, problems) = loadEarlierRuns(state)
        warnings += problems
        let fullReason: String? =
            if options.full { "--full was given" }
            else if !problems.isEmpty { "the state could not be read" }
            else if ledger == nil || previous == nil { "no earlier run in this output folder" }
            else if ledger!.configSHA256 != config.sha256 { "the config changed (sha256 \(ledger!.configSHA256.prefix(12)) → \(config.sha256.prefix(12)))" }
            else { nil }
        if fullReason != nil { previous = nil }
        let changes = ChangeSet(files: files, ledger: ledger, fullReason: fullReason)
        if let fullReason, ledger != nil { logger.notice("processing every file: \(fullReason)") }
        let summaryChanges = RunSummary.Changes(new: changes.new, changed: changes.changed, unchanged: changes.unchanged,
                                                deleted: changes.deleted, fullReason: fullReason)
        if changes.isEmpty && fullReason == nil {
            return RunSummary(runID: "", changes: summaryChanges, configSHA256: config.sha256, startedAt: startedAt, finishedAt: Date(),
                              stages: [], files: [], documentsWritten: 0, removalsByRule: [:], warnings: warnings, outputFiles: [])
        }
        logger.info("\(changes.files.count) files to process (\(changes.new) new, \(changes.changed) changed), \(changes.unchanged) unchanged, \(changes.deleted.count) deleted")
        let runID = state.unusedRunID(PipelineRunner.runID(startedAt))
        let withdrawn = Set(changes.deleted.compactMap { ledger?.entries[$0]?.outcome.docID })
        let context = CorpusContext(outputFolder: folder, runID: runID, startsFresh: fullReason != nil, withdrawnDocIDs: withdrawn)
        return try IncrementalRun(config: config, folder: folder, state: state, runID: runID, context: context, changes: changes,
                             summaryChanges: summaryChanges, ledger: fullReason == nil ? ledger : nil, previous: previous,
                             warnings: warnings, options: options)
            .execute(startedAt: startedAt)
    }

    /// The ledger and record store earlier runs left, and what was wrong
    /// with them; either missing or unreadable means a full run.
    private func loadEarlierRuns(_ state: StateFolder) -> (InputLedger?, RecordStoreReader?, [String]) {
        var problems: [String] = []
        var ledger: InputLedger?
        switch InputLedger.load(path: state.ledgerPath) {
        case .success(let loaded): ledger = loaded
        case .failure(.missing): break
        case .failure(.corrupt(let detail)):
            problems.append("input ledger \(state.ledgerPath) is unreadable (\(detail)); processing every file again")
        }
        guard ledger != nil else { return (nil, nil, problems) }
        do {
            guard let store = try RecordStoreReader(path: state.recordsPath) else {
                return (ledger, nil, ["record store \(state.recordsPath) is missing; processing every file again"])
            }
            return (ledger, store, problems)
        } catch {
            return (ledger, nil, ["record store is unreadable (\(error)); processing every file again"])
        }
    }
}
