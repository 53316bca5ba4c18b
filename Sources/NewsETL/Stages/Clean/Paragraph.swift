/// A paragraph of decoded text (one non-empty line) with its place in it.
struct Paragraph: Sendable {
    var text: String
    /// Code-point offsets in the decoded text, end exclusive.
    var start: Int
    var end: Int
    /// Whether a blank line separated it from the previous paragraph.
    var blankLineBefore: Bool

    /// The non-empty lines of `text`, in order.
    static func split(_ text: String) -> [Paragraph] {
        var paragraphs: [Paragraph] = []
        var lineStartByte = 0
        var lineStartScalar = 0
        var scalar = 0
        var blankLine = false
        let bytes = Array(text.utf8)
        func close(at byte: Int) {
            if byte > lineStartByte {
                paragraphs.append(Paragraph(
                    text: String(decoding: bytes[lineStartByte..<byte], as: UTF8.self),
                    start: lineStartScalar, end: scalar, blankLineBefore: blankLine && !paragraphs.isEmpty))
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
        return paragraphs
    }

    /// The kept paragraphs joined with the separators they had.
    static func join(_ paragraphs: [Paragraph]) -> String {
        var output = ""
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { output += paragraph.blankLineBefore ? "\n\n" : "\n" }
            output += paragraph.text
        }
        return output
    }
}
