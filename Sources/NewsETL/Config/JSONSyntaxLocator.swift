/// Where a config stops being JSON ("line 3, column 22: expected ',' or
/// '}'"): Foundation's decoder only says that the data is not valid JSON,
/// which leaves a person searching a long `pipeline.json` by eye. A small
/// recursive-descent check over the bytes, run only after the decoder
/// refused the file (which accepts a trailing comma, so this does too).
struct JSONSyntaxLocator {
    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0
    private static let maxDepth = 512

    private struct Failure: Error {
        var offset: Int
        var message: String
    }

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// "line L, column C: what was expected", or nil when `bytes` is valid JSON.
    static func locate(_ bytes: [UInt8]) -> String? {
        var locator = JSONSyntaxLocator(bytes)
        do {
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { locator.index = 3 }
            try locator.value()
            locator.skipSpace()
            if locator.index < bytes.count { throw Failure(offset: locator.index, message: "unexpected text after the end of the JSON") }
            return nil
        } catch let failure as Failure {
            return position(of: failure.offset, in: bytes) + ": " + failure.message
        } catch {
            return nil
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    private static func position(of offset: Int, in bytes: [UInt8]) -> String {
        var line = 1, column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return "line \(line), column \(column)"
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private func fail(_ message: String) -> Failure {
        Failure(offset: index, message: index < bytes.count ? message : "the file ends where " + message.replacingOccurrences(of: "expected ", with: "") + " should follow")
    }

    private mutating func value() throws {
        skipSpace()
        guard index < bytes.count else { throw fail("expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): try container(close: UInt8(ascii: "}"), isObject: true)
        case UInt8(ascii: "["): try container(close: UInt8(ascii: "]"), isObject: false)
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: throw fail("expected a value (an object, list, string, number, true, false or null)")
        }
    }

    private mutating func container(close: UInt8, isObject: Bool) throws {
        depth += 1
        guard depth <= JSONSyntaxLocator.maxDepth else { throw fail("nested too deeply") }
        index += 1
        let closeName = isObject ? "'}'" : "']'"
        while true {
            // An empty container, or (as the decoder allows) a trailing comma.
            skipSpace()
            if index < bytes.count, bytes[index] == close {
                index += 1
                depth -= 1
                return
            }
            if isObject {
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a key in double quotes") }
                try string()
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':' after the key") }
                index += 1
            }
            try value()
            skipSpace()
            guard index < bytes.count else { throw fail("expected ',' or \(closeName)") }
            if bytes[index] == close { continue }
            guard bytes[index] == UInt8(ascii: ",") else { throw fail("expected ',' or \(closeName)") }
            index += 1
        }
    }

    private mutating func string() throws {
        let start = index
        index += 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                index += 1
                return
            case UInt8(ascii: "\\"):
                index += 2
            case 0x00..<0x20:
                throw fail("a control character (a line break?) inside a string")
            default:
                index += 1
            }
        }
        index = start
        throw fail("a string that is never closed")
    }

    private mutating func number() throws {
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let digits: (UInt8) -> Bool = { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        guard index < bytes.count, digits(bytes[index]) else { throw fail("expected a digit") }
        while index < bytes.count, digits(bytes[index]) || ".eE+-".utf8.contains(bytes[index]) { index += 1 }
    }

    private mutating func literal(_ word: String) throws {
        let expected = Array(word.utf8)
        guard bytes[index...].starts(with: expected) else { throw fail("expected a value (did you mean \(word)?)") }
        index += expected.count
    }
}
