import Foundation
import Logging

/// The first part of a run: what to process, decided from the config, the
/// input folder as walked and the state earlier runs left (ledger, record
/// store). Holds the output folder's lock from the moment the plan is made
/// until the run is published or abandoned.
struct RunPlan {
    /// What the input folder and the state say the run is to do.
    let survey: RunSurvey
    let lock: RunLock
    let startedAt: Date
    /// Problems found while planning (a lock taken over, a state file unreadable).
    let warnings: [String]
    /// `run-20261122T204500Z`, unique in the output folder.
    let runID: String
    let context: CorpusContext

    var folder: String { survey.folder }
    var state: StateStore { survey.state }
    var changes: ChangeSet { survey.changes }
    /// The earlier runs' ledger and records, nil on a full run.
    var ledger: InputLedger? { survey.ledger }
    var previous: RecordStoreReader? { survey.previous }

    /// Nothing new, changed or deleted, and no reason for a full run.
    var isEmpty: Bool { changes.isEmpty && changes.fullReason == nil }

    var summaryChanges: RunSummary.Changes {
        RunSummary.Changes(new: changes.new, changed: changes.changed, unchanged: changes.unchanged,
                           deleted: changes.deleted, fullReason: changes.fullReason)
    }
}

/// What the input folder and the earlier runs' state say a run is to do.
struct RunSurvey {
    let folder: String
    let state: StateStore
    let changes: ChangeSet
    /// The earlier runs' ledger and records, nil on a full run.
    let ledger: InputLedger?
    let previous: RecordStoreReader?
    /// Problems found in the state.
    let warnings: [String]
}

/// Makes the `RunPlan`: checks the folders, takes the lock, completes a
/// commit a killed run left half done, compares the input folder with the
/// ledger, and refuses a run that would delete too much.
struct RunPlanner {
    let config: PipelineConfig
    let options: PipelineRunner.Options

    func plan(startedAt: Date) throws -> RunPlan {
        let (folder, listing) = try openFolders()
        let lock = try RunLock(folder: folder)
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
        let survey = try self.survey(folder: folder, listing: listing)
        let runID = survey.state.unusedRunID(PipelineRunner.runID(startedAt))
        let withdrawn = Set(survey.changes.deleted.compactMap { survey.ledger?.entry($0)?.outcome.docID })
        return RunPlan(survey: survey, lock: lock, startedAt: startedAt, warnings: warnings + survey.warnings, runID: runID,
                       context: CorpusContext(outputFolder: folder, runID: runID, startsFresh: survey.changes.fullReason != nil,
                                              withdrawnDocIDs: withdrawn))
    }

    /// What a run would process, for a shard: the same survey as `plan`,
    /// without the lock (shards run side by side) and changing nothing; a
    /// folder whose last commit was interrupted is refused, since only a
    /// run or a merge, holding the lock, may complete it.
    func survey() throws -> RunSurvey {
        let (folder, listing) = try openFolders()
        if FileSystem.exists(OutputTransaction.journalPath(in: folder)) {
            throw RunError.output("output folder \(folder): the commit of an interrupted run is not complete; "
                                  + "run newsetl merge or newsetl run once to complete it, then the shards")
        }
        return try survey(folder: folder, listing: listing)
    }

    /// Checks the input and output folders and walks the input.
    private func openFolders() throws -> (folder: String, listing: InputWalker.Listing) {
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
        try options.checkStop()
        for skipped in listing.skippedFolders {
            logger.notice("\(config.input.path)/\(skipped) is the output folder: not read as input")
        }
        return (folder, listing)
    }

    /// Compares the walked input with the earlier runs' state; reads only.
    private func survey(folder: String, listing: InputWalker.Listing) throws -> RunSurvey {
        let logger = options.logger
        let published = PublishedDataset(folder: folder)
        let foreign = published.foreignEntries()
        if !foreign.isEmpty {
            throw RunError.outputFolder("output folder \(folder): \(foreign.joined(separator: ", ")) were not written by NewsETL "
                                        + "and would be replaced; move them away")
        }
        let state = StateStore(output: folder)
        var (ledger, previous, problems) = loadEarlierRuns(state)
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
        try guardDeletions(changes, known: ledger?.count ?? 0, inputIsEmpty: listing.files.isEmpty)
        if let fullReason, ledger != nil { logger.notice("processing every file: \(fullReason)") }
        return RunSurvey(folder: folder, state: state, changes: changes, ledger: fullReason == nil ? ledger : nil,
                         previous: previous, warnings: problems)
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
