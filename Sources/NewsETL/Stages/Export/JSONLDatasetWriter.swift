/// One JSON object per line, keys in column order, `null` for a missing value.
final class JSONLDatasetWriter: DatasetWriter {
    private let file: AtomicFile
    private let dataset: Dataset
    private let format = "jsonl"
    private let keys: [[UInt8]]
    private var line: [UInt8] = []
    private var records = 0

    var temporaryPath: String { file.temporaryPath }
    var finalPath: String { file.finalPath }

    init(dataset: Dataset, path: String) throws {
        file = try AtomicFile(path: path, digested: true)
        self.dataset = dataset
        keys = dataset.columns.map { column in
            var key: [UInt8] = []
            JSONText.appendQuoted(column.name, to: &key)
            key.append(UInt8(ascii: ":"))
            return key
        }
    }

    func write(_ row: [FieldValue]) throws {
        line.removeAll(keepingCapacity: true)
        line.append(UInt8(ascii: "{"))
        for (index, value) in row.enumerated() {
            if index > 0 { line.append(UInt8(ascii: ",")) }
            line.append(contentsOf: keys[index])
            value.appendJSON(to: &line)
        }
        line.append(contentsOf: "}\n".utf8)
        try file.write(line)
        records += 1
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
