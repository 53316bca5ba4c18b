import CLibXML2

/// Writes an XML file element by element through libxml2's text writer, so a
/// dataset of any size never sits in memory whole.
///
/// The bytes go to an `AtomicFile` (libxml2 writes through our callback), so
/// XML outputs are synced, counted and hashed like the other formats, and
/// a write error (a full disk) comes back as our error, not a message
/// libxml2 prints. Text is filtered to what XML 1.0 allows first: libxml2
/// would otherwise write control characters that its own parser then rejects.
public final class XMLStreamWriter {
    private var writer: xmlTextWriterPtr?
    public let file: AtomicFile
    public var path: String { file.temporaryPath }
    /// The first error the file reported to libxml2's write callback.
    fileprivate var writeError: SystemError?

    /// Writes to `file`, which the caller closes after `finish`.
    public init(file: AtomicFile) throws {
        LibXML.initialize()
        self.file = file
        let context = Unmanaged.passUnretained(self).toOpaque()
        guard let output = xmlOutputBufferCreateIO(writeToFile, closeNothing, context, nil),
              let writer = xmlNewTextWriter(output) else {
            throw XMLError("cannot start an XML writer for \(file.temporaryPath)")
        }
        self.writer = writer
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

    /// Text written as it is, not escaped (for layout the writer does not
    /// make itself); it closes a pending start tag first.
    public func raw(_ text: String) throws {
        try check(xmlTextWriterWriteRaw(writer, text), "write raw text")
    }

    /// Hands the bytes libxml2 holds to the file, so that `file.position`
    /// is where the next element starts.
    public func flush() throws {
        try check(xmlTextWriterFlush(writer), "flush")
    }

    /// Ends the document and hands every byte to the file; the writer is unusable after.
    public func finish() throws {
        try check(xmlTextWriterEndDocument(writer), "end document")
        let flushed = xmlTextWriterFlush(writer)
        xmlFreeTextWriter(writer)
        writer = nil
        if let writeError { throw writeError }
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
        if let writeError { throw writeError }
        if status < 0 { throw XMLError("\(path): libxml2 writer failed to \(action)") }
    }
}

private func writeToFile(_ context: UnsafeMutableRawPointer?, _ buffer: UnsafePointer<CChar>?, _ length: Int32) -> Int32 {
    guard let context, let buffer, length >= 0 else { return -1 }
    let writer = Unmanaged<XMLStreamWriter>.fromOpaque(context).takeUnretainedValue()
    do {
        try writer.file.write(UnsafeRawBufferPointer(start: buffer, count: Int(length)))
        return length
    } catch {
        if writer.writeError == nil { writer.writeError = error }
        return -1
    }
}

/// The `AtomicFile` is closed by its owner.
private func closeNothing(_ context: UnsafeMutableRawPointer?) -> Int32 { 0 }
