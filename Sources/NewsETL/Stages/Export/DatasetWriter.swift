/// Streams the rows of one dataset into one file format. `finish` closes the
/// temporary file and says what it holds; the export session renames it
/// into place.
protocol DatasetWriter: AnyObject {
    var temporaryPath: String { get }
    var finalPath: String { get }
    func write(_ row: [FieldValue]) throws
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
        self.name = name
        self.records = records
        bytes = file.byteCount
        sha256 = file.sha256 ?? ""
    }
}

/// The file formats `export.options.formats` can name.
public enum ExportFormat: String, Sendable, CaseIterable {
    case csv, jsonl, xml

    func makeWriter(for dataset: Dataset, folder: String, csv: CSVOptions = CSVOptions()) throws -> any DatasetWriter {
        let path = "\(folder)/\(dataset.name).\(rawValue)"
        switch self {
        case .csv: return try CSVDatasetWriter(dataset: dataset, path: path, options: csv)
        case .jsonl: return try JSONLDatasetWriter(dataset: dataset, path: path)
        case .xml: return try XMLDatasetWriter(dataset: dataset, path: path)
        }
    }
}
