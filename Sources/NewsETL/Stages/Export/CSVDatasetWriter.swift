/// RFC 4180 CSV through libcsv: UTF-8, a header row, every field quoted,
/// CRLF between records; a missing value is an empty field.
final class CSVDatasetWriter: DatasetWriter {
    private let file: AtomicFile
    private var record: [UInt8] = []

    var temporaryPath: String { file.temporaryPath }
    var finalPath: String { file.finalPath }

    init(dataset: Dataset, path: String) throws {
        file = try AtomicFile(path: path)
        CSVRecordEncoder.append(dataset.columns.map(\.name), to: &record)
        try file.write(record)
    }

    func write(_ row: [FieldValue]) throws {
        record.removeAll(keepingCapacity: true)
        CSVRecordEncoder.append(row.map { $0.plainText ?? "" }, to: &record)
        try file.write(record)
    }

    func finish() throws { try file.close() }
}
