import Foundation

/// The last part of a run: makes the run's folders, and once the stages
/// have run, turns the recorded run into what later readers and runs see —
/// `runs/<run-id>/` with the run's new rows, the cumulative dataset
/// (`datasets/<run-id>/`, the earlier records this run did not replace
/// merged with the new ones, see `PublishedDataset`), the ledger, the
/// record store and the stages' state — all put in place by one
/// journaled `OutputTransaction`. Before the commit, `abort` leaves the
/// output folder as it was.
final class RunPublisher {
    private let config: PipelineConfig
    private let plan: RunPlan
    private let stages: ExecutionPlan
    /// Throws when a stop was requested; called at safe points up to the commit.
    private let checkStop: () throws -> Void
    private let transaction: OutputTransaction
    private let published: PublishedDataset
    private var sessions: [ExportSession] = []
    private var temporaryFolders: [String] = []
    private var runRecords: RecordStoreWriter?
    private var runFolder = ""
    private var generation = ""

    init(config: PipelineConfig, plan: RunPlan, stages: ExecutionPlan, checkStop: @escaping () throws -> Void) {
        self.config = config
        self.plan = plan
        self.stages = stages
        self.checkStop = checkStop
        transaction = OutputTransaction(folder: plan.folder)
        published = PublishedDataset(folder: plan.folder)
    }

    /// Makes the run's temporary folders; returns where the run's rows and
    /// records go.
    func openRun() throws -> (session: ExportSession, records: RecordStoreWriter) {
        let state = plan.state
        try FileSystem.makeFolder(state.path)
        try FileSystem.makeFolder(state.runsPath)
        try FileSystem.makeFolder(published.generationsPath)
        runFolder = AtomicFile.temporaryPath(for: "\(state.runsPath)/\(plan.runID)")
        generation = AtomicFile.temporaryPath(for: published.generationPath(plan.runID))
        for temporary in [runFolder, generation] {
            FileSystem.removeTree(temporary)
            try FileSystem.makeFolder(temporary)
            temporaryFolders.append(temporary)
        }
        transaction.add(runFolder, as: "\(state.runsPath)/\(plan.runID)")
        // A first run's files become the dataset: where their rows lie is kept.
        let session = try openSession(folder: runFolder, recordSpans: plan.previous == nil)
        // A first run's records become the store; a later run's are merged into a new one.
        let records = try RecordStoreWriter(path: state.runRecordsPath, durable: plan.previous == nil)
        runRecords = records
        return (session, records)
    }

    /// Publishes the recorded run; returns the summary of its new rows.
    func publish(_ recorded: RunSummary, resolvers: [any CorpusResolver]) throws -> RunSummary {
        guard let records = runRecords, let runSession = sessions.first else { preconditionFailure("publish before openRun") }
        var runSummary = recorded
        let earlier = plan.previous == nil ? nil : loadEarlierRows(warnings: &runSummary.warnings)
        let history = RunHistory.earlierRuns(in: plan.state.runsPath, limit: RunReportPage.historyRuns)
            + [RunReportPage.RunEntry(runID: plan.runID, documents: recorded.documentsWritten)]
        func report(_ summary: RunSummary, _ facts: DatasetFacts, _ entities: [EntitySummary.Row]) -> [UInt8] {
            Array(RunReportPage(summary: summary, facts: facts, entities: entities, history: history).html.utf8)
        }
        let runFiles = try runSession.commit(manifest: { files, file in
            runSummary.writtenFiles = files
            try runSummary.writeManifest(to: file)
        }, report: { report(runSummary, $0, $1) })
        let ledger = updatedLedger(runSummary.files)
        var cumulative: RunSummary
        if plan.previous == nil {
            // No earlier records: the run's rows are the whole dataset.
            cumulative = runSummary.cumulative(files: ledger.outcomes, written: runSummary.written,
                                               outputFiles: runSummary.outputFiles, finishedAt: Date())
            try saveRowSpans(of: runSession, folder: runFolder)
            try linkRunFiles(names: runSummary.outputFiles)
            cumulative.writtenFiles = runFiles
            transaction.add(records.temporaryPath, as: plan.state.recordsPath)
            try saveState(ledger, resolvers: resolvers)
            cumulative.finishedAt = Date()
            if let input = runSession.reportInput {
                let page = report(cumulative, input.facts, input.entities)
                try writeToGeneration(RunReportPage.fileName) { try $0.write(page) }
            }
            try writeToGeneration("manifest.json") { try cumulative.writeManifest(to: $0) }
        } else {
            let session = try openSession(folder: generation, recordSpans: true, earlier: earlier)
            let store = try RecordStoreWriter(path: plan.state.recordsPath)
            let written = try mergeRecords(into: store, session: session, newRecords: RecordStoreReader(path: records.temporaryPath),
                                           resolvers: resolvers)
            // Its sync waits on the disk: the dataset is finished meanwhile.
            let storeFinished = BackgroundWork { Result { try store.finish() } }
            defer { _ = storeFinished.wait() }
            transaction.add(store.temporaryPath, as: store.finalPath)
            AtomicFile.discard(records.temporaryPath)
            cumulative = runSummary.cumulative(files: ledger.outcomes, written: written,
                                               outputFiles: session.outputPaths.map { ($0 as NSString).lastPathComponent },
                                               finishedAt: Date())
            // The dataset's last rows are made while the disk takes the bytes written so far;
            // the small state files, whose syncs would wait on those bytes, come after.
            try session.commit(manifest: { files, file in
                cumulative.writtenFiles = files
                try cumulative.writeManifest(to: file)
            }, report: { report(cumulative, $0, $1) })
            try saveRowSpans(of: session, folder: generation)
            try saveState(ledger, resolvers: resolvers)
            try storeFinished.wait().get()
        }
        runRecords = nil
        try published.publish(generation: generation, runID: plan.runID, names: cumulative.outputFiles, into: transaction)
        try checkStop()
        // From here on a stop request waits: the commit completes.
        try transaction.commit()
        runSummary.finishedAt = cumulative.finishedAt
        return runSummary
    }

    /// Seconds each export format took over the run's sessions (the run's
    /// rows and the cumulative dataset), by format name.
    var writeSeconds: [String: Double] {
        sessions.reduce(into: [:]) { total, session in total.merge(session.writeSeconds, uniquingKeysWith: +) }
    }

    /// How the cumulative dataset was made: records and entity summary
    /// rows whose rows were copied from the previous one, and whether its
    /// database was updated rather than rebuilt.
    var reuse: (copiedRecords: Int, copiedSummaryRows: (copied: Int, of: Int), updatedDatabase: Bool) {
        guard let cumulative = sessions.dropFirst().first else { return (0, (0, 0), false) }
        return (cumulative.copiedRecords, cumulative.copiedSummaryRows, cumulative.updatesDatabase)
    }

    /// Removes everything the run wrote under temporary names.
    func abort() {
        for session in sessions { session.abort() }
        transaction.abort()
        for temporary in temporaryFolders { FileSystem.removeTree(temporary) }
        if let runRecords { AtomicFile.discard(runRecords.temporaryPath) }
    }

    private func openSession(folder: String, recordSpans: Bool = false, earlier: EarlierRows? = nil) throws -> ExportSession {
        do {
            let session = try stages.export.stage.openSession(folder: folder, datasets: stages.filledDatasets,
                                                               threads: config.effectiveWorkers, report: true,
                                                               recordSpans: recordSpans, earlier: earlier)
            sessions.append(session)
            return session
        } catch {
            throw RunError.outputFolder("output folder \(folder): \(error)")
        }
    }

    private var rowSpanFile: StateFile { plan.state.file(RowSpanIndex.fileName, format: RowSpanIndex.format) }

    /// The published dataset's files with the spans of their records, when
    /// the index describes them as they are; otherwise every record is
    /// encoded again. An index an earlier release wrote in another layout
    /// is not used (the run writes a new one); a damaged index is set
    /// aside, like any state file, with a warning.
    private func loadEarlierRows(warnings: inout [String]) -> EarlierRows? {
        if rowSpanFile.isOfAnotherVersion { return nil }
        switch rowSpanFile.load(RowSpanIndex.decode) {
        case .success(let index): return EarlierRows(index: index, folder: published.currentPath, configSHA256: config.sha256)
        case .failure(.missing): return nil
        case .failure(.damaged(let detail)):
            warnings.append("row index \(rowSpanFile.path) is unreadable (\(detail)); encoding every record again")
            return nil
        }
    }

    /// Keeps where the rows of each record lie in the files `session`
    /// committed to `folder` (the dataset this run publishes).
    private func saveRowSpans(of session: ExportSession, folder: String) throws {
        let index = try NotedRowSpanIndex(configSHA256: config.sha256, folder: folder, recorded: session.takeRowSpans())
        try rowSpanFile.save(into: transaction) { try index.encode(&$0) }
    }

    /// The ledger, the stages' state: written under temporary names for the commit.
    private func saveState(_ ledger: InputLedger, resolvers: [any CorpusResolver]) throws {
        for resolver in resolvers { try resolver.persist(into: transaction) }
        try ledger.save(to: plan.state.ledger, into: transaction)
        CrashPoint.reach("state")
        try checkStop()
    }

    /// Streams the earlier records that this run did not replace and the
    /// run's new records, both in path order, into the new store and the
    /// cumulative datasets; earlier documents first pass the corpus stages'
    /// `revise`; the session copies the rows of those it leaves as they
    /// were. Returns what the written documents add up to.
    private func mergeRecords(into store: RecordStoreWriter, session: ExportSession, newRecords: RecordStoreReader?,
                              resolvers: [any CorpusResolver]) throws -> DatasetCounts {
        let replaced = plan.changes.replacedPaths
        var written = DatasetCounts()
        func nextPrevious() throws -> (record: StoredRecord, payload: [UInt8])? {
            while let stored = try plan.previous?.nextEncoded() {
                if !replaced.contains(stored.record.path) { return stored }
                session.forgetEarlier(stored.record)
            }
            return nil
        }
        var merged = 0
        var earlier = try nextPrevious()
        var fresh = try newRecords?.next()
        while earlier != nil || fresh != nil {
            let takeEarlier: Bool
            if let earlier, let fresh {
                takeEarlier = earlier.record.path.utf8.lexicographicallyPrecedes(fresh.path.utf8)
            } else {
                takeEarlier = earlier != nil
            }
            var record = takeEarlier ? earlier!.record : fresh!
            var unchanged = takeEarlier
            if takeEarlier, let document = record.document {
                let revised = resolvers.reduce(document) { $1.revise($0) }
                unchanged = revised == document
                record.document = revised
            }
            session.beginRecord(path: record.path, unchanged: unchanged, replacing: takeEarlier ? earlier!.record : nil)
            if unchanged, let payload = earlier?.payload { try store.append(encoded: payload) } else { try store.append(record) }
            if takeEarlier { earlier = try nextPrevious() } else { fresh = try newRecords?.next() }
            merged += 1
            if merged % 4096 == 0 { try checkStop() }
            if let duplicate = record.duplicate { try session.write(duplicate) }
            if let rejection = record.rejection { try session.write(rejection) }
            if let document = record.document {
                try session.write(document)
                written.add(document)
            }
        }
        return written
    }

    /// Writes one file of the new dataset folder whole (the manifest last).
    private func writeToGeneration(_ name: String, _ write: (AtomicFile) throws -> Void) throws {
        let file = try AtomicFile(path: "\(generation)/\(name)")
        try write(file)
        try file.close()
        try AtomicFile.rename(from: file.temporaryPath, to: file.finalPath)
    }

    /// With no earlier records the run's files are hard-linked (or copied)
    /// into the new dataset folder instead of being written again (not the
    /// manifest and the report, which say which scope they describe).
    private func linkRunFiles(names: [String]) throws {
        for name in names where name != "manifest.json" && name != RunReportPage.fileName {
            try FileSystem.linkOrCopy("\(runFolder)/\(name)", to: "\(generation)/\(name)")
        }
    }

    /// The earlier ledger without replaced paths, plus this run's files.
    private func updatedLedger(_ outcomes: [FileOutcome]) -> InputLedger {
        // A file the walk could not examine is stamped so that the next run reads it again.
        let stamps = plan.changes.files.map { $0.stamp ?? InputFile.Stamp(size: -1, modifiedNanoseconds: -1) }
        let added = InputLedger(configSHA256: config.sha256, outcomes: outcomes, stamps: stamps,
                                runIDs: Array(repeating: plan.runID, count: outcomes.count))
        guard let earlier = plan.ledger else { return added }
        return earlier.updated(removing: plan.changes.replacedPaths, adding: added, configSHA256: config.sha256)
    }
}
