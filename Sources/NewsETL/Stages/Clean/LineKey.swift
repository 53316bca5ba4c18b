import Foundation

/// A paragraph reduced to what boilerplate rules compare: lowercase, curly
/// quotes and dashes made plain, runs of spaces collapsed, trailing
/// punctuation and leading bullets or arrows dropped; plus its words.
/// Built over UTF-8 bytes: it runs for every paragraph of every document.
struct LineKey: Sendable {
    let bytes: [UInt8]
    /// Byte ranges of the letter-or-digit runs of the key.
    let wordRanges: [Range<Int>]

    var key: String { String(decoding: bytes, as: UTF8.self) }
    var wordCount: Int { wordRanges.count }
    var words: [String] { wordRanges.map { String(decoding: bytes[$0], as: UTF8.self) } }

    /// A rule phrase in the form keys take, trailing punctuation kept
    /// (`"tags:"` must not become a prefix of every line starting "tags").
    static func normalizedPhrase(_ phrase: String) -> String {
        let key = LineKey(phrase).key
        let trailing = phrase.lowercased().reversed().prefix { ":.!|".contains($0) }
        return key + String(trailing.reversed())
    }

    init(_ text: String) {
        let output = text.utf8.allSatisfy { $0 < 0x80 } ? LineKey.collapsedASCII(text) : LineKey.collapsed(text)
        var start = 0
        var end = output.count
        while start < end, let width = LineKey.leadingNoiseWidth(output, at: start) { start += width }
        while end > start, let width = LineKey.trailingNoiseWidth(output, endingAt: end) { end -= width }
        bytes = start == 0 && end == output.count ? output : Array(output[start..<end])
        wordRanges = LineKey.wordRanges(bytes)
    }

    /// Whether the key contains `needle` (both UTF-8). The needle's first
    /// byte is looked for with `memchr` and the rest compared with `memcmp`:
    /// every rule's phrases are looked for in every paragraph, and a loop
    /// over the bytes cost more than the rest of the rules.
    func contains(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= bytes.count else { return false }
        return bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                guard let base = haystack.baseAddress, let needleBase = needle.baseAddress else { return false }
                let last = haystack.count - needle.count
                var start = 0
                while start <= last, let found = memchr(base + start, Int32(needle[0]), last - start + 1) {
                    let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + index, needleBase, needle.count) == 0 { return true }
                    start = index + 1
                }
                return false
            }
        }
    }

    func hasPrefix(_ needle: [UInt8]) -> Bool { bytes.starts(with: needle) }

    /// `text` lowercased (scalar by scalar, as `String.lowercased()` does),
    /// with curly quotes, dashes and the odd spaces made plain and runs of
    /// spaces collapsed, as UTF-8.
    static func collapsed(_ text: String) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        func append(_ scalar: Unicode.Scalar) {
            var value = scalar.value
            switch value {
            case 0x2018, 0x2019, 0x201B, 0x2032: value = 0x27
            case 0x201C, 0x201D, 0x201E, 0x2033: value = 0x22
            case 0x2013, 0x2014, 0x2212: value = 0x2D
            case 0x00A0, 0x2000...0x200B, 0x202F, 0x3000, 0x09: value = 0x20
            default: break
            }
            if value == 0x20 {
                pendingSpace = !output.isEmpty
                return
            }
            if pendingSpace { output.append(0x20) }
            pendingSpace = false
            if value < 0x80 {
                output.append(UInt8(value))
            } else {
                output.append(contentsOf: String(Unicode.Scalar(value)!).utf8)
            }
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                append(Unicode.Scalar((0x41...0x5A).contains(scalar.value) ? UInt8(scalar.value) | 0x20 : UInt8(scalar.value)))
            } else {
                for lowered in scalar.properties.lowercaseMapping.unicodeScalars { append(lowered) }
            }
        }
        return output
    }

    /// `collapsed` of an ASCII text, lowercased on the way, byte by byte:
    /// most paragraphs are ASCII, and this is what every paragraph pays.
    static func collapsedASCII(_ text: String) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x09 {
                pendingSpace = !output.isEmpty
                continue
            }
            if pendingSpace { output.append(0x20) }
            pendingSpace = false
            output.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
        }
        return output
    }

    private static let leadingNoise: [[UInt8]] = [" ", "»", "«", ">", "•", "·", "*", "-", "|", "›", "→", "#", "▶", "►"].map { Array($0.utf8) }
    private static let trailingNoise: [[UInt8]] = [" ", ":", ".", "!", "|", "»", "›", "-", "*", "→", ">"].map { Array($0.utf8) }

    private static func leadingNoiseWidth(_ bytes: [UInt8], at index: Int) -> Int? {
        leadingNoise.first { bytes[index...].starts(with: $0) }?.count
    }

    private static func trailingNoiseWidth(_ bytes: [UInt8], endingAt end: Int) -> Int? {
        trailingNoise.first { $0.count <= end && bytes[(end - $0.count)..<end].elementsEqual($0) }?.count
    }

    /// Letter-or-digit runs: ASCII letters and digits, and any non-ASCII
    /// character that Unicode calls alphabetic or numeric.
    private static func wordRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var wordStart: Int?
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let width = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            let isWordCharacter: Bool
            if byte < 0x80 {
                isWordCharacter = (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte)
            } else {
                let scalar = String(decoding: bytes[index..<min(index + width, bytes.count)], as: UTF8.self).unicodeScalars.first!
                isWordCharacter = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            }
            if isWordCharacter {
                if wordStart == nil { wordStart = index }
            } else if let start = wordStart {
                ranges.append(start..<index)
                wordStart = nil
            }
            index += width
        }
        if let start = wordStart { ranges.append(start..<bytes.count) }
        return ranges
    }
}
