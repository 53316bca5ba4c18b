import CLibXML2

/// Writes an XML file element by element through libxml2's text writer, so a
/// dataset of any size never sits in memory whole.
///
/// Text is filtered to what XML 1.0 allows first: libxml2 would otherwise
/// write control characters that its own parser then rejects.
public final class XMLStreamWriter {
    private var writer: xmlTextWriterPtr?
    public let path: String

    public init(path: String) throws {
        LibXML.initialize()
        guard let writer = xmlNewTextWriterFilename(path, 0) else {
            throw XMLError("cannot open \(path) for writing")
        }
        self.writer = writer
        self.path = path
        try check(xmlTextWriterSetIndent(writer, 1), "set indent")
        try check(xmlTextWriterSetIndentString(writer, "  "), "set indent string")
        try check(xmlTextWriterStartDocument(writer, nil, "UTF-8", nil), "start document")
    }

    deinit {
        if let writer { xmlFreeTextWriter(writer) }
    }

    public func startElement(_ name: String) throws {
        try check(xmlTextWriterStartElement(writer, name), "start element <\(name)>")
    }

    public func attribute(_ name: String, _ value: String) throws {
        try check(xmlTextWriterWriteAttribute(writer, name, XMLStreamWriter.sanitize(value)), "write attribute \(name)")
    }

    /// `<name>text</name>`.
    public func element(_ name: String, text: String) throws {
        try check(xmlTextWriterWriteElement(writer, name, XMLStreamWriter.sanitize(text)), "write element <\(name)>")
    }

    public func endElement() throws {
        try check(xmlTextWriterEndElement(writer), "end element")
    }

    /// Ends the document and closes the file; the writer is unusable after.
    public func finish() throws {
        try check(xmlTextWriterEndDocument(writer), "end document")
        let flushed = xmlTextWriterFlush(writer)
        xmlFreeTextWriter(writer)
        writer = nil
        if flushed < 0 { throw XMLError("\(path): flushing the XML writer failed") }
    }

    /// Removes the characters XML 1.0 forbids (controls other than tab, LF,
    /// CR; U+FFFE; U+FFFF).
    public static func sanitize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isForbidden) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter { !isForbidden($0) })
        return String(scalars)
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    private func check(_ status: Int32, _ action: String) throws {
        if status < 0 { throw XMLError("\(path): libxml2 writer failed to \(action)") }
    }
}
