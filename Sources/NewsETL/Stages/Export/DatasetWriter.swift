/// Streams the rows of one dataset into one file format. `finish` closes the
/// temporary file; the export session renames it into place.
protocol DatasetWriter: AnyObject {
    var temporaryPath: String { get }
    var finalPath: String { get }
    func write(_ row: [FieldValue]) throws
    func finish() throws
}

/// The file formats `export.options.formats` can name.
public enum ExportFormat: String, Sendable, CaseIterable {
    case csv, jsonl, xml

    func makeWriter(for dataset: Dataset, folder: String) throws -> any DatasetWriter {
        let path = "\(folder)/\(dataset.name).\(rawValue)"
        switch self {
        case .csv: return try CSVDatasetWriter(dataset: dataset, path: path)
        case .jsonl: return try JSONLDatasetWriter(dataset: dataset, path: path)
        case .xml: return try XMLDatasetWriter(dataset: dataset, path: path)
        }
    }
}
