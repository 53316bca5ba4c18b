import Foundation

/// The third part of a run: books every processed item in run order — the
/// stage statistics, the outcome of each input file, the bounded-work
/// warnings, the rows of the run's datasets and its records for the state
/// folder — and builds the run's summary, once. Used on the calling thread
/// only; the executor hands it items in run order within each segment.
final class RunRecorder {
    private let config: PipelineConfig
    private let files: [InputFile]
    private let session: ExportSession
    private let records: RecordStoreWriter
    private let exportIndex: Int
    /// By input, its outcome: until a stage accounts for the input, that it
    /// is unreadable. Held whole, not as optionals to unwrap at the end: at
    /// a million inputs a second array of them was 170 MB at the run's peak.
    private var outcomes: [FileOutcome]
    /// Whether a stage accounted for the input (`outcomes` holds its own outcome).
    private var accounted: [Bool]
    private var statistics: [StageStatistics]
    private var written = DatasetCounts()
    private var warnings: [String] = []
    /// Work stages bounded, by stage and message, with the first file and
    /// how many files: one warning each, however many files it concerns.
    private var boundedWork: [(key: BoundedWorkKey, firstPath: String, documents: Int)] = []
    private var boundedIndex: [BoundedWorkKey: Int] = [:]
    /// Records completed before the last segment (rejections, dropped
    /// copies), held until the last segment reaches their place in run order.
    private var pendingRecords = PendingRecords()
    /// Duplicate records of documents still on their way to export.
    private var duplicateOf: [Int: DuplicateRecord] = [:]

    private struct BoundedWorkKey: Hashable {
        var stage: Int
        var message: String
    }

    /// `session` receives the run's rows and `records` every processed
    /// file's record, both in run order.
    init(config: PipelineConfig, files: [InputFile], session: ExportSession, records: RecordStoreWriter, exportIndex: Int) {
        self.config = config
        self.files = files
        self.session = session
        self.records = records
        self.exportIndex = exportIndex
        outcomes = files.map { FileOutcome(path: $0.relativePath, kind: .rejected, reason: .unreadable) }
        accounted = Array(repeating: false, count: files.count)
        statistics = config.stages.map { StageStatistics(name: $0.name, enabled: $0.enabled) }
    }

    func addBusyTime(_ seconds: Double, stage index: Int) {
        statistics[index].busySeconds += seconds
    }

    /// Problems a corpus stage reported without stopping (a state file set aside).
    func addWarnings(_ lines: [String]) {
        warnings.append(contentsOf: lines)
    }

    /// Books what happened to an item at each stage it passed.
    func account(_ processed: ProcessedItem) {
        for (index, seconds) in processed.timings { statistics[index].busySeconds += seconds }
        for (index, message) in processed.bounded {
            statistics[index].bounded += 1
            let key = BoundedWorkKey(stage: index, message: message)
            if let seen = boundedIndex[key] {
                boundedWork[seen].documents += 1
            } else {
                boundedIndex[key] = boundedWork.count
                boundedWork.append((key, files[processed.ordinal].relativePath, 1))
            }
        }
        for (index, event) in processed.events {
            switch event {
            case .entered: statistics[index].input += 1
            case .passed: statistics[index].output += 1
            case .rejected: statistics[index].rejected += 1
            case .duplicate: statistics[index].duplicates += 1
            }
        }
        if let record = processed.duplicate {
            outcomes[processed.ordinal] = FileOutcome(path: record.sourcePath, sha256: nil, kind: .duplicate,
                                                      docID: record.docID, canonicalID: record.canonicalID)
            accounted[processed.ordinal] = true
            duplicateOf[processed.ordinal] = record
        }
        if case .success(let document)? = processed.result, accounted[processed.ordinal], outcomes[processed.ordinal].kind == .duplicate {
            outcomes[processed.ordinal].sha256 = document.sha256
        }
    }

    /// Writes a copy's duplicate row (as soon as it is known, in segment order).
    func writeDuplicate(of processed: ProcessedItem) throws {
        guard let record = processed.duplicate else { return }
        session.beginRecord(path: files[processed.ordinal].relativePath)
        try session.write(record)
    }

    /// An item that ends before export: a rejection, or a copy dropped from the documents.
    func finishEarly(_ processed: ProcessedItem, inLastSegment: Bool) throws {
        let path = files[processed.ordinal].relativePath
        var record = StoredRecord(path: path, duplicate: duplicateOf.removeValue(forKey: processed.ordinal))
        if case .failure(let rejection)? = processed.result {
            outcomes[processed.ordinal] = FileOutcome(path: rejection.path, sha256: rejection.sha256, kind: .rejected,
                                                      reason: rejection.reason)
            accounted[processed.ordinal] = true
            session.beginRecord(path: path)
            try session.write(rejection)
            record.rejection = rejection
        }
        try keep(record, ordinal: processed.ordinal, inLastSegment: inLastSegment)
    }

    /// A document that reached export: its rows and its record.
    func export(_ document: Document, ordinal: Int) throws {
        if !accounted[ordinal] {
            outcomes[ordinal] = FileOutcome(path: document.sourcePath, sha256: document.sha256, kind: .kept, docID: document.docID)
            accounted[ordinal] = true
        }
        let clock = ContinuousClock()
        session.beginRecord(path: files[ordinal].relativePath)
        let elapsed = try clock.measure { try session.write(document) }
        statistics[exportIndex].input += 1
        statistics[exportIndex].output += 1
        statistics[exportIndex].busySeconds += elapsed.seconds
        written.add(document)
        let record = StoredRecord(path: files[ordinal].relativePath, document: document,
                                  duplicate: duplicateOf.removeValue(forKey: ordinal))
        try keep(record, ordinal: ordinal, inLastSegment: true)
    }

    /// Writes a finished record in run order: records of the last segment
    /// arrive in order; earlier ones wait until the last segment passes them.
    private func keep(_ record: StoredRecord, ordinal: Int, inLastSegment: Bool) throws {
        guard inLastSegment else {
            pendingRecords.insert(record, ordinal: ordinal)
            return
        }
        try flushPendingRecords(before: ordinal)
        try records.append(record)
    }

    /// Writes every record still held; after the last item.
    func finish() throws {
        try flushPendingRecords(before: Int.max)
        try records.finish()
    }

    private func flushPendingRecords(before ordinal: Int) throws {
        while let earlier = pendingRecords.popFirst(below: ordinal) { try records.append(earlier) }
    }

    /// The summary of the run's new rows, with every input's outcome (an
    /// input no stage accounted for is unreadable). Called once, at the end:
    /// the outcomes move into the summary and the recorder lets go of its
    /// own, which at a million inputs are ~170 MB through the publisher's commit.
    func takeSummary(of plan: RunPlan, finishedAt: Date) -> RunSummary {
        let fileOutcomes = outcomes
        outcomes = []
        accounted = []
        return RunSummary(
            runID: plan.runID, changes: plan.summaryChanges, configSHA256: config.sha256, startedAt: plan.startedAt,
            finishedAt: finishedAt, stages: statistics, files: fileOutcomes, written: written,
            warnings: plan.warnings + warnings + boundedWork.map { item in
                let stage = config.stages[item.key.stage].name
                return item.documents == 1 ? "\(stage): \(item.firstPath): \(item.key.message)"
                    : "\(stage): \(item.key.message) (\(item.documents) files, the first \(item.firstPath))"
            },
            outputFiles: session.outputPaths.map { ($0 as NSString).lastPathComponent })
    }
}
