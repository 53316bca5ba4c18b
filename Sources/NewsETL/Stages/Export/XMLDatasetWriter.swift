/// XML through libxml2's text writer: `<documents><document><doc_id>…`, one
/// child element per column, a missing value left out. Valid against
/// `schema/newsetl.xsd`.
final class XMLDatasetWriter: DatasetWriter {
    private let writer: XMLStreamWriter
    private let dataset: Dataset
    /// The column names, once: a row is written per record.
    private let columnNames: [String]
    private var records = 0
    var finalPath: String { writer.file.finalPath }
    var temporaryPath: String { writer.file.temporaryPath }

    init(dataset: Dataset, path: String) throws {
        self.dataset = dataset
        columnNames = dataset.columns.map(\.name)
        writer = try XMLStreamWriter(file: AtomicFile(path: path))
        try writer.startElement(dataset.name)
    }

    func write(_ row: [FieldValue]) throws {
        try writer.startElement(dataset.recordElement)
        for (name, value) in zip(columnNames, row) {
            if let text = value.plainText { try writer.element(name, text: text) }
        }
        try writer.endElement()
        records += 1
    }

    func finish() throws -> WrittenFile {
        try writer.endElement()
        try writer.finish()
        try writer.file.close()
        return WrittenFile(name: dataset.name + ".xml", records: records, file: writer.file)
    }
}
