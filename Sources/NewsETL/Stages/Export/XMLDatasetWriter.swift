/// XML through libxml2's text writer: `<documents><document><doc_id>…`, one
/// child element per column, a missing value left out. Valid against
/// `schema/newsetl.xsd`.
final class XMLDatasetWriter: DatasetWriter {
    private let writer: XMLStreamWriter
    private let dataset: Dataset
    /// The column names, once: a row is written per record.
    private let columnNames: [String]
    private var records = 0
    /// Whether the root's start tag is closed: a dataset without rows is
    /// the empty element `<documents/>`.
    private var hasRows = false
    var finalPath: String { writer.file.finalPath }
    var temporaryPath: String { writer.file.temporaryPath }

    init(dataset: Dataset, path: String) throws {
        self.dataset = dataset
        columnNames = dataset.columns.map(\.name)
        writer = try XMLStreamWriter(file: AtomicFile(path: path, digested: true))
        try writer.startElement(dataset.name)
    }

    func write(_ row: [FieldValue]) throws {
        try openRows()
        try writer.startElement(dataset.recordElement)
        for (name, value) in zip(columnNames, row) {
            if let text = value.plainText { try writer.element(name, text: text) }
        }
        try writer.endElement()
        records += 1
    }

    func rowPosition() throws -> Int {
        try openRows()
        try writer.flush()
        return writer.file.position
    }

    func copyRows(_ span: RowSpan, from source: EarlierFile) throws {
        try openRows()
        try writer.flush()
        try source.copy(span, to: writer.file)
        records += span.rows
    }

    /// Closes the root's start tag and ends its line (the bytes libxml2
    /// would write before the first row), so that the first row's bytes are
    /// those of any other.
    private func openRows() throws {
        guard !hasRows else { return }
        try writer.raw("\n")
        hasRows = true
    }

    func finish() throws -> WrittenFile {
        try writer.endElement()
        try writer.finish()
        try writer.file.close()
        return WrittenFile(name: dataset.name + ".xml", records: records, file: writer.file)
    }
}
