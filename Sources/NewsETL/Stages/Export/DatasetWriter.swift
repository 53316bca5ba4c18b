/// Where the rows of one dataset go in one format: a file of its own, or a
/// table of the SQLite database.
protocol RowSink: AnyObject {
    func write(_ row: [FieldValue]) throws
}

/// Streams the rows of one dataset into one file format. `finish` closes the
/// temporary file and says what it holds; the export session renames it
/// into place.
protocol DatasetWriter: RowSink {
    var temporaryPath: String { get }
    var finalPath: String { get }
    /// Where the next row starts in the file. A record's rows, from this
    /// position before them to this position after them, read the same
    /// wherever in the file they stand, so a later run can copy them.
    func rowPosition() throws -> Int
    /// Appends rows copied as bytes from an earlier file of the same
    /// dataset and format (made with the same config and release).
    func copyRows(_ span: RowSpan, from source: EarlierFile) throws
    func finish() throws -> WrittenFile
}

/// One finished output file, as the manifest describes it so a reader can
/// check what it read.
public struct WrittenFile: Sendable, Equatable {
    /// The file name (`documents.csv`).
    public var name: String
    /// Data records (not the CSV header); nil for files that are not datasets.
    public var records: Int?
    public var bytes: Int
    public var sha256: String

    init(name: String, records: Int?, file: AtomicFile) {
        self.init(name: name, records: records, bytes: file.byteCount, sha256: file.sha256 ?? "")
    }

    init(name: String, records: Int?, bytes: Int, sha256: String) {
        self.name = name
        self.records = records
        self.bytes = bytes
        self.sha256 = sha256
    }
}

/// The file formats `export.options.formats` can name: a file per dataset
/// (csv, jsonl, xml), or one SQLite database with a table per dataset.
public enum ExportFormat: String, Sendable, CaseIterable {
    case csv, jsonl, xml, sqlite

    /// The formats that write one file per dataset.
    static let fileFormats: [ExportFormat] = [.csv, .jsonl, .xml]

    /// A writer of one dataset's file; not for `sqlite`, which `SQLiteExport` writes whole.
    func makeWriter(for dataset: Dataset, folder: String, csv: CSVOptions = CSVOptions()) throws -> any DatasetWriter {
        let path = "\(folder)/\(dataset.name).\(rawValue)"
        switch self {
        case .csv: return try CSVDatasetWriter(dataset: dataset, path: path, options: csv)
        case .jsonl: return try JSONLDatasetWriter(dataset: dataset, path: path)
        case .xml: return try XMLDatasetWriter(dataset: dataset, path: path)
        case .sqlite: preconditionFailure("the SQLite database is one file for all datasets (SQLiteExport)")
        }
    }
}
