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
        /// Accept a run that removes more than `input.max_deleted_share` of
        /// the known files (or all of them) from the dataset.
        public var allowDeletions = false
        /// Use an existing output folder that holds files NewsETL did not write.
        public var outputIsMine = false
        /// The stop signal received, if any (`StopSignal.received` in the
        /// command): checked at safe points; before the commit a run then
        /// stops and changes nothing, once the commit started it completes.
        public var stopRequested: @Sendable () -> Int32? = { nil }
        public var logger = Logger(label: "newsetl")
        public var progress: RunProgress.Handler?

        public init(full: Bool = false, allowDeletions: Bool = false, outputIsMine: Bool = false,
                    logger: Logger = Logger(label: "newsetl"), progress: RunProgress.Handler? = nil) {
            self.full = full
            self.allowDeletions = allowDeletions
            self.outputIsMine = outputIsMine
            self.logger = logger
            self.progress = progress
        }
    }

    public let config: PipelineConfig
    public let options: Options

    /// Paths set after loading (command-line overrides) are normalised here, once.
    public init(config: PipelineConfig, options: Options = Options()) {
        var config = config
        config.outputPath = PathResolution.normalize(config.outputPath)
        config.input.path = PathResolution.normalize(config.input.path)
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

    /// Throws `RunError.stopped` when a stop was requested.
    func checkStop() throws {
        if let signal = options.stopRequested() { throw RunError.stopped(signal: signal) }
    }

    public func run() throws -> RunSummary {
        let startedAt = Date()
        let logger = options.logger
        let inputReal: String
        do {
            guard try FileSystem.targetStatus(config.input.path).kind == .directory else {
                throw RunError.inputFolder("input folder \(config.input.path): not a folder")
            }
            inputReal = try FileSystem.realPath(config.input.path)
        } catch let error as SystemError {
            throw RunError.inputFolder("input folder \(config.input.path): \(error.message)")
        }
        if let outputReal = try? FileSystem.realPath(config.outputPath),
           outputReal == inputReal || PathResolution.isInside(inputReal, folder: outputReal) {
            throw RunError.config("input folder \(config.input.path) lies inside the output folder \(config.outputPath): "
                                  + "the run would read its own outputs; choose folders side by side")
        }
        let folder = try OutputFolder.prepare(config.outputPath, adopt: options.outputIsMine)
        let outputReal = (try? FileSystem.realPath(folder)) ?? folder
        let walker = InputWalker(options: config.input,
                                 excludedFolders: PathResolution.isInside(outputReal, folder: inputReal) ? [outputReal] : [])
        let listing: InputWalker.Listing
        do {
            listing = try walker.list()
        } catch let error as InputWalker.FolderError {
            throw RunError.inputFolder(error.description)
        }
        try checkStop()
        for skipped in listing.skippedFolders {
            logger.notice("\(config.input.path)/\(skipped) is the output folder: not read as input")
        }
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
        let published = PublishedDataset(folder: folder)
        let foreign = published.foreignEntries()
        if !foreign.isEmpty {
            throw RunError.outputFolder("output folder \(folder): \(foreign.joined(separator: ", ")) were not written by NewsETL "
                                        + "and would be replaced; move them away")
        }
        let state = StateStore(output: folder)
        var (ledger, previous, problems) = loadEarlierRuns(state)
        warnings += problems
        let fullReason: String? =
            if options.full { "--full was given" }
            else if !problems.isEmpty { "the state could not be read" }
            else if ledger == nil || previous == nil { "no earlier run in this output folder" }
            else if !published.isPresent { "the published dataset (current/) is missing" }
            else if ledger!.configSHA256 != config.sha256 { "the config changed (sha256 \(ledger!.configSHA256.prefix(12)) → \(config.sha256.prefix(12)))" }
            else { nil }
        if fullReason != nil { previous = nil }
        let changes = ChangeSet(files: listing.files, ledger: ledger, fullReason: fullReason, unlistedFolders: listing.unlistedFolders)
        for unlisted in listing.unlistedFolders where fullReason == nil {
            logger.warning("\(config.input.path)/\(unlisted) cannot be listed: the files earlier runs read there stay in the dataset")
        }
        try guardDeletions(changes, known: ledger?.entries.count ?? 0, inputIsEmpty: listing.files.isEmpty)
        if let fullReason, ledger != nil { logger.notice("processing every file: \(fullReason)") }
        let summaryChanges = RunSummary.Changes(new: changes.new, changed: changes.changed, unchanged: changes.unchanged,
                                                deleted: changes.deleted, fullReason: fullReason)
        if changes.isEmpty && fullReason == nil {
            return RunSummary(runID: "", changes: summaryChanges, configSHA256: config.sha256, startedAt: startedAt, finishedAt: Date(),
                              stages: [], files: [], documentsWritten: 0, removalsByRule: [:], warnings: warnings, outputFiles: [])
        }
        try checkStop()
        logger.info("\(changes.files.count) files to process (\(changes.new) new, \(changes.changed) changed), \(changes.unchanged) unchanged, \(changes.deleted.count) deleted")
        let runID = state.unusedRunID(PipelineRunner.runID(startedAt))
        let withdrawn = Set(changes.deleted.compactMap { ledger?.entries[$0]?.outcome.docID })
        let context = CorpusContext(outputFolder: folder, runID: runID, startsFresh: fullReason != nil, withdrawnDocIDs: withdrawn)
        return try IncrementalRun(config: config, folder: folder, state: state, runID: runID, context: context, changes: changes,
                             summaryChanges: summaryChanges, ledger: fullReason == nil ? ledger : nil, previous: previous,
                             warnings: warnings, options: options, checkStop: checkStop)
            .execute(startedAt: startedAt)
    }

    /// Stops a run that would remove too much of the dataset: an input
    /// folder that is empty or lost most of its files is far more often an
    /// unmounted or mistyped folder than a real deletion.
    private func guardDeletions(_ changes: ChangeSet, known: Int, inputIsEmpty: Bool) throws {
        let gone = changes.deleted.count
        guard !options.allowDeletions, known > 0, gone > 0 else { return }
        let share = config.input.maxDeletedShare
        guard inputIsEmpty || Double(gone) > share * Double(known) else { return }
        let why = inputIsEmpty ? "the folder holds no file at all" : "more than input.max_deleted_share (\(share)) of them"
        throw RunError.inputFolder("input folder \(config.input.path): \(gone) of the \(known) files the dataset knows are gone "
                                   + "(\(why)); nothing was changed. Check that the folder is mounted and complete; "
                                   + "to remove those files from the dataset, run again with --allow-deletions")
    }

    /// The ledger and record store earlier runs left, and what was wrong
    /// with them; either missing or unreadable means a full run.
    private func loadEarlierRuns(_ state: StateStore) -> (InputLedger?, RecordStoreReader?, [String]) {
        var problems: [String] = []
        var ledger: InputLedger?
        switch InputLedger.load(state.ledger) {
        case .success(let loaded): ledger = loaded
        case .failure(.missing): break
        case .failure(.damaged(let detail)):
            problems.append("input ledger \(state.ledger.path) is unreadable (\(detail)); processing every file again")
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
