/// The files of one run being written. Nothing is visible under its final
/// name until `commit`; `abort` (or dropping the session) removes the
/// temporary files and leaves the previous outputs as they were.
///
/// Rows are made once, buffered, and written by one thread per format
/// (up to `threads`): each format's files (and the SQLite database's
/// tables) get the same rows in the same order, so the output does not
/// depend on the thread count.
public final class ExportSession {
    private enum Kind: CaseIterable {
        case documents, rejects, duplicates, removed, entities, summary
    }

    /// One format's writers; used by one thread at a time.
    private final class FormatWriters: @unchecked Sendable {
        let format: ExportFormat
        var writers: [Kind: any RowSink] = [:]
        /// Time spent writing this format's rows and closing its files.
        var seconds = 0.0

        init(_ format: ExportFormat) {
            self.format = format
        }

        func write(_ rows: [(kind: Kind, row: [FieldValue])]) -> (any Error)? {
            let clock = ContinuousClock()
            let start = clock.now
            defer { seconds += (clock.now - start).seconds }
            do {
                for (kind, row) in rows { try writers[kind]?.write(row) }
                return nil
            } catch {
                return error
            }
        }
    }

    private let documentsLayout: RowLayout<Document>
    private let includeRemoved: Bool
    private let includeEntities: Bool
    private let folder: String
    private let threads: Int
    /// `datasets.json`: the dictionary of exactly the datasets and formats this session writes.
    private let dictionary: [UInt8]
    private var formats: [FormatWriters] = []
    /// `newsetl.sqlite`, when the formats name `sqlite`.
    private var database: SQLiteExport?
    private var pending: [(kind: Kind, row: [FieldValue])] = []
    private var summary = EntitySummary()
    /// What `report.html` shows beyond the manifest; nil when the session writes no report.
    private var facts: DatasetFacts?
    /// The facts and entity rows of the committed session, for a report written elsewhere.
    private(set) var reportInput: (facts: DatasetFacts, entities: [EntitySummary.Row])?
    private var committed = false
    /// Rows buffered before the formats write them.
    private static let batchRows = 4096

    init(stage: ExportStage, folder: String, includeRemoved: Bool, includeEntities: Bool, threads: Int, report: Bool = false) throws {
        facts = report ? DatasetFacts() : nil
        documentsLayout = Datasets.documents(includeText: stage.includeText)
        self.includeRemoved = includeRemoved
        self.includeEntities = includeEntities
        self.folder = folder
        self.threads = max(1, threads)
        let kinds: [(Kind, Dataset)] = [(.documents, documentsLayout.dataset), (.rejects, Datasets.rejectsLayout.dataset),
                                        (.duplicates, Datasets.duplicatesLayout.dataset)]
            + (includeRemoved ? [(.removed, Datasets.removedLayout.dataset)] : [])
            + (includeEntities ? [(.entities, Datasets.entitiesLayout.dataset), (.summary, Datasets.entitySummaryLayout.dataset)] : [])
        let datasets = kinds.map(\.1)
        dictionary = DataDictionaryText.json(datasets, formats: stage.formats)
        do {
            for format in stage.formats {
                let group = FormatWriters(format)
                formats.append(group)
                if format == .sqlite {
                    let database = try SQLiteExport(datasets: datasets, folder: folder)
                    self.database = database
                    for (kind, dataset) in kinds { group.writers[kind] = try database.table(dataset) }
                } else {
                    for (kind, dataset) in kinds { group.writers[kind] = try format.makeWriter(for: dataset, folder: folder, csv: stage.csv) }
                }
            }
        } catch {
            abort()
            throw error
        }
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
        Kind.allCases.flatMap { kind in formats.compactMap { $0.writers[kind] as? any DatasetWriter } }
    }

    private var manifestPath: String { "\(folder)/manifest.json" }
    private var dictionaryPath: String { "\(folder)/\(DataDictionaryText.fileName)" }
    private var reportPath: String { "\(folder)/\(RunReportPage.fileName)" }

    public func write(_ document: Document) throws {
        pending.append((.documents, documentsLayout.row(document)))
        facts?.add(document)
        if includeEntities {
            for record in document.entities { pending.append((.entities, Datasets.entitiesLayout.row(.init(item: record, docID: document.docID)))) }
            summary.add(document)
        }
        if includeRemoved {
            for paragraph in document.removed { pending.append((.removed, Datasets.removedLayout.row(.init(item: paragraph, docID: document.docID)))) }
        }
        if pending.count >= ExportSession.batchRows { try flush() }
    }

    public func write(_ rejection: Rejection) throws {
        pending.append((.rejects, Datasets.rejectsLayout.row(rejection)))
        facts?.add(rejection)
        if pending.count >= ExportSession.batchRows { try flush() }
    }

    public func write(_ duplicate: DuplicateRecord) throws {
        pending.append((.duplicates, Datasets.duplicatesLayout.row(duplicate)))
        facts?.add(duplicate)
        if pending.count >= ExportSession.batchRows { try flush() }
    }

    /// Hands the buffered rows to every format, one thread per format.
    private func flush() throws {
        guard !pending.isEmpty else { return }
        let rows = pending
        pending.removeAll(keepingCapacity: true)
        let errors = WorkerPool.map(formats, workers: min(threads, formats.count)) { $0.write(rows) }
        if let error = errors.compactMap({ $0 }).first { throw error }
    }

    /// Closes every dataset and writes the manifest, then renames all files
    /// into place, the manifest last, so a manifest always describes
    /// complete data.
    public func commit(manifest: [UInt8]) throws {
        try commit { _ in manifest }
    }

    /// Closes every dataset, writes the manifest `manifest` makes from the
    /// finished files (their sizes, SHA-256 and record counts) and, when the
    /// session makes one, the report `report` renders from what the rows
    /// added up to; renames all of them into place, the manifest last.
    /// Returns the dataset files.
    @discardableResult
    func commit(manifest: ([WrittenFile]) throws -> [UInt8],
                report: ((DatasetFacts, [EntitySummary.Row]) throws -> [UInt8])? = nil) throws -> [WrittenFile] {
        let entityRows = includeEntities ? summary.rows() : []
        for row in entityRows { pending.append((.summary, Datasets.entitySummaryLayout.row(row))) }
        if let facts { reportInput = (facts, entityRows) }
        try flush()
        let writers = allWriters
        // Dataset by dataset, each in the configured format order, as the manifest lists them; the database last.
        let clock = ContinuousClock()
        var written: [WrittenFile] = []
        for kind in Kind.allCases {
            for group in formats {
                guard let writer = group.writers[kind] as? any DatasetWriter else { continue }
                let start = clock.now
                written.append(try writer.finish())
                group.seconds += (clock.now - start).seconds
            }
        }
        if let database, let group = formats.first(where: { $0.format == .sqlite }) {
            let start = clock.now
            written.append(try database.finish())
            group.seconds += (clock.now - start).seconds
        }
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
        try manifestFile.write(try manifest(written))
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

    /// Seconds each format took to write its rows and close its files, by
    /// format name: what a format costs, for `--log-level debug` and the benchmarks.
    public var writeSeconds: [String: Double] {
        Dictionary(formats.map { ($0.format.rawValue, $0.seconds) }, uniquingKeysWith: +)
    }

    /// Removes every temporary file of the session.
    public func abort() {
        for writer in allWriters { AtomicFile.discard(writer.temporaryPath) }
        database?.discard()
        AtomicFile.discard(AtomicFile.temporaryPath(for: dictionaryPath))
        AtomicFile.discard(AtomicFile.temporaryPath(for: reportPath))
        AtomicFile.discard(AtomicFile.temporaryPath(for: manifestPath))
    }
}
