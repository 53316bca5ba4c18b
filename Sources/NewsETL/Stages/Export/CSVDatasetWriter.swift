/// RFC 4180 CSV through libcsv: UTF-8, a header row, every field quoted,
/// CRLF between records; a missing value is an empty field. Text a
/// spreadsheet would run as a formula is guarded, and a byte-order mark
/// can lead the file for Excel (`CSVOptions`).
final class CSVDatasetWriter: DatasetWriter {
    private let file: AtomicFile
    private let dataset: Dataset
    private let options: CSVOptions
    private let format = "csv"
    private var record: [UInt8] = []
    private var records = 0

    var temporaryPath: String { file.temporaryPath }
    var finalPath: String { file.finalPath }

    init(dataset: Dataset, path: String, options: CSVOptions = CSVOptions()) throws {
        file = try AtomicFile(path: path, digested: true)
        self.dataset = dataset
        self.options = options
        if options.excelBOM { record = CSVOptions.byteOrderMark }
        CSVRecordEncoder.append(dataset.columns.map(\.name), to: &record)
        try file.write(record)
    }

    func write(_ row: [FieldValue]) throws {
        record.removeAll(keepingCapacity: true)
        CSVRecordEncoder.append(row.map(cell), to: &record)
        try file.write(record)
        records += 1
    }

    private func cell(_ value: FieldValue) -> String {
        guard case .text(let text) = value else { return value.plainText ?? "" }
        return options.formulaGuard ? CSVOptions.guarded(text) : text
    }

    func rowPosition() -> Int { file.position }

    func copyRows(_ span: RowSpan, from source: EarlierFile) throws {
        try source.copy(span, to: file)
        records += span.rows
    }

    func finish() throws -> WrittenFile {
        try file.close()
        return WrittenFile(name: dataset.name + "." + format, records: records, file: file)
    }
}
