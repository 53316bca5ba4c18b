import CLibXML2
import Foundation

/// Validates XML files against an XSD with libxml2, collecting every error
/// with its line instead of printing to stderr.
public final class XMLSchemaValidator {
    private let schema: xmlSchemaPtr

    public init(schemaPath: String) throws {
        LibXML.initialize()
        guard let parserContext = xmlSchemaNewParserCtxt(schemaPath) else {
            throw XMLError("cannot read schema \(schemaPath)")
        }
        schema = try XMLSchemaValidator.parse(parserContext, name: schemaPath)
    }

    /// A validator for schema text held in memory (`name` only labels errors).
    public init(schemaText: String, name: String) throws {
        LibXML.initialize()
        // The parser context reads the buffer during `xmlSchemaParse`: it must live until then.
        var bytes = Array(schemaText.utf8)
        schema = try bytes.withUnsafeMutableBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { characters in
                guard let parserContext = xmlSchemaNewMemParserCtxt(characters.baseAddress, Int32(characters.count)) else {
                    throw XMLError("cannot read schema \(name)")
                }
                return try XMLSchemaValidator.parse(parserContext, name: name)
            }
        }
    }

    private static func parse(_ parserContext: xmlSchemaParserCtxtPtr, name: String) throws -> xmlSchemaPtr {
        defer { xmlSchemaFreeParserCtxt(parserContext) }
        let errors = ErrorCollector()
        xmlSchemaSetParserStructuredErrors(parserContext, collectError, Unmanaged.passUnretained(errors).toOpaque())
        guard let schema = xmlSchemaParse(parserContext) else {
            throw XMLError("invalid schema \(name): \(errors.messages.first ?? "unknown error")")
        }
        return schema
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
