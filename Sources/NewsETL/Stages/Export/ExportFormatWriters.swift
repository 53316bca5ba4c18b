/// The datasets an export session writes rows of.
enum ExportRowKind: CaseIterable {
    case documents, rejects, duplicates, removed, entities, summary
}

/// What an export session hands its format threads, in order.
enum ExportEntry {
    case row(ExportRowKind, [FieldValue])
    /// The rows up to the next marker belong to the record at `path`
    /// (nil: to no record, the entity summary); with `copy`, the
    /// earlier dataset holds them as they are: the file formats copy
    /// them from there, an updated database keeps them.
    case record(path: String?, copy: Bool)
    /// The rows up to the next marker are entity summary rows; with
    /// `copying`, they are these rows of the earlier summary, unchanged:
    /// the file formats copy them from there, an updated database keeps them.
    case summary(copying: Range<Int>?)
    /// An earlier record's rows (or entities' summary rows) leave the updated database.
    case forget(docIDs: [String], paths: [String], entityIDs: [String])
}

/// One format's writers in an export session: rows encoded or copied
/// from the earlier dataset, spans noted. Used by one thread at a time.
final class ExportFormatWriters: @unchecked Sendable {
    let format: ExportFormat
    var writers: [ExportRowKind: any RowSink] = [:]
    /// Time spent writing this format's rows and closing its files.
    var seconds = 0.0
    /// Where copied rows come from (file formats only); set, maybe to
    /// nil, once the writers are made and before any row.
    var earlier: EarlierRows? {
        didSet {
            names = [:]
            for (kind, writer) in writers {
                if let file = writer as? any DatasetWriter { names[kind] = ExportFormatWriters.name(file) }
            }
            byEarlierFile = [:]
            for (kind, name) in names {
                if let index = earlier?.fileIndex(name), let file = writers[kind] as? any DatasetWriter { byEarlierFile[index] = (kind, file) }
            }
            earlierSummaryFile = names[.summary].flatMap { earlier?.fileIndex($0) }
        }
    }
    /// The index of this format's summary file in `earlier`.
    private var earlierSummaryFile: Int?
    /// The writers' file names, by kind (set with `earlier`).
    private var names: [ExportRowKind: String] = [:]
    /// The writers by index of their file in `earlier`.
    private var byEarlierFile: [Int: (kind: ExportRowKind, file: any DatasetWriter)] = [:]
    /// The database this format writes (`sqlite` only).
    var database: SQLiteExport?
    private let recording: Bool
    /// Where the scratch file of noted spans goes.
    private let folder: String
    /// Where each record's rows went, in the order written.
    private var noted: NotedSpans
    /// Records with a span too large to note.
    private var unfitRecords: Set<Int> = []
    private var record: String?
    /// The place of `record` among the records begun (`.record` markers with a path).
    private var recordOrdinal = -1
    private var copying = false
    /// Whether the rows coming are the entity summary's.
    private var inSummary = false
    /// Where each summary row starts in this format's summary file, and
    /// where the last ends once the summary is closed (file formats, when recording).
    private(set) var summaryStarts: [Int] = []
    /// The current record's spans so far, a few at most (its rows of one kind come together).
    private var openSpans: [(kind: ExportRowKind, start: Int, rows: Int)] = []

    /// With `recording`, the spans are noted in a scratch file in `folder`.
    init(_ format: ExportFormat, recording: Bool, folder: String) {
        self.format = format
        self.recording = ExportFormat.fileFormats.contains(format) && recording
        self.folder = folder
        noted = NotedSpans(folder: folder)
    }

    func write(_ entries: [ExportEntry]) -> (any Error)? {
        let clock = ContinuousClock()
        let start = clock.now
        defer { seconds += (clock.now - start).seconds }
        do {
            for entry in entries {
                switch entry {
                case .record(let path, let copy):
                    try closeSpans()
                    record = path
                    if path != nil { recordOrdinal += 1 }
                    copying = copy && (earlier != nil || database?.isUpdate == true)
                    if copying, earlier != nil, let path { try copyRows(of: path) }
                case .summary(let rows):
                    try closeRecordSpans()
                    record = nil
                    inSummary = true
                    copying = rows != nil && (earlier != nil || database?.isUpdate == true)
                    if copying, let rows { try copySummaryRows(rows) }
                case .forget(let docIDs, let paths, let entityIDs):
                    try database?.forget(docIDs: docIDs, paths: paths, entityIDs: entityIDs)
                case .row(let kind, let row):
                    guard !copying, let writer = writers[kind] else { continue }
                    if recording, record != nil {
                        if openSpans.last?.kind == kind {
                            openSpans[openSpans.count - 1].rows += 1
                        } else if let file = writer as? any DatasetWriter {
                            openSpans.append((kind, try file.rowPosition(), 1))
                        }
                    } else if recording, inSummary, kind == .summary, let file = writer as? any DatasetWriter {
                        summaryStarts.append(try file.rowPosition())
                    }
                    try writer.write(row)
                }
            }
            return nil
        } catch {
            return error
        }
    }

    /// Ends the spans of the current record, or the summary; after the last record.
    func closeSpans() throws {
        try closeRecordSpans()
        guard inSummary else { return }
        inSummary = false
        // No rows, no end: an empty XML dataset keeps its short form.
        if recording, !summaryStarts.isEmpty, let file = writers[.summary] as? any DatasetWriter {
            summaryStarts.append(try file.rowPosition())
        }
    }

    private func closeRecordSpans() throws {
        defer { openSpans.removeAll(keepingCapacity: true) }
        guard record != nil else { return }
        for opened in openSpans {
            guard let file = writers[opened.kind] as? any DatasetWriter else { continue }
            let end = try file.rowPosition()
            try keep(RowSpan(start: opened.start, length: end - opened.start, rows: opened.rows), in: opened.kind)
        }
    }

    private func copyRows(of path: String) throws {
        guard let earlier else { return }
        for entry in earlier.spans(of: path) {
            guard let (kind, file) = byEarlierFile[entry.file] else { continue }
            let start = recording ? try file.rowPosition() : 0
            try file.copyRows(entry.span, from: earlier.source(entry.file))
            if recording { try keep(RowSpan(start: start, length: entry.span.length, rows: entry.span.rows), in: kind) }
        }
    }

    /// Closes this format's files, in dataset order, or its database
    /// (kind nil): what the manifest says of each.
    func finish() throws -> [(kind: ExportRowKind?, file: WrittenFile)] {
        let clock = ContinuousClock()
        let start = clock.now
        defer { seconds += (clock.now - start).seconds }
        if let database { return [(nil, try database.finish())] }
        return try ExportRowKind.allCases.compactMap { kind in
            try (writers[kind] as? any DatasetWriter).map { (kind, try $0.finish()) }
        }
    }

    /// Copies a run of the earlier summary's rows, noting where each starts.
    /// The session sends a run only when the earlier summary covers every
    /// summary file, so a run this format cannot copy is an error, never
    /// rows left out.
    private func copySummaryRows(_ rows: Range<Int>) throws {
        // The database: an update keeps the rows.
        guard let earlier else { return }
        guard let index = earlierSummaryFile, let file = writers[.summary] as? any DatasetWriter,
              let span = earlier.summarySpan(rows, in: index) else { throw SummaryRowsNotCovered(rows: rows) }
        let start = try file.rowPosition()
        try file.copyRows(span, from: earlier.source(index))
        if recording, let starts = earlier.summary.starts[index] {
            for row in rows { summaryStarts.append(start + starts[row] - span.start) }
        }
    }

    struct SummaryRowsNotCovered: Error, CustomStringConvertible {
        let rows: Range<Int>
        var description: String { "the earlier entity summary does not cover rows \(rows) of its files" }
    }

    private func keep(_ span: RowSpan, in kind: ExportRowKind) throws {
        guard names[kind] != nil else { return }
        if let span = RecordedSpan(record: recordOrdinal, kind: kind, span: span) {
            try noted.append(span)
        } else {
            unfitRecords.insert(recordOrdinal)
        }
    }

    /// What this format noted, handed over once the session is committed (and forgotten here).
    func takeRecorded() -> RecordedSpans.Format {
        defer {
            noted = NotedSpans(folder: folder)
            unfitRecords = []
        }
        return RecordedSpans.Format(names: names, spans: noted, unfit: unfitRecords)
    }

    static func name(_ file: any DatasetWriter) -> String {
        String(file.finalPath.split(separator: "/").last ?? "")
    }
}
