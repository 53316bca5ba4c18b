import Foundation

/// Brings decoded text to the one form every later stage relies on: NFC, LF
/// line endings, no control characters but newline and tab, no spaces at
/// either end of a line, no runs of blank lines, no blank lines at either end.
public enum TextNormalizer {
    public static func normalize(_ text: String) -> String {
        // One line of printable ASCII without spaces at its ends (most of a
        // page's paragraphs) is in that form already.
        isNormalPlainLine(text) ? text : normalizeEveryCharacter(text)
    }

    /// One line of printable ASCII, not empty, no space at either end.
    static func isNormalPlainLine(_ text: String) -> Bool {
        guard let first = text.utf8.first, first != 0x20, text.utf8.last != 0x20 else { return false }
        return text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// The normalisation done character by character, for any text.
    static func normalizeEveryCharacter(_ text: String) -> String {
        let composed = text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
        let bytes = Array(composed.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var line: [UInt8] = []
        var contentEnd = 0
        var blankLinesPending = false
        var wroteLine = false

        func endLine() {
            if contentEnd == 0 {
                blankLinesPending = wroteLine
            } else {
                if wroteLine { output.append(contentsOf: blankLinesPending ? [0x0A, 0x0A] : [0x0A]) }
                output.append(contentsOf: line[..<contentEnd])
                wroteLine = true
                blankLinesPending = false
            }
            line.removeAll(keepingCapacity: true)
            contentEnd = 0
        }

        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            let value = scalarValue(bytes, at: index, length: length)
            switch value {
            case 0x0A, 0x2028, 0x2029:
                endLine()
            case 0x0D:
                endLine()
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            case 0x00...0x08, 0x0B...0x1F, 0x7F...0x9F, 0xFEFF, 0xFFFE, 0xFFFF:
                break
            default:
                let space = length == 1 ? value == 0x20 || value == 0x09 : isWhitespace(Unicode.Scalar(value)!)
                if !space || !line.isEmpty {
                    if length == 1 { line.append(lead) } else { line.append(contentsOf: bytes[index..<(index + length)]) }
                    if !space { contentEnd = line.count }
                }
            }
            index += length
        }
        endLine()
        return String(decoding: output, as: UTF8.self)
    }

    /// The code point of the well-formed UTF-8 sequence at `index`.
    @inline(__always)
    private static func scalarValue(_ bytes: [UInt8], at index: Int, length: Int) -> UInt32 {
        switch length {
        case 1: return UInt32(bytes[index])
        case 2: return UInt32(bytes[index] & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
        case 3: return UInt32(bytes[index] & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
        default:
            return UInt32(bytes[index] & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
        }
    }

    /// Words: runs of characters between whitespace that hold a letter or digit.
    public static func wordCount(_ text: String) -> Int {
        var count = 0
        forEachWordEnd(text) { _ in
            count += 1
            return true
        }
        return count
    }

    /// The scalar offset just after the `count`-th word (as `wordCount`
    /// counts them); nil when the text has fewer words.
    public static func offset(afterWords count: Int, in text: String) -> Int? {
        var seen = 0
        var found: Int?
        forEachWordEnd(text) { end in
            seen += 1
            if seen == count { found = end }
            return seen < count
        }
        return found
    }

    /// Calls `body` with the scalar offset after each word until it returns false.
    private static func forEachWordEnd(_ text: String, _ body: (Int) -> Bool) {
        // Most text is ASCII: its bytes are its scalars, read without decoding.
        var text = text
        let isASCII = text.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } }
        guard !isASCII else {
            text.withUTF8 { forEachWordEnd(ascii: $0, body) }
            return
        }
        var inWord = false
        var wordHasAlphanumeric = false
        var offset = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isSpace: Bool
            let isAlphanumeric: Bool
            if value < 0x80 {
                isSpace = isASCIISpace(value)
                isAlphanumeric = isASCIIAlphanumeric(value)
            } else {
                isSpace = scalar.properties.isWhitespace
                isAlphanumeric = !isSpace && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
            }
            if isSpace {
                if inWord && wordHasAlphanumeric, !body(offset) { return }
                inWord = false
                wordHasAlphanumeric = false
            } else if value >= 0x3040, CharacterWords.isCharacterWord(value) {
                if inWord && wordHasAlphanumeric, !body(offset) { return }
                if !body(offset + 1) { return }
                inWord = false
                wordHasAlphanumeric = false
            } else {
                inWord = true
                wordHasAlphanumeric = wordHasAlphanumeric || isAlphanumeric
            }
            offset += 1
        }
        if inWord && wordHasAlphanumeric { _ = body(offset) }
    }

    /// `forEachWordEnd` of ASCII text, by its bytes.
    private static func forEachWordEnd(ascii bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Bool) {
        var inWord = false
        var wordHasAlphanumeric = false
        for (offset, value) in bytes.enumerated() {
            if isASCIISpace(UInt32(value)) {
                if inWord && wordHasAlphanumeric, !body(offset) { return }
                inWord = false
                wordHasAlphanumeric = false
            } else {
                inWord = true
                wordHasAlphanumeric = wordHasAlphanumeric || isASCIIAlphanumeric(UInt32(value))
            }
        }
        if inWord && wordHasAlphanumeric { _ = body(bytes.count) }
    }

    /// Whitespace, with ASCII answered without a Unicode property lookup.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? isASCIISpace(scalar.value) : scalar.properties.isWhitespace
    }

    /// An ASCII space, tab, line feed, vertical tab, form feed or carriage return.
    @inline(__always)
    private static func isASCIISpace(_ value: UInt32) -> Bool {
        value == 0x20 || (0x09...0x0D).contains(value)
    }

    @inline(__always)
    private static func isASCIIAlphanumeric(_ value: UInt32) -> Bool {
        (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
    }
}
