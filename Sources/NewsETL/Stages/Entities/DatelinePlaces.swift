import Foundation

/// The place of a wire dateline: "LONDON 1996-08-30", "NEW YORK, March 4
/// (Reuters) -", "VALMORA, 6. März 2025 -". The line's shape (a place in
/// capitals at the start of a line, then a date, then the end of the line,
/// an agency in brackets or a dash) says it is a place whatever the word,
/// where a tagger sees only a word in capitals.
enum DatelinePlaces {
    /// Scalar ranges of dateline places in `scalars`, one per matching line.
    static func places(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var places: [Range<Int>] = []
        var lineStart = 0
        while lineStart < scalars.count {
            var lineEnd = lineStart
            while lineEnd < scalars.count, scalars[lineEnd] != "\n" { lineEnd += 1 }
            if lineEnd - lineStart >= 6, let length = placeLength(scalars[lineStart..<min(lineEnd, lineStart + 160)]) {
                places.append(lineStart..<lineStart + length)
            }
            lineStart = lineEnd + 1
        }
        return places
    }

    /// The place's length in scalars when the line is a dateline.
    private static func placeLength(_ line: ArraySlice<Unicode.Scalar>) -> Int? {
        // Most lines start otherwise: two capitals first, or no regular expression.
        guard let first = line.first, let second = line.dropFirst().first,
              first.properties.isUppercase, second.properties.isUppercase || second == " " else { return nil }
        // Every dateline has a date (digits) or an agency in brackets; most lines in capitals have neither.
        guard line.contains(where: isDigitOrBracket) else { return nil }
        let text = String(String.UnicodeScalarView(line))
        guard let match = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let place = Range(match.range(at: 1), in: text) else { return nil }
        if let month = Range(match.range(at: 2), in: text), DateParser.months[text[month].lowercased()] == nil { return nil }
        return text[place].unicodeScalars.count
    }

    /// A decimal digit (any script's, as `\d` matches) or an opening bracket.
    private static func isDigitOrBracket(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (scalar >= "0" && scalar <= "9") || scalar == "(" }
        return scalar.properties.generalCategory == .decimalNumber
    }

    /// Place (1–4 words in capitals), then an ISO date, an English month and
    /// day, or a day, a month and a year, perhaps an agency, then the end of
    /// the line or a dash; or the place, an agency and a dash ("WASHINGTON (AP) —").
    private static let pattern = try! NSRegularExpression(pattern: [
        #"^(\p{Lu}[\p{Lu}.'’-]+(?: \p{Lu}[\p{Lu}.'’-]*){0,3})"#,
        #"(?:,?\s+(?:\d{4}-\d{2}-\d{2}|(\p{L}{3,9})\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\.?\s+\p{L}{3,9}\.?\s+\d{4})"#,
        #"\s*(?:\([^)]{1,40}\)\s*)?(?:[-–—]|$)|\s*\([^)]{1,40}\)\s*[-–—])"#,
    ].joined())
}
