import Foundation

/// A paragraph of decoded text with its place in it.
///
/// Usually a paragraph is one non-empty line. Hard-wrapped text (wire copy
/// broken at a fixed width) is different: there a paragraph runs over several
/// lines and ends at a blank line or at a sentence end on a line clearly
/// shorter than the wrap width; its lines are joined with spaces for the
/// rules, while `original` keeps the text exactly as decoded.
struct Paragraph: Sendable {
    /// The paragraph's words as rules read them (wrapped lines joined by spaces).
    var text: String
    /// The exact decoded text from `start` to `end`.
    var original: String
    /// Code-point offsets in the decoded text, end exclusive.
    var start: Int
    var end: Int
    /// Whether a blank line separated it from the previous paragraph.
    var blankLineBefore: Bool

    /// A non-empty line: its UTF-8 bytes and code-point offsets in the text.
    private struct Line {
        var bytes: Range<Int>
        var start: Int
        var end: Int
        var blankLineBefore: Bool
        var scalarCount: Int { end - start }
    }

    /// The paragraphs of `text`, in order.
    static func split(_ text: String) -> [Paragraph] {
        var text = text
        return text.withUTF8 { bytes in
            let lines = nonEmptyLines(bytes)
            func string(_ range: Range<Int>) -> String { Paragraph.string(of: range, in: bytes) }
            guard let width = wrapWidth(lines, text: { string($0.bytes) }) else {
                return lines.map { line in
                    let text = string(line.bytes)
                    return Paragraph(text: text, original: text, start: line.start, end: line.end, blankLineBefore: line.blankLineBefore)
                }
            }
            var paragraphs: [Paragraph] = []
            var group: [(line: Line, text: String)] = []
            func close() {
                guard let first = group.first?.line, let last = group.last?.line else { return }
                paragraphs.append(Paragraph(text: group.map(\.text).joined(separator: " "),
                                            original: string(first.bytes.lowerBound..<last.bytes.upperBound),
                                            start: first.start, end: last.end, blankLineBefore: first.blankLineBefore))
                group.removeAll()
            }
            for line in lines {
                if line.blankLineBefore { close() }
                let lineText = string(line.bytes)
                group.append((line, lineText))
                if StructuralCut.endsLikeSentence(lineText) && line.scalarCount * 4 < width * 3 { close() }
            }
            close()
            return paragraphs
        }
    }

    /// The code-point ranges of the paragraphs that run over more than one
    /// line: none, found without making a string, when the text has one
    /// paragraph per line (as most text has).
    static func wrappedRanges(_ text: String) -> [Range<Int>] {
        var text = text
        let wrapped = text.withUTF8 { bytes in
            wrapWidth(nonEmptyLines(bytes), text: { Paragraph.string(of: $0.bytes, in: bytes) }) != nil
        }
        guard wrapped else { return [] }
        return split(text).filter { $0.original.utf8.contains(UInt8(ascii: "\n")) }.map { $0.start..<$0.end }
    }

    /// The kept paragraphs joined with the separators they had.
    static func join(_ paragraphs: [Paragraph]) -> String {
        var output = ""
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { output += paragraph.blankLineBefore ? "\n\n" : "\n" }
            output += paragraph.original
        }
        return output
    }

    private static func string(of range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The lines of the text's UTF-8 that hold anything: each found with
    /// `memchr`, its characters counted as its bytes less its continuation bytes.
    private static func nonEmptyLines(_ bytes: UnsafeBufferPointer<UInt8>) -> [Line] {
        var lines: [Line] = []
        var lineStart = 0
        var scalar = 0
        var blankLine = false
        while lineStart <= bytes.count {
            var end = bytes.count
            if lineStart < bytes.count, let base = bytes.baseAddress,
               let newline = memchr(base + lineStart, 0x0A, bytes.count - lineStart) {
                end = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
            }
            var scalars = end - lineStart
            for byte in UnsafeBufferPointer(rebasing: bytes[lineStart..<end]) where byte & 0xC0 == 0x80 { scalars -= 1 }
            if end > lineStart {
                lines.append(Line(bytes: lineStart..<end, start: scalar, end: scalar + scalars, blankLineBefore: blankLine && !lines.isEmpty))
                blankLine = false
            } else {
                blankLine = true
            }
            scalar += scalars + 1
            lineStart = end + 1
        }
        return lines
    }

    /// The wrap width when the text looks hard-wrapped: at least six lines,
    /// none longer than 100 characters, and most lines that continue into a
    /// next line stopping mid-sentence. Nil for one-paragraph-per-line text.
    /// (`text` makes a line's string; only lines that pass the length tests are made.)
    private static func wrapWidth(_ lines: [Line], text: (Line) -> String) -> Int? {
        guard lines.count >= 6 else { return nil }
        let width = lines.map(\.scalarCount).max() ?? 0
        guard width >= 40 && width <= 100 else { return nil }
        var continued = 0
        var midSentence = 0
        for (line, next) in zip(lines, lines.dropFirst()) where !next.blankLineBefore {
            continued += 1
            if !StructuralCut.endsLikeSentence(text(line)) { midSentence += 1 }
        }
        return continued >= 4 && midSentence * 2 > continued ? width : nil
    }
}
