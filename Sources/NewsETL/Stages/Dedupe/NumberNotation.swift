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
    /// The fact hash of a token with digits: the FNV-1a of its canonical
    /// digits when it is an ordinal ("3rd") or a figure of millions, else
    /// `hash` (the token's own).
    /// - `value`: the token's digits read as a number (separators skipped);
    /// - `decimal`: a `.` stood between its digits;
    /// - `prefixLetters`, `suffix`: letters before the first digit, and the
    ///   hash and length of the letters after the last.
    static func digitTokenHash(hash: UInt64, value: UInt64, decimal: Bool, prefixLetters: Bool,
                               suffixHash: UInt64, suffixLength: Int) -> UInt64 {
        guard !prefixLetters else { return hash }
        if suffixLength == 2, ordinalSuffixes.contains(suffixHash) { return digitsHash(value) }
        guard suffixLength == 0, !decimal else { return hash }
        // Millions and billions to one decimal, the digits as "3.1 mln" gives them ("31"),
        // or whole when the decimal is 0, as "62 million" gives them ("62").
        if value >= 1_000_000_000 { return roundedHash(tenths: (value + 50_000_000) / 100_000_000) }
        if value >= 1_000_000 { return roundedHash(tenths: (value + 50_000) / 100_000) }
        return hash
    }

    /// Numbers written as words, which count as facts ("one billion dlrs" and
    /// "two billion dlrs" are different reports), by the hash of the word:
    /// the hash of the number's digits for those with a small value, the
    /// word's own hash for the rest.
    static let wordFacts: [UInt64: UInt64] = {
        let valued = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                      "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
        let ordinals = ["first", "second", "third", "fourth", "fifth"]
        let others = ["thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion",
                      "trillion", "half", "quarter"]
        var facts: [UInt64: UInt64] = [:]
        for (value, word) in valued.enumerated() { facts[StableHash.fnv1a(word)] = digitsHash(UInt64(value)) }
        for (offset, word) in ordinals.enumerated() { facts[StableHash.fnv1a(word)] = digitsHash(UInt64(offset + 1)) }
        for word in others { facts[StableHash.fnv1a(word)] = StableHash.fnv1a(word) }
        return facts
    }()

    /// FNV-1a of the decimal digits of `value`, as `Sketcher.words` hashes a digit token.
    static func digitsHash(_ value: UInt64) -> UInt64 {
        StableHash.fnv1a(String(value))
    }

    private static func roundedHash(tenths: UInt64) -> UInt64 {
        digitsHash(tenths % 10 == 0 ? tenths / 10 : tenths)
    }

    /// FNV-1a over "st", "nd", "rd", "th".
    private static let ordinalSuffixes: Set<UInt64> = Set(["st", "nd", "rd", "th"].map { StableHash.fnv1a($0) })
}
