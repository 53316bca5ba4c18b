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
        let status = XMLStreamWriter.withXMLString(name) { xmlTextWriterStartElement(writer, $0) }
        try check(status, "start element <\(name)>")
    }

    public func attribute(_ name: String, _ value: String) throws {
        let status = XMLStreamWriter.withXMLStrings(name, XMLStreamWriter.sanitize(value)) { xmlTextWriterWriteAttribute(writer, $0, $1) }
        try check(status, "write attribute \(name)")
    }

    /// `<name>text</name>`.
    public func element(_ name: String, text: String) throws {
        let status = XMLStreamWriter.withXMLStrings(name, XMLStreamWriter.sanitize(text)) { xmlTextWriterWriteElement(writer, $0, $1) }
        try check(status, "write element <\(name)>")
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
        guard holdsForbidden(text) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter { !isForbidden($0) })
        return String(scalars)
    }

    /// Whether `text` holds a character XML forbids, read from its bytes
    /// (quicker than its scalars): a control byte, or U+FFFE or U+FFFF
    /// (EF BF BE, EF BF BF; EF only ever leads a three-byte character).
    static func holdsForbidden(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20 {
                    if byte != 0x09, byte != 0x0A, byte != 0x0D { return true }
                } else if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE {
                    return true
                }
                index += 1
            }
            return false
        }
    }

    /// Runs `body` with `text` as the NUL-terminated UTF-8 that libxml2
    /// takes, without the array the implicit conversion to `xmlChar`
    /// pointers builds.
    private static func withXMLString<Result>(_ text: String, _ body: (UnsafePointer<xmlChar>) -> Result) -> Result {
        text.withCString { characters in
            characters.withMemoryRebound(to: xmlChar.self, capacity: text.utf8.count + 1, body)
        }
    }

    private static func withXMLStrings<Result>(_ first: String, _ second: String,
                                               _ body: (UnsafePointer<xmlChar>, UnsafePointer<xmlChar>) -> Result) -> Result {
        withXMLString(first) { first in withXMLString(second) { body(first, $0) } }
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    private func check(_ status: Int32, _ action: @autoclosure () -> String) throws {
        if let writeError { throw writeError }
        if status < 0 { throw XMLError("\(path): libxml2 writer failed to \(action())") }
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
