/// RFC 4180 CSV through libcsv: UTF-8, a header row, every field quoted,
/// CRLF between records; a missing value is an empty field.
final class CSVDatasetWriter: DatasetWriter {
    private let file: AtomicFile
    private let dataset: Dataset
    private let format = "csv"
    private var record: [UInt8] = []
    private var records = 0

    var temporaryPath: String { file.temporaryPath }
    var finalPath: String { file.finalPath }

    init(dataset: Dataset, path: String) throws {
        file = try AtomicFile(path: path)
        self.dataset = dataset
        CSVRecordEncoder.append(dataset.columns.map(\.name), to: &record)
        try file.write(record)
    }

    func write(_ row: [FieldValue]) throws {
        record.removeAll(keepingCapacity: true)
        CSVRecordEncoder.append(row.map { $0.plainText ?? "" }, to: &record)
        try file.write(record)
        records += 1
    }

    func finish() throws -> WrittenFile {
        try file.close()
        return WrittenFile(name: dataset.name + "." + format, records: records, file: file)
    }
}
