import CLibCSV

/// A CSV syntax error, with libcsv's message and the byte offset it stopped at.
public struct CSVParseError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public let offset: Int

    public var description: String { "CSV parse error at byte \(offset): \(message)" }
}

/// Parses RFC 4180 CSV through libcsv in strict mode, keeping spaces around
/// unquoted fields (libcsv trims them by default).
public final class CSVParser {
    private let parser: UnsafeMutablePointer<csv_parser>
    private let rows = RowCollector()

    public init() throws {
        parser = .allocate(capacity: 1)
        guard csv_init(parser, UInt8(CSV_STRICT | CSV_STRICT_FINI)) == 0 else {
            parser.deallocate()
            throw CSVParseError(message: "libcsv could not initialise a parser", offset: 0)
        }
        csv_set_space_func(parser, { _ in 0 })
    }

    deinit {
        csv_free(parser)
        parser.deallocate()
    }

    /// All records of `bytes`, each a list of fields.
    public static func parse(_ bytes: [UInt8]) throws -> [[String]] {
        try CSVParser().parseAll(bytes)
    }

    private func parseAll(_ bytes: [UInt8]) throws -> [[String]] {
        let context = Unmanaged.passUnretained(rows).toOpaque()
        let consumed = bytes.withUnsafeBytes { buffer in
            csv_parse(parser, buffer.baseAddress, buffer.count, fieldEnded, recordEnded, context)
        }
        if consumed != bytes.count {
            let message = String(cString: csv_strerror(csv_error(parser)))
            throw CSVParseError(message: message, offset: consumed)
        }
        if csv_fini(parser, fieldEnded, recordEnded, context) != 0 {
            throw CSVParseError(message: "unterminated quoted field at end of input", offset: bytes.count)
        }
        return rows.records
    }
}

private final class RowCollector {
    var records: [[String]] = []
    var current: [String] = []
}

private func fieldEnded(_ field: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    let collector = Unmanaged<RowCollector>.fromOpaque(context!).takeUnretainedValue()
    guard let field, length > 0 else {
        collector.current.append("")
        return
    }
    let bytes = UnsafeRawBufferPointer(start: field, count: length)
    collector.current.append(String(decoding: bytes, as: UTF8.self))
}

private func recordEnded(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    let collector = Unmanaged<RowCollector>.fromOpaque(context!).takeUnretainedValue()
    collector.records.append(collector.current)
    collector.current = []
}
