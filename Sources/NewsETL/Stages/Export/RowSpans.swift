#if canImport(Glibc)
import Glibc
#endif

/// Where one record's rows lie in one dataset file.
struct RowSpan: Equatable, Sendable {
    var start: Int
    var length: Int
    var rows: Int
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
    static let format = BinaryFormat(name: "ROW-SPANS", version: 1)
    static let fileName = "row-spans.bin"

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
    var spans: [String: [(file: Int, span: RowSpan)]]

    static func == (left: RowSpanIndex, right: RowSpanIndex) -> Bool {
        left.configSHA256 == right.configSHA256 && left.release == right.release && left.files == right.files
            && left.database == right.database
            && left.spans.count == right.spans.count
            && left.spans.allSatisfy { path, spans in
                right.spans[path].map { $0.elementsEqual(spans) { $0.file == $1.file && $0.span == $1.span } } ?? false
            }
    }

    func encode(_ writer: inout BinaryWriter) {
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
        writer.integer(spans.count)
        for path in spans.keys.sorted() {
            let entries = spans[path]!
            writer.string(path)
            writer.integer(entries.count)
            for entry in entries {
                writer.integer(entry.file)
                writer.integer(entry.span.start)
                writer.integer(entry.span.length)
                writer.integer(entry.span.rows)
            }
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
        var spans: [String: [(file: Int, span: RowSpan)]] = [:]
        for _ in 0..<(try reader.count(itemSize: 16)) {
            let path = try reader.string()
            var entries: [(file: Int, span: RowSpan)] = []
            for _ in 0..<(try reader.count(itemSize: 32)) {
                let file = try reader.integer()
                let span = RowSpan(start: try reader.integer(), length: try reader.integer(), rows: try reader.integer())
                guard files.indices.contains(file), span.start >= 0, span.length >= 0, span.rows >= 0,
                      span.start + span.length <= files[file].size else {
                    throw BinaryReader.Damage(description: "span of \(path) outside its file")
                }
                entries.append((file, span))
            }
            spans[path] = entries
        }
        return RowSpanIndex(configSHA256: config, release: release, files: files, database: database, spans: spans)
    }

    /// The index of the dataset files `files` lists (their spans by record
    /// path) for the records `records`, stamped as the files (and the
    /// database, when there is one) are now in `folder`.
    static func made(configSHA256: String, folder: String, files recorded: [String: [String: RowSpan]],
                     records: Set<String>) throws -> RowSpanIndex {
        var files: [FileStamp] = []
        var spans: [String: [(file: Int, span: RowSpan)]] = Dictionary(uniqueKeysWithValues: records.map { ($0, []) })
        for name in recorded.keys.sorted() {
            let status = try FileSystem.targetStatus("\(folder)/\(name)")
            for (path, span) in recorded[name]! where records.contains(path) { spans[path]!.append((files.count, span)) }
            files.append(FileStamp(name: name, size: status.size, modifiedNanoseconds: status.modifiedNanoseconds))
        }
        let databasePath = "\(folder)/\(SQLiteExport.fileName)"
        let database = (try? FileSystem.targetStatus(databasePath)).map {
            FileStamp(name: SQLiteExport.fileName, size: $0.size, modifiedNanoseconds: $0.modifiedNanoseconds)
        }
        return RowSpanIndex(configSHA256: configSHA256, release: NewsETLVersion.current, files: files, database: database, spans: spans)
    }
}

/// A file of the previous cumulative dataset, open for copying rows out of.
final class EarlierFile: @unchecked Sendable {
    let path: String
    private let descriptor: Int32

    init(path: String) throws(SystemError) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SystemError("open", path: path) }
    }

    deinit { close(descriptor) }

    func copy(_ span: RowSpan, to file: AtomicFile) throws(SystemError) {
        try file.append(from: descriptor, path: path, offset: span.start, count: span.length)
    }
}

/// The previous dataset's files with the spans of its records: what a run
/// may copy instead of encoding (and the database it may update). Made
/// only when every file of the index is there as it was written.
final class EarlierRows: @unchecked Sendable {
    /// The previous database, when the index names it as it is.
    let databasePath: String?
    private let files: [String: EarlierFile]
    private let names: [String]
    private let spans: [String: [(file: Int, span: RowSpan)]]

    /// The files the index lists; a session copies from them only when
    /// they are exactly the files it writes.
    var fileNames: Set<String> { Set(names) }

    /// nil when the index does not describe `folder` as it is (a file
    /// changed or missing, another config or release).
    init?(index: RowSpanIndex, folder: String, configSHA256: String) {
        guard index.configSHA256 == configSHA256, index.release == NewsETLVersion.current else { return nil }
        var files: [String: EarlierFile] = [:]
        func isAsWritten(_ stamp: RowSpanIndex.FileStamp) -> Bool {
            guard let status = try? FileSystem.targetStatus("\(folder)/\(stamp.name)") else { return false }
            return status.kind == .regular && status.size == stamp.size && status.modifiedNanoseconds == stamp.modifiedNanoseconds
        }
        for stamp in index.files {
            guard isAsWritten(stamp), let file = try? EarlierFile(path: "\(folder)/\(stamp.name)") else { return nil }
            files[stamp.name] = file
        }
        databasePath = index.database.flatMap { isAsWritten($0) ? "\(folder)/\($0.name)" : nil }
        self.files = files
        names = index.files.map(\.name)
        spans = index.spans
    }

    /// Whether the record's rows can be copied: its spans are known.
    func covers(_ path: String) -> Bool { spans[path] != nil }

    /// The record's rows in the file `name`: its source and span, nil when it has none there.
    func rows(of path: String, in name: String) -> (source: EarlierFile, span: RowSpan)? {
        guard let entry = spans[path]?.first(where: { names[$0.file] == name }), let file = files[name] else { return nil }
        return (file, entry.span)
    }
}
