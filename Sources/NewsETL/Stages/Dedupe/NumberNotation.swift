/// One number in any of the notations wire copy and its rewrites use, for
/// the facts check: "3RD" and "third", "five" and "5", "3,086,386" and
/// "3.1 mln" (a figure of millions rounded to one decimal, as a rewrite
/// states it) must count as the same fact, or a rewrite of a report looks
/// like a different report with other figures.
///
/// Sketches kept by earlier nights (`DedupeState`, unchanged format) hold
/// their facts as then read; against them a number in another notation
/// still counts as missing, so the change can only miss a copy of an old
/// report, never merge two reports.
enum NumberNotation {
    /// The fact hash of a token: the FNV-1a of its canonical digits when it is
    /// a number in another notation, else `hash` (the token's own).
    /// - `value`: the token's digits read as a number (separators skipped);
    /// - `decimal`: a `.` stood between its digits;
    /// - `prefixLetters`, `suffix`: letters before the first digit, and the
    ///   hash and length of the letters after the last.
    static func factHash(hash: UInt64, hasDigit: Bool, value: UInt64, decimal: Bool, prefixLetters: Bool,
                         suffixHash: UInt64, suffixLength: Int) -> UInt64 {
        guard hasDigit else { return wordValues[hash].map { digitsHash(UInt64($0)) } ?? hash }
        guard !prefixLetters else { return hash }
        if suffixLength == 2, ordinalSuffixes.contains(suffixHash) { return digitsHash(value) }
        guard suffixLength == 0, !decimal else { return hash }
        // Millions and billions to one decimal, the digits as "3.1 mln" gives them ("31"),
        // or whole when the decimal is 0, as "62 million" gives them ("62").
        if value >= 1_000_000_000 { return roundedHash(tenths: (value + 50_000_000) / 100_000_000) }
        if value >= 1_000_000 { return roundedHash(tenths: (value + 50_000) / 100_000) }
        return hash
    }

    private static func roundedHash(tenths: UInt64) -> UInt64 {
        digitsHash(tenths % 10 == 0 ? tenths / 10 : tenths)
    }

    /// FNV-1a of the decimal digits of `value`, as `Sketcher.words` hashes a digit token.
    static func digitsHash(_ value: UInt64) -> UInt64 {
        StableHash.fnv1a(String(value))
    }

    /// The number a word names, cardinal or ordinal.
    private static let wordValues: [UInt64: Int] = {
        let cardinals = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
        let ordinals = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
        var values: [UInt64: Int] = [:]
        for (value, word) in cardinals.enumerated() { values[StableHash.fnv1a(word)] = value }
        for (value, word) in ordinals.enumerated() where !word.isEmpty { values[StableHash.fnv1a(word)] = value }
        return values
    }()

    /// FNV-1a continued from the basis over "st", "nd", "rd", "th".
    private static let ordinalSuffixes: Set<UInt64> = Set(["st", "nd", "rd", "th"].map { StableHash.fnv1a($0) })
}
