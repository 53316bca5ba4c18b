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

    private struct Line {
        var text: String
        var start: Int
        var end: Int
        var blankLineBefore: Bool
        var scalarCount: Int { end - start }
    }

    /// The paragraphs of `text`, in order.
    static func split(_ text: String) -> [Paragraph] {
        let lines = nonEmptyLines(text)
        guard let width = wrapWidth(lines) else {
            return lines.map { Paragraph(text: $0.text, original: $0.text, start: $0.start, end: $0.end, blankLineBefore: $0.blankLineBefore) }
        }
        let scalars = Array(text.unicodeScalars)
        var paragraphs: [Paragraph] = []
        var group: [Line] = []
        func close() {
            guard let first = group.first, let last = group.last else { return }
            paragraphs.append(Paragraph(text: group.map(\.text).joined(separator: " "), original: String(scalars: scalars[first.start..<last.end]),
                                        start: first.start, end: last.end, blankLineBefore: first.blankLineBefore))
            group.removeAll()
        }
        for line in lines {
            if line.blankLineBefore { close() }
            group.append(line)
            if StructuralCut.endsLikeSentence(line.text) && line.scalarCount * 4 < width * 3 { close() }
        }
        close()
        return paragraphs
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

    private static func nonEmptyLines(_ text: String) -> [Line] {
        var lines: [Line] = []
        var lineStartByte = 0
        var lineStartScalar = 0
        var scalar = 0
        var blankLine = false
        let bytes = Array(text.utf8)
        func close(at byte: Int) {
            if byte > lineStartByte {
                lines.append(Line(text: String(decoding: bytes[lineStartByte..<byte], as: UTF8.self),
                                  start: lineStartScalar, end: scalar, blankLineBefore: blankLine && !lines.isEmpty))
                blankLine = false
            } else {
                blankLine = true
            }
        }
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0A {
                close(at: index)
                lineStartByte = index + 1
                scalar += 1
                lineStartScalar = scalar
            } else if byte & 0xC0 != 0x80 {
                scalar += 1
            }
        }
        close(at: bytes.count)
        return lines
    }

    /// The wrap width when the text looks hard-wrapped: at least six lines,
    /// none longer than 100 characters, and most lines that continue into a
    /// next line stopping mid-sentence. Nil for one-paragraph-per-line text.
    private static func wrapWidth(_ lines: [Line]) -> Int? {
        guard lines.count >= 6 else { return nil }
        let width = lines.map(\.scalarCount).max() ?? 0
        guard width >= 40 && width <= 100 else { return nil }
        var continued = 0
        var midSentence = 0
        for (line, next) in zip(lines, lines.dropFirst()) where !next.blankLineBefore {
            continued += 1
            if !StructuralCut.endsLikeSentence(line.text) { midSentence += 1 }
        }
        return continued >= 4 && midSentence * 2 > continued ? width : nil
    }
}
