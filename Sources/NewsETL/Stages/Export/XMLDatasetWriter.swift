/// XML through libxml2's text writer: `<documents><document><doc_id>…`, one
/// child element per column, a missing value left out. Valid against
/// `schema/newsetl.xsd`.
final class XMLDatasetWriter: DatasetWriter {
    private let writer: XMLStreamWriter
    private let dataset: Dataset
    let finalPath: String
    let temporaryPath: String

    init(dataset: Dataset, path: String) throws {
        self.dataset = dataset
        finalPath = path
        temporaryPath = AtomicFile.temporaryPath(for: path)
        writer = try XMLStreamWriter(path: temporaryPath)
        try writer.startElement(dataset.name)
    }

    func write(_ row: [FieldValue]) throws {
        try writer.startElement(dataset.recordElement)
        for (column, value) in zip(dataset.columns, row) {
            if let text = value.plainText { try writer.element(column.name, text: text) }
        }
        try writer.endElement()
    }

    func finish() throws {
        try writer.endElement()
        try writer.finish()
    }
}
