import Foundation
import Logging

/// One run's work once it knows what to do: processes the new and changed
/// files into `runs/<run-id>/`, merges their records with the earlier runs'
/// into the cumulative dataset (`datasets/<run-id>/`, see
/// `PublishedDataset`) and the state, and commits all of it in one
/// `OutputTransaction`.
struct IncrementalRun {
    let config: PipelineConfig
    let folder: String
    let state: StateStore
    let runID: String
    let context: CorpusContext
    let changes: ChangeSet
    let summaryChanges: RunSummary.Changes
    /// The earlier runs' ledger, nil on a full run.
    let ledger: InputLedger?
    /// The earlier runs' records, nil on a full run.
    let previous: RecordStoreReader?
    let warnings: [String]
    let options: PipelineRunner.Options
    /// Throws when a stop was requested; called at safe points up to the commit.
    let checkStop: () throws -> Void

    func execute(startedAt: Date) throws -> RunSummary {
        let plan = ExecutionPlan(stages: config.stages)
        let transaction = OutputTransaction(folder: folder)
        let published = PublishedDataset(folder: folder)
        var runRecords: RecordStoreWriter?
        var sessions: [ExportSession] = []
        var temporaryFolders: [String] = []
        do {
            try FileSystem.makeFolder(state.path)
            try FileSystem.makeFolder(state.runsPath)
            try FileSystem.makeFolder(published.generationsPath)
            let runFolder = AtomicFile.temporaryPath(for: "\(state.runsPath)/\(runID)")
            let generation = AtomicFile.temporaryPath(for: published.generationPath(runID))
            for temporary in [runFolder, generation] {
                FileSystem.removeTree(temporary)
                try FileSystem.makeFolder(temporary)
                temporaryFolders.append(temporary)
            }
            transaction.add(runFolder, as: "\(state.runsPath)/\(runID)")
            let runSession = try openSession(plan, folder: runFolder)
            sessions.append(runSession)
            let records = try RecordStoreWriter(path: state.runRecordsPath)
            runRecords = records
            let run = PipelineRun(config: config, plan: plan, files: changes.files, session: runSession, spoolFolder: state.path,
                                  context: context, records: records, progress: options.progress, checkStop: checkStop)
            try run.execute()
            try records.finish()
            CrashPoint.reach("export")
            try checkStop()
            var runSummary = run.summary(startedAt: startedAt, finishedAt: Date(), outputFiles: runSession.outputPaths)
            runSummary.runID = runID
            runSummary.changes = summaryChanges
            runSummary.warnings = warnings + runSummary.warnings
            let runFiles = try runSession.commit { files in
                runSummary.writtenFiles = files
                return runSummary.manifestJSON()
            }

            let ledger = updatedLedger(run.outcomes)
            var cumulative: RunSummary
            var cumulativeSession: ExportSession?
            if previous == nil {
                cumulative = try linkCumulativeOutputs(from: runSession, runFolder: runFolder, into: generation, summary: runSummary)
                cumulative.writtenFiles = runFiles
                transaction.add(records.temporaryPath, as: state.recordsPath)
            } else {
                let session = try openSession(plan, folder: generation)
                sessions.append(session)
                let store = try RecordStoreWriter(path: state.recordsPath)
                cumulative = try mergeRecords(into: store, session: session,
                                              newRecords: RecordStoreReader(path: records.temporaryPath))
                try store.finish()
                transaction.add(store.temporaryPath, as: store.finalPath)
                AtomicFile.discard(records.temporaryPath)
                cumulative.outputFiles = session.outputPaths.map { ($0 as NSString).lastPathComponent }
                cumulativeSession = session
            }
            runRecords = nil
            for resolver in run.resolvers { try resolver.persist(into: transaction) }
            try ledger.save(to: state.ledger, into: transaction)
            CrashPoint.reach("state")
            try checkStop()

            cumulative.scope = .cumulative
            cumulative.runID = runID
            cumulative.changes = summaryChanges
            cumulative.configSHA256 = config.sha256
            cumulative.startedAt = startedAt
            cumulative.stages = runSummary.stages
            cumulative.warnings = runSummary.warnings
            cumulative.files = ledger.outcomes
            cumulative.finishedAt = Date()
            if let cumulativeSession {
                try cumulativeSession.commit { files in
                    cumulative.writtenFiles = files
                    return cumulative.manifestJSON()
                }
            } else {
                let manifest = try AtomicFile(path: "\(generation)/manifest.json")
                try manifest.write(cumulative.manifestJSON())
                try manifest.close()
                try AtomicFile.rename(from: manifest.temporaryPath, to: manifest.finalPath)
            }
            try published.publish(generation: generation, runID: runID, names: cumulative.outputFiles, into: transaction)
            try checkStop()
            // From here on a stop request waits: the commit completes.
            try transaction.commit()
            runSummary.finishedAt = cumulative.finishedAt
            return runSummary
        } catch {
            for session in sessions { session.abort() }
            transaction.abort()
            for temporary in temporaryFolders { FileSystem.removeTree(temporary) }
            if let runRecords { AtomicFile.discard(runRecords.temporaryPath) }
            if let error = error as? RunError { throw error }
            throw RunError.output("writing outputs failed, previous outputs left intact: \(error)")
        }
    }

    private func openSession(_ plan: ExecutionPlan, folder: String) throws -> ExportSession {
        do {
            return try plan.export.stage.openSession(folder: folder, datasets: plan.filledDatasets, threads: config.effectiveWorkers)
        } catch {
            throw RunError.outputFolder("output folder \(folder): \(error)")
        }
    }

    /// Streams the earlier records that this run did not replace and the
    /// run's new records, both in path order, into the new store and the
    /// cumulative datasets. Returns the cumulative counts (files, documents,
    /// mentions, removals) as a summary to complete.
    private func mergeRecords(into store: RecordStoreWriter, session: ExportSession,
                              newRecords: RecordStoreReader?) throws -> RunSummary {
        let replaced = changes.replacedPaths
        var summary = RunSummary(configSHA256: config.sha256, startedAt: Date(), finishedAt: Date(), stages: [], files: [],
                                 documentsWritten: 0, removalsByRule: [:], warnings: [], outputFiles: [])
        func nextPrevious() throws -> StoredRecord? {
            while let record = try previous?.next() {
                if !replaced.contains(record.path) { return record }
            }
            return nil
        }
        var merged = 0
        var earlier = try nextPrevious()
        var fresh = try newRecords?.next()
        while earlier != nil || fresh != nil {
            let takeEarlier: Bool
            if let earlier, let fresh {
                takeEarlier = earlier.path.utf8.lexicographicallyPrecedes(fresh.path.utf8)
            } else {
                takeEarlier = earlier != nil
            }
            let record = takeEarlier ? earlier! : fresh!
            if takeEarlier { earlier = try nextPrevious() } else { fresh = try newRecords?.next() }
            try store.append(record)
            merged += 1
            if merged % 4096 == 0 { try checkStop() }
            if let duplicate = record.duplicate { try session.write(duplicate) }
            if let rejection = record.rejection { try session.write(rejection) }
            if let document = record.document {
                try session.write(document)
                summary.documentsWritten += 1
                summary.entityMentions += document.entities.count
                for paragraph in document.removed { summary.removalsByRule[paragraph.rule, default: 0] += 1 }
            }
        }
        return summary
    }

    /// With no earlier records, the run's rows are the whole dataset: its
    /// files are hard-linked (or copied) into the new dataset folder instead
    /// of being written again. Returns the cumulative counts.
    private func linkCumulativeOutputs(from session: ExportSession, runFolder: String, into generation: String,
                                       summary: RunSummary) throws -> RunSummary {
        var cumulative = summary
        cumulative.outputFiles = []
        for path in session.outputPaths {
            let name = (path as NSString).lastPathComponent
            cumulative.outputFiles.append(name)
            guard name != "manifest.json" else { continue }
            try FileSystem.linkOrCopy("\(runFolder)/\(name)", to: "\(generation)/\(name)")
        }
        return cumulative
    }

    /// The earlier ledger without replaced paths, plus this run's files.
    private func updatedLedger(_ outcomes: [FileOutcome?]) -> InputLedger {
        var updated = InputLedger(configSHA256: config.sha256)
        let replaced = changes.replacedPaths
        for (path, entry) in ledger?.entries ?? [:] where !replaced.contains(path) { updated.entries[path] = entry }
        for (index, file) in changes.files.enumerated() {
            let outcome = outcomes[index] ?? FileOutcome(path: file.relativePath, kind: .rejected, reason: .unreadable)
            let stamp = changes.stamps[file.relativePath]!
            updated.entries[file.relativePath] = InputLedger.Entry(size: stamp.size, modifiedNanoseconds: stamp.modifiedNanoseconds,
                                                                   outcome: outcome, runID: runID)
        }
        return updated
    }
}
