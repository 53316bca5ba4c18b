/// Where one record's rows lie in one dataset file.
struct RowSpan: Equatable, Sendable {
    var start: Int
    var length: Int
    var rows: Int
}

/// One record's rows in one file, as a session's format noted them: the
/// record by its place in `RecordedSpans.records`, the file by its kind.
/// 24 bytes, as a million records note about nine each.
struct RecordedSpan {
    private let start: Int
    private let length: UInt32
    private let rows: UInt32
    let record: UInt32
    let kind: ExportRowKind

    /// nil when the span does not fit (see `RecordSpans.FileSpan`).
    init?(record: Int, kind: ExportRowKind, span: RowSpan) {
        guard let record = UInt32(exactly: record), let length = UInt32(exactly: span.length),
              let rows = UInt32(exactly: span.rows) else { return nil }
        start = span.start
        self.length = length
        self.rows = rows
        self.record = record
        self.kind = kind
    }

    var span: RowSpan { RowSpan(start: start, length: Int(length), rows: Int(rows)) }
}

/// What a session noted of where its rows went (`ExportSession.takeRowSpans`).
struct RecordedSpans {
    /// One format's spans, in the order written (so by record), and the
    /// names of its files by kind.
    struct Format {
        var names: [ExportRowKind: String]
        var spans: NotedSpans
        /// Records with a span that did not fit: never copied.
        var unfit: Set<Int>
    }

    /// Every file whose rows are noted, with rows or without.
    var files: [String]
    var formats: [Format]
    /// Every record begun, in order (a record begun twice is listed twice).
    var records: [String]
    /// The entity summary's rows, with where they start by file name.
    var summary: SummaryRows<String>
}

/// The entity summary's rows in the order written (entity id order): each
/// entity's id and the SHA-256 of its row's values, and, by summary file,
/// where each row starts, plus where the last ends. The summary is one
/// block of each summary file, so a run of unchanged rows is one copy.
struct SummaryRows<File: Hashable>: Equatable {
    var ids: [String] = []
    /// 32 bytes per row.
    var digests: [UInt8] = []
    /// By file: `ids.count + 1` offsets, ascending.
    var starts: [File: [Int]] = [:]

    static var digestSize: Int { 32 }

    func digest(at row: Int) -> ArraySlice<UInt8> {
        digests[(row * Self.digestSize)..<((row + 1) * Self.digestSize)]
    }

    mutating func append(id: String, digest: [UInt8]) {
        ids.append(id)
        digests.append(contentsOf: digest)
    }
}

/// The earlier summary's rows walked beside the new summary's, both in
/// entity id order: each new row finds its earlier row, if any, and the
/// earlier rows passed on the way are of entities gone since.
struct SummaryWalk {
    let earlier: SummaryRows<Int>
    private var next = 0
    private(set) var gone: [String] = []

    init(_ earlier: SummaryRows<Int>) {
        self.earlier = earlier
    }

    /// The earlier row of `id`; ids must come in ascending order.
    mutating func row(of id: String) -> Int? {
        while next < earlier.ids.count, earlier.ids[next] < id {
            gone.append(earlier.ids[next])
            next += 1
        }
        guard next < earlier.ids.count, earlier.ids[next] == id else { return nil }
        next += 1
        return next - 1
    }

    /// Every earlier row not paired is gone.
    mutating func finish() {
        gone += earlier.ids[next...]
        next = earlier.ids.count
    }
}

/// Where each stored record's rows lie in the files of the published
/// cumulative dataset, kept in `.state/row-spans.bin` so that the next run
/// copies the bytes of every record it leaves unchanged instead of
/// encoding them again: a nightly run then costs what is new plus one
/// sequential copy. Each file is named with its size and modification
/// time (as the ledger names inputs); a file that no longer matches, a
/// config or release that differs, or a damaged index means every record
/// is encoded again, as before.
struct RowSpanIndex: Equatable {
    static let format = BinaryFormat(name: "ROW-SPANS", version: 2)
    static let fileName = "row-spans.bin"

    typealias FileSpan = RecordSpans.FileSpan

    struct FileStamp: Equatable {
        var name: String
        var size: Int
        var modifiedNanoseconds: Int
    }

    var configSHA256: String
    var release: String
    var files: [FileStamp]
    /// The SQLite database of the same dataset, when there is one.
    var database: FileStamp?
    /// By record path, the spans of its rows: file index and span. A record
    /// listed with no spans has no rows in these files.
    var spans: RecordSpans
    /// The entity summary's rows, their starts by file index: a row
    /// whose values have the same SHA-256 is copied.
    var summary = SummaryRows<Int>()


    func encode(_ writer: inout BinaryWriter) {
        Self.encodeStamps(configSHA256: configSHA256, release: release, files: files, database: database, to: &writer)
        writer.integer(spans.count)
        for (record, path) in spans.paths.enumerated() { Self.encodeRecord(path, spans.spans(at: record), to: &writer) }
        Self.encodeSummary(summary, to: &writer)
    }

    /// What comes before the records.
    static func encodeStamps(configSHA256: String, release: String, files: [FileStamp], database: FileStamp?,
                             to writer: inout BinaryWriter) {
        writer.string(configSHA256)
        writer.string(release)
        writer.integer(files.count)
        for file in files {
            writer.string(file.name)
            writer.integer(file.size)
            writer.integer(file.modifiedNanoseconds)
        }
        writer.flag(database != nil)
        if let database {
            writer.string(database.name)
            writer.integer(database.size)
            writer.integer(database.modifiedNanoseconds)
        }
    }

    /// One record: its path and spans (after the count of records).
    static func encodeRecord(_ path: String, _ entries: some Collection<FileSpan>, to writer: inout BinaryWriter) {
        writer.string(path)
        writer.integer(entries.count)
        for entry in entries {
            writer.integer(entry.file)
            writer.integer(entry.span.start)
            writer.integer(entry.span.length)
            writer.integer(entry.span.rows)
        }
    }

    /// What comes after the records.
    static func encodeSummary(_ summary: SummaryRows<Int>, to writer: inout BinaryWriter) {
        writer.integer(summary.ids.count)
        for id in summary.ids { writer.string(id) }
        writer.bytes.append(contentsOf: summary.digests)
        writer.integer(summary.starts.count)
        for (file, starts) in summary.starts.sorted(by: { $0.key < $1.key }) {
            writer.integer(file)
            for start in starts { writer.integer(start) }
        }
    }

    static func decode(_ reader: inout BinaryReader) throws(BinaryReader.Damage) -> RowSpanIndex {
        let config = try reader.string()
        let release = try reader.string()
        var files: [FileStamp] = []
        for _ in 0..<(try reader.count(itemSize: 24)) {
            files.append(FileStamp(name: try reader.string(), size: try reader.integer(), modifiedNanoseconds: try reader.integer()))
        }
        let database = try reader.flag()
            ? FileStamp(name: try reader.string(), size: try reader.integer(), modifiedNanoseconds: try reader.integer()) : nil
        var spans = RecordSpans()
        for _ in 0..<(try reader.count(itemSize: 16)) {
            let path = try reader.string()
            // Records are looked up by a search in path order.
            guard spans.paths.last.map({ $0 < path }) ?? true else { throw BinaryReader.Damage(description: "records out of order at \(path)") }
            var entries: [FileSpan] = []
            var fits = true
            for _ in 0..<(try reader.count(itemSize: 32)) {
                let file = try reader.integer()
                let span = RowSpan(start: try reader.integer(), length: try reader.integer(), rows: try reader.integer())
                guard files.indices.contains(file), span.start >= 0, span.length >= 0, span.rows >= 0,
                      span.start + span.length <= files[file].size else {
                    throw BinaryReader.Damage(description: "span of \(path) outside its file")
                }
                if let entry = FileSpan(file: file, span: span) { entries.append(entry) } else { fits = false }
            }
            if fits { spans.append(path, entries) }
        }
        var summary = SummaryRows<Int>()
        let rows = try reader.count(itemSize: 8 + SummaryRows<Int>.digestSize)
        for _ in 0..<rows {
            let id = try reader.string()
            // Rows are merged with the next run's by walking both in entity id order.
            guard summary.ids.last.map({ $0 < id }) ?? true else { throw BinaryReader.Damage(description: "summary rows out of order at \(id)") }
            summary.ids.append(id)
        }
        for _ in 0..<(rows * SummaryRows<Int>.digestSize) { summary.digests.append(try reader.byte()) }
        for _ in 0..<(try reader.count(itemSize: 8 * (rows + 2))) {
            let file = try reader.integer()
            var starts: [Int] = []
            starts.reserveCapacity(rows + 1)
            for _ in 0...rows {
                let start = try reader.integer()
                guard start >= (starts.last ?? 0) else { throw BinaryReader.Damage(description: "summary rows of file \(file) out of order") }
                starts.append(start)
            }
            guard files.indices.contains(file), summary.starts[file] == nil, starts.last! <= files[file].size else {
                throw BinaryReader.Damage(description: "summary rows outside their file")
            }
            summary.starts[file] = starts
        }
        return RowSpanIndex(configSHA256: config, release: release, files: files, database: database, spans: spans, summary: summary)
    }
}

/// A file of the previous cumulative dataset, open for copying rows out
/// of. Rows are asked for in file order, mostly short: they are served
/// from a window read ahead, not one read each. Used by one thread.
final class EarlierFile: @unchecked Sendable {
    private let file: PositionalFile
    /// Read-ahead bytes from `windowStart`; `windowLength` of them valid
    /// (the buffer is allocated once and reused).
    private var window: [UInt8] = []
    private var windowStart = 0
    private var windowLength = 0
    private static let windowSize = 1 << 20

    init(path: String) throws(SystemError) {
        file = try PositionalFile(path: path)
    }

    func copy(_ span: RowSpan, to output: AtomicFile) throws(SystemError) {
        guard span.length <= EarlierFile.windowSize else {
            try output.append(from: file, offset: span.start, count: span.length)
            return
        }
        if span.start < windowStart || span.start + span.length > windowStart + windowLength {
            if window.isEmpty { window = [UInt8](repeating: 0, count: EarlierFile.windowSize) }
            windowStart = span.start
            windowLength = try window.withUnsafeMutableBytes { raw in
                Result { () throws(SystemError) -> Int in try file.read(at: span.start, into: raw) }
            }.get()
        }
        guard span.start + span.length <= windowStart + windowLength else { throw SystemError.endedEarly(file.path) }
        try output.write(window[(span.start - windowStart)..<(span.start - windowStart + span.length)])
    }
}

/// The previous dataset's files with the spans of its records: what a run
/// may copy instead of encoding (and the database it may update). Made
/// only when every file of the index is there as it was written.
final class EarlierRows: @unchecked Sendable {
    /// The previous database, when the index names it as it is.
    let databasePath: String?
    /// The files, in the index's order.
    private let files: [EarlierFile]
    private let names: [String]
    private let spans: RecordSpans
    /// The entity summary's rows, their starts by file index.
    let summary: SummaryRows<Int>

    /// The files the index lists; a session copies from them only when
    /// they are exactly the files it writes.
    var fileNames: Set<String> { Set(names) }

    /// nil when the index does not describe `folder` as it is (a file
    /// changed or missing, another config or release).
    init?(index: RowSpanIndex, folder: String, configSHA256: String) {
        guard index.configSHA256 == configSHA256, index.release == NewsETLVersion.current else { return nil }
        var files: [EarlierFile] = []
        func isAsWritten(_ stamp: RowSpanIndex.FileStamp) -> Bool {
            guard let status = try? FileSystem.targetStatus("\(folder)/\(stamp.name)") else { return false }
            return status.kind == .regular && status.size == stamp.size && status.modifiedNanoseconds == stamp.modifiedNanoseconds
        }
        for stamp in index.files {
            guard isAsWritten(stamp), let file = try? EarlierFile(path: "\(folder)/\(stamp.name)") else { return nil }
            files.append(file)
        }
        databasePath = index.database.flatMap { isAsWritten($0) ? "\(folder)/\($0.name)" : nil }
        self.files = files
        names = index.files.map(\.name)
        spans = index.spans
        summary = index.summary
    }

    /// Whether the summary rows of every file in `names` can be copied.
    func coversSummary(of names: [String]) -> Bool {
        names.allSatisfy { name in fileIndex(name).map { summary.starts[$0] != nil } ?? false }
    }

    /// Where summary rows `rows` lie in the file of `fileIndex`.
    func summarySpan(_ rows: Range<Int>, in fileIndex: Int) -> RowSpan? {
        guard let starts = summary.starts[fileIndex] else { return nil }
        return RowSpan(start: starts[rows.lowerBound], length: starts[rows.upperBound] - starts[rows.lowerBound], rows: rows.count)
    }

    /// Whether the record's rows can be copied: its spans are known.
    func covers(_ path: String) -> Bool { spans.spans(of: path) != nil }

    /// Where the record's rows lie: by file (an index into `fileNames`
    /// order of the index, see `fileIndex`), the span.
    func spans(of path: String) -> ArraySlice<RowSpanIndex.FileSpan> { spans.spans(of: path) ?? [] }

    /// The index of the file `name` in the spans, if the index lists it.
    func fileIndex(_ name: String) -> Int? { names.firstIndex(of: name) }

    /// The open file of `fileIndex`.
    func source(_ fileIndex: Int) -> EarlierFile { files[fileIndex] }
}
