/// The files of one run being written. Nothing is visible under its final
/// name until `commit`; `abort` (or dropping the session) removes the
/// temporary files and leaves the previous outputs as they were.
///
/// Rows are made once, buffered, and written by one thread per format
/// (up to `threads`): each format's files (and the SQLite database's
/// tables) get the same rows in the same order, so the output does not
/// depend on the thread count.
public final class ExportSession {
    private let documentsLayout: RowLayout<Document>
    private let includeRemoved: Bool
    private let includeEntities: Bool
    private let folder: String
    private let threads: Int
    /// `datasets.json`: the dictionary of exactly the datasets and formats this session writes.
    private let dictionary: [UInt8]
    private var formats: [ExportFormatWriters] = []
    /// `newsetl.sqlite`, when the formats name `sqlite`.
    private var database: SQLiteExport?
    private var pending: [ExportEntry] = []
    /// Whether some format encodes the current record's rows.
    private var needsRows = true
    private let recording: Bool
    private var earlier: EarlierRows?
    /// Records whose rows the files copied from the earlier dataset.
    private(set) var copiedRecords = 0
    /// Entity summary rows copied from the earlier dataset, and all of them.
    private(set) var copiedSummaryRows = (copied: 0, of: 0)
    /// Whether the database is the earlier one updated, not rebuilt.
    var updatesDatabase: Bool { database?.isUpdate == true }
    /// Every record the session was told of (`beginRecord`).
    private var records: [String] = []
    /// Whether a format writes files (CSV, JSONL, XML), not only the database.
    private var writesFiles = false
    /// The entity summary rows' ids and digests, when recording.
    private var summaryRows = SummaryRows<String>()
    /// The earlier summary's rows, when the files copy from the earlier
    /// dataset or the database updates the earlier one.
    private var earlierSummary: SummaryRows<Int>?
    private var summary = EntitySummary()
    /// What `report.html` shows beyond the manifest; nil when the session writes no report.
    private var facts: DatasetFacts?
    /// The facts and entity rows of the committed session, for a report written elsewhere.
    private(set) var reportInput: (facts: DatasetFacts, entities: [EntitySummary.Row])?
    private var committed = false
    /// Rows buffered before the formats write them.
    private static let batchRows = 4096
    /// Records whose rows the files copy, buffered before the formats copy
    /// them: copying is the formats' work, so it starts while the records
    /// after them are read.
    private static let batchCopies = 32
    /// Records begun since the last flush whose rows the files copy.
    private var pendingCopies = 0
    /// The batch the formats are writing while the next one is made.
    private var writing: BackgroundWork<(any Error)?>?

    /// With `recordSpans`, the session notes where each record's rows go
    /// (`takeRowSpans`); with `earlier`, records begun with `copy` take their
    /// rows in the file formats from the earlier dataset's files.
    init(stage: ExportStage, folder: String, includeRemoved: Bool, includeEntities: Bool, threads: Int, report: Bool = false,
         recordSpans: Bool = false, earlier: EarlierRows? = nil) throws {
        facts = report ? DatasetFacts() : nil
        recording = recordSpans
        documentsLayout = Datasets.documents(includeText: stage.includeText)
        self.includeRemoved = includeRemoved
        self.includeEntities = includeEntities
        self.folder = folder
        self.threads = max(1, threads)
        let kinds: [(ExportRowKind, Dataset)] = [(.documents, documentsLayout.dataset), (.rejects, Datasets.rejectsLayout.dataset),
                                        (.duplicates, Datasets.duplicatesLayout.dataset)]
            + (includeRemoved ? [(.removed, Datasets.removedLayout.dataset)] : [])
            + (includeEntities ? [(.entities, Datasets.entitiesLayout.dataset), (.summary, Datasets.entitySummaryLayout.dataset)] : [])
        let datasets = kinds.map(\.1)
        dictionary = DataDictionaryText.json(datasets, formats: stage.formats)
        do {
            for format in stage.formats {
                let group = ExportFormatWriters(format, recording: recordSpans, folder: folder)
                formats.append(group)
                if format == .sqlite {
                    let database = try SQLiteExport(datasets: datasets, folder: folder, updating: earlier?.databasePath)
                    self.database = database
                    group.database = database
                    for (kind, dataset) in kinds { group.writers[kind] = try database.table(dataset) }
                } else {
                    for (kind, dataset) in kinds { group.writers[kind] = try format.makeWriter(for: dataset, folder: folder, csv: stage.csv) }
                }
            }
        } catch {
            abort()
            throw error
        }
        self.earlier = earlier.flatMap { $0.fileNames == spannedFiles ? $0 : nil }
        for group in formats where ExportFormat.fileFormats.contains(group.format) { group.earlier = self.earlier }
        writesFiles = formats.contains { ExportFormat.fileFormats.contains($0.format) }
        if self.earlier != nil || database?.isUpdate == true { earlierSummary = earlier?.summary }
    }

    /// Whether the files can copy the earlier summary's rows.
    private var copiesSummary: Bool {
        let names = formats.filter { ExportFormat.fileFormats.contains($0.format) }.compactMap { group in
            (group.writers[.summary] as? any DatasetWriter).map(ExportFormatWriters.name)
        }
        return earlier?.coversSummary(of: names) == true
    }

    /// The names of the files whose rows are kept by record (or by
    /// entity, for the summary).
    private var spannedFiles: Set<String> {
        Set(formats.filter { ExportFormat.fileFormats.contains($0.format) }.flatMap { group in
            group.writers.values.compactMap { ($0 as? any DatasetWriter).map(ExportFormatWriters.name) }
        })
    }

    deinit {
        if !committed { abort() }
    }

    /// Every file the session writes, by final path.
    public var outputPaths: [String] {
        allWriters.map(\.finalPath) + (database.map { [$0.finalPath] } ?? []) + [dictionaryPath]
            + (facts == nil ? [] : [reportPath]) + [manifestPath]
    }

    /// The files of one dataset each: dataset by dataset, each in the configured format order.
    private var allWriters: [any DatasetWriter] {
        ExportRowKind.allCases.flatMap { kind in formats.compactMap { $0.writers[kind] as? any DatasetWriter } }
    }

    private var manifestPath: String { "\(folder)/manifest.json" }
    private var dictionaryPath: String { "\(folder)/\(DataDictionaryText.fileName)" }
    private var reportPath: String { "\(folder)/\(RunReportPage.fileName)" }

    /// The rows written next, up to the next call, are those of the
    /// record of the input at `path`. When it is `unchanged` (the record
    /// as the earlier dataset holds it) and the earlier dataset's spans
    /// cover it, the file formats copy its rows from there and an updated
    /// database keeps them: only the counts see them again. `replacing` is
    /// the earlier record of the same input, whose rows an updated
    /// database drops unless it keeps them.
    func beginRecord(path: String, unchanged: Bool = false, replacing earlierRecord: StoredRecord? = nil) {
        let copy = unchanged && earlier?.covers(path) == true
        if copy { copiedRecords += 1 }
        begin(path, copy: copy, forgetting: earlierRecord.map(ExportSession.forgetting))
    }

    /// An earlier record that leaves the dataset (its input changed or
    /// went): an updated database drops its rows.
    func forgetEarlier(_ record: StoredRecord) {
        if database?.isUpdate == true { pending.append(ExportSession.forgetting(record)) }
    }

    private static func forgetting(_ record: StoredRecord) -> ExportEntry {
        let docIDs = Set([record.document?.docID, record.duplicate?.docID].compactMap { $0 })
        return .forget(docIDs: docIDs.sorted(), paths: record.rejection.map { [$0.path] } ?? [], entityIDs: [])
    }

    /// Starts the rows of the record of `path`; an updated database first
    /// drops what `forgetting` names unless it keeps the rows.
    private func begin(_ path: String, copy: Bool, forgetting: ExportEntry?) {
        let filesCopy = copy && earlier != nil
        let databaseKeeps = copy && database?.isUpdate == true
        if !databaseKeeps, database?.isUpdate == true, let forgetting { pending.append(forgetting) }
        needsRows = (!filesCopy && writesFiles) || (database != nil && !databaseKeeps)
        if filesCopy { pendingCopies += 1 }
        pending.append(.record(path: path, copy: copy))
        if recording { records.append(path) }
    }

    /// The entity summary's rows, each copied when the earlier summary
    /// holds it with the same values, encoded otherwise; rows of entities
    /// gone since leave an updated database. Both summaries are in entity
    /// id order: one walk pairs their rows, and a run of unchanged rows is
    /// one copy.
    private func writeSummary(_ rows: [EntitySummary.Row]) throws {
        var walk = SummaryWalk(earlierSummary ?? SummaryRows<Int>())
        let copies = copiesSummary
        let updatesDatabase = database?.isUpdate == true
        // The rows of a copied run go to a database that is made anew.
        let databaseNeedsCopiedRows = database != nil && !updatesDatabase
        /// Where in `pending` the marker of the run being copied is.
        var copyMarker: Int?
        var encoding = false
        for row in rows {
            let values = Datasets.entitySummaryLayout.row(row)
            let digest = ExportSession.digest(values)
            if recording { summaryRows.append(id: row.entityID, digest: digest) }
            let earlierRow = walk.row(of: row.entityID)
            if let earlierRow, copies, walk.earlier.digest(at: earlierRow).elementsEqual(digest) {
                if let marker = copyMarker, case .summary(let run?) = pending[marker], run.upperBound == earlierRow {
                    pending[marker] = .summary(copying: run.lowerBound..<(earlierRow + 1))
                } else {
                    copyMarker = pending.count
                    pending.append(.summary(copying: earlierRow..<(earlierRow + 1)))
                }
                encoding = false
                copiedSummaryRows.copied += 1
                if databaseNeedsCopiedRows { pending.append(.row(.summary, values)) }
            } else {
                if earlierRow != nil, updatesDatabase { pending.append(.forget(docIDs: [], paths: [], entityIDs: [row.entityID])) }
                if !encoding {
                    pending.append(.summary(copying: nil))
                    encoding = true
                    copyMarker = nil
                }
                pending.append(.row(.summary, values))
            }
            if pending.count >= ExportSession.batchRows {
                try flush()
                copyMarker = nil
            }
        }
        copiedSummaryRows.of = rows.count
        walk.finish()
        if updatesDatabase, !walk.gone.isEmpty { pending.append(.forget(docIDs: [], paths: [], entityIDs: walk.gone)) }
        pending.append(.record(path: nil, copy: false))
    }

    /// The SHA-256 of a row's values (as JSON writes each, one per line).
    private static func digest(_ values: [FieldValue]) -> [UInt8] {
        var bytes: [UInt8] = []
        for value in values {
            value.appendJSON(to: &bytes)
            bytes.append(UInt8(ascii: "\n"))
        }
        return SHA256.digest(bytes)
    }

    public func write(_ document: Document) throws {
        let rows = needsRows
        if rows { pending.append(.row(.documents, documentsLayout.row(document))) }
        facts?.add(document)
        if includeEntities {
            if rows {
                for record in document.entities { pending.append(.row(.entities, Datasets.entitiesLayout.row(.init(item: record, docID: document.docID)))) }
            }
            summary.add(document)
        }
        if includeRemoved, rows {
            for paragraph in document.removed { pending.append(.row(.removed, Datasets.removedLayout.row(.init(item: paragraph, docID: document.docID)))) }
        }
        try flushWhenFull()
    }

    public func write(_ rejection: Rejection) throws {
        if needsRows { pending.append(.row(.rejects, Datasets.rejectsLayout.row(rejection))) }
        facts?.add(rejection)
        try flushWhenFull()
    }

    public func write(_ duplicate: DuplicateRecord) throws {
        if needsRows { pending.append(.row(.duplicates, Datasets.duplicatesLayout.row(duplicate))) }
        facts?.add(duplicate)
        try flushWhenFull()
    }

    private func flushWhenFull() throws {
        if pending.count >= ExportSession.batchRows || pendingCopies >= ExportSession.batchCopies { try flush() }
    }

    /// Hands the buffered rows to every format, one thread per format, in
    /// the background: the formats write one batch while the next is made,
    /// and each batch after the one before, so the files do not depend on
    /// the timing.
    private func flush() throws {
        guard !pending.isEmpty else { return }
        try finishWriting()
        let rows = pending, formats = formats, workers = min(threads, formats.count)
        pending.removeAll(keepingCapacity: true)
        pendingCopies = 0
        writing = BackgroundWork { WorkerPool.map(formats, workers: workers) { $0.write(rows) }.compactMap { $0 }.first }
    }

    /// Waits for the batch the formats are writing; throws what failed there.
    private func finishWriting() throws {
        guard let batch = writing else { return }
        writing = nil
        if let error = batch.wait() { throw error }
    }

    /// Closes every dataset and writes the manifest, then renames all files
    /// into place, the manifest last, so a manifest always describes
    /// complete data.
    public func commit(manifest: [UInt8]) throws {
        try commit { _, file in try file.write(manifest) }
    }

    /// Closes every dataset; `manifest` writes the manifest into the file
    /// it is given, from the finished files (their sizes, SHA-256 and record
    /// counts); when the session makes one, writes the report `report`
    /// renders from what the rows added up to; renames all of them into
    /// place, the manifest last.
    /// Returns the dataset files.
    @discardableResult
    func commit(manifest: ([WrittenFile], AtomicFile) throws -> Void,
                report: ((DatasetFacts, [EntitySummary.Row]) throws -> [UInt8])? = nil) throws -> [WrittenFile] {
        let entityRows = includeEntities ? summary.rows() : []
        try writeSummary(entityRows)
        if let facts { reportInput = (facts, entityRows) }
        try flush()
        try finishWriting()
        for group in formats { try group.closeSpans() }
        let writers = allWriters
        // Each format closes its files (or its database) on its own thread: syncing and digesting them overlap.
        let finished = try WorkerPool.map(formats, workers: min(threads, formats.count)) { group in Result { try group.finish() } }
            .map { try $0.get() }
        // Dataset by dataset, each in the configured format order, as the manifest lists them; the database last.
        var written: [WrittenFile] = []
        for kind in ExportRowKind.allCases {
            for files in finished { written += files.filter { $0.kind == kind }.map(\.file) }
        }
        written += finished.flatMap { $0.filter { $0.kind == nil }.map(\.file) }
        let dictionaryFile = try AtomicFile(path: dictionaryPath)
        try dictionaryFile.write(dictionary)
        try dictionaryFile.close()
        var reportFile: AtomicFile?
        if let facts, let report {
            let file = try AtomicFile(path: reportPath)
            try file.write(try report(facts, entityRows))
            try file.close()
            reportFile = file
        }
        let manifestFile = try AtomicFile(path: manifestPath)
        try manifest(written, manifestFile)
        try manifestFile.close()
        let renames = writers.map { ($0.temporaryPath, $0.finalPath) }
            + (database.map { [($0.temporaryPath, $0.finalPath)] } ?? [])
            + [(dictionaryFile.temporaryPath, dictionaryPath)]
            + (reportFile.map { [($0.temporaryPath, reportPath)] } ?? [])
            + [(manifestFile.temporaryPath, manifestPath)]
        for (temporary, final) in renames { try AtomicFile.rename(from: temporary, to: final) }
        committed = true
        return written
    }

    /// Where each record's rows went in each dataset file, every record
    /// the session was told of, and the entity summary rows' digests: what
    /// `NotedRowSpanIndex` writes. Taken once, after `commit`: the session
    /// lets go of them.
    func takeRowSpans() -> RecordedSpans {
        var summary = summaryRows
        for group in formats where !group.summaryStarts.isEmpty {
            if let file = group.writers[.summary] as? any DatasetWriter { summary.starts[ExportFormatWriters.name(file)] = group.summaryStarts }
        }
        defer {
            records = []
            summaryRows = SummaryRows()
        }
        return RecordedSpans(files: Array(spannedFiles), formats: formats.map { $0.takeRecorded() },
                             records: records, summary: summary)
    }

    /// Seconds each format took to write its rows and close its files, by
    /// format name: what a format costs, for `--log-level debug` and the benchmarks.
    public var writeSeconds: [String: Double] {
        Dictionary(formats.map { ($0.format.rawValue, $0.seconds) }, uniquingKeysWith: +)
    }

    /// Removes every temporary file of the session.
    public func abort() {
        // A batch still being written is waited for, its error moot: the files go.
        try? finishWriting()
        for writer in allWriters { AtomicFile.discard(writer.temporaryPath) }
        database?.discard()
        AtomicFile.discard(AtomicFile.temporaryPath(for: dictionaryPath))
        AtomicFile.discard(AtomicFile.temporaryPath(for: reportPath))
        AtomicFile.discard(AtomicFile.temporaryPath(for: manifestPath))
    }
}
