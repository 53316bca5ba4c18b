import CLibXML2
import Foundation

/// Validates XML files against an XSD with libxml2, collecting every error
/// with its line instead of printing to stderr.
public final class XMLSchemaValidator {
    private let schema: xmlSchemaPtr

    public convenience init(schemaPath: String) throws {
        LibXML.initialize()
        guard let parserContext = xmlSchemaNewParserCtxt(schemaPath) else {
            throw XMLError("cannot read schema \(schemaPath)")
        }
        try self.init(parserContext: parserContext, name: schemaPath)
    }

    /// A validator for schema text held in memory (`name` only labels errors).
    public convenience init(schemaText: String, name: String) throws {
        LibXML.initialize()
        let bytes = Array(schemaText.utf8)
        let parserContext = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { xmlSchemaNewMemParserCtxt($0.baseAddress, Int32($0.count)) }
        }
        guard let parserContext else { throw XMLError("cannot read schema \(name)") }
        try self.init(parserContext: parserContext, name: name)
    }

    private init(parserContext: xmlSchemaParserCtxtPtr, name: String) throws {
        defer { xmlSchemaFreeParserCtxt(parserContext) }
        let errors = ErrorCollector()
        xmlSchemaSetParserStructuredErrors(parserContext, collectError, Unmanaged.passUnretained(errors).toOpaque())
        guard let schema = xmlSchemaParse(parserContext) else {
            throw XMLError("invalid schema \(name): \(errors.messages.first ?? "unknown error")")
        }
        self.schema = schema
    }

    deinit { xmlSchemaFree(schema) }

    /// The validation errors of the file at `path`; empty when it is valid.
    public func validate(fileAt path: String) -> [String] {
        guard let context = xmlSchemaNewValidCtxt(schema) else { return ["cannot create a validation context"] }
        defer { xmlSchemaFreeValidCtxt(context) }
        let errors = ErrorCollector()
        xmlSchemaSetValidStructuredErrors(context, collectError, Unmanaged.passUnretained(errors).toOpaque())
        let status = xmlSchemaValidateFile(context, path, Int32(XML_PARSE_NONET.rawValue))
        if status != 0 && errors.messages.isEmpty { return ["\(path): not valid (libxml2 status \(status))"] }
        return errors.messages
    }
}

private final class ErrorCollector {
    var messages: [String] = []
}

private func collectError(_ context: UnsafeMutableRawPointer?, _ error: UnsafeMutablePointer<xmlError>?) {
    guard let context, let error else { return }
    let collector = Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue()
    let message = error.pointee.message.map { String(cString: $0) }?
        .trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown error"
    let file = error.pointee.file.map { String(cString: $0) } ?? ""
    collector.messages.append("\(file):\(error.pointee.line): \(message)")
}
