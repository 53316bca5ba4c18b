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
        validateCountingRecords(fileAt: path).errors
    }

    /// Validates the file in one streaming pass and counts the elements
    /// directly under its root (a dataset's records).
    public func validateCountingRecords(fileAt path: String) -> (errors: [String], records: Int) {
        guard let context = xmlSchemaNewValidCtxt(schema) else { return (["cannot create a validation context"], 0) }
        defer { xmlSchemaFreeValidCtxt(context) }
        let errors = ErrorCollector()
        let opaque = Unmanaged.passUnretained(errors).toOpaque()
        xmlSchemaSetValidStructuredErrors(context, collectError, opaque)
        guard let reader = xmlReaderForFile(path, nil, Int32(XML_PARSE_NONET.rawValue)) else {
            return (["\(path): cannot be opened"], 0)
        }
        defer { xmlFreeTextReader(reader) }
        xmlTextReaderSetStructuredErrorHandler(reader, collectError, opaque)
        guard xmlTextReaderSchemaValidateCtxt(reader, context, 0) == 0 else { return (["cannot start validation"], 0) }
        var records = 0
        var status = xmlTextReaderRead(reader)
        while status == 1 {
            if xmlTextReaderDepth(reader) == 1, xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_ELEMENT.rawValue) {
                records += 1
            }
            status = xmlTextReaderRead(reader)
        }
        if (status != 0 || xmlTextReaderIsValid(reader) != 1) && errors.messages.isEmpty {
            return (["\(path): not valid (libxml2 status \(status))"], records)
        }
        return (errors.messages, records)
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
