import Foundation

/// Brings decoded text to the one form every later stage relies on: NFC, LF
/// line endings, no control characters but newline and tab, no spaces at
/// either end of a line, no runs of blank lines, no blank lines at either end.
public enum TextNormalizer {
    public static func normalize(_ text: String) -> String {
        let composed = text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
        var output = String.UnicodeScalarView()
        var line = String.UnicodeScalarView()
        var blankLinesPending = 0
        var wroteLine = false
        var previousWasCR = false

        func endLine() {
            while let last = line.last, last.properties.isWhitespace { line.removeLast() }
            if line.isEmpty {
                blankLinesPending += 1
            } else {
                if wroteLine {
                    output.append("\n")
                    if blankLinesPending > 0 { output.append("\n") }
                }
                output.append(contentsOf: line)
                wroteLine = true
                blankLinesPending = 0
                line.removeAll(keepingCapacity: true)
            }
        }

        for scalar in composed.unicodeScalars {
            switch scalar.value {
            case 0x0A:
                if !previousWasCR { endLine() }
                previousWasCR = false
                continue
            case 0x0D, 0x2028, 0x2029:
                endLine()
                previousWasCR = scalar.value == 0x0D
                continue
            case 0x00...0x08, 0x0B...0x1F, 0x7F...0x9F, 0xFEFF, 0xFFFE, 0xFFFF:
                break
            default:
                if !line.isEmpty || !scalar.properties.isWhitespace { line.append(scalar) }
            }
            previousWasCR = false
        }
        endLine()
        return String(output)
    }

    /// Words: runs of characters between whitespace that hold a letter or digit.
    public static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        var wordHasAlphanumeric = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                if inWord && wordHasAlphanumeric { count += 1 }
                inWord = false
                wordHasAlphanumeric = false
            } else {
                inWord = true
                if !wordHasAlphanumeric, scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    wordHasAlphanumeric = true
                }
            }
        }
        if inWord && wordHasAlphanumeric { count += 1 }
        return count
    }
}
