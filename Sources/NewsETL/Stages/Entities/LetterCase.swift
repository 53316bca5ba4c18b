/// Unicode letter classes with an ASCII fast path. The entity stage asks
/// them for every character of every token; Unicode property look-ups
/// were a sixth of its time on English text. Answers are the same as the
/// standard library's.
enum LetterCase {
    @inline(__always) static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? (0x41...0x5A).contains(scalar.value) : scalar.properties.isUppercase
    }

    @inline(__always) static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? (0x61...0x7A).contains(scalar.value) : scalar.properties.isLowercase
    }

    @inline(__always) static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? (0x61...0x7A).contains(scalar.value | 0x20) : scalar.properties.isAlphabetic
    }

    /// Has a numeric value (digits, and for non-ASCII also fractions, numerals…).
    @inline(__always) static func isNumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? (0x30...0x39).contains(scalar.value) : scalar.properties.numericType != nil
    }

    @inline(__always) static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }

    /// Whether the word's first character is an upper-case letter.
    static func startsUppercase(_ word: String) -> Bool {
        guard let byte = word.utf8.first else { return false }
        return byte < 0x80 && !startsWithCombiningMark(word) ? (0x41...0x5A).contains(byte) : word.first!.isUppercase
    }

    /// Whether the word's first character is a lower-case letter.
    static func startsLowercase(_ word: String) -> Bool {
        guard let byte = word.utf8.first else { return false }
        return byte < 0x80 && !startsWithCombiningMark(word) ? (0x61...0x7A).contains(byte) : word.first!.isLowercase
    }

    /// More than one character and none of them lower case: "NATO", "BRUSSELS".
    static func isAllCapitals(_ word: String) -> Bool {
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            return word.utf8.count > 1 && !word.utf8.contains { (0x61...0x7A).contains($0) }
        }
        return word.count > 1 && word.allSatisfy { !$0.isLowercase }
    }

    /// Written in capitals, as headlines and wire slugs are: at least eight
    /// letters, seven in ten of them upper case.
    static func isMostlyCapitals<S: Sequence>(_ scalars: S) -> Bool where S.Element == Unicode.Scalar {
        let (letters, capitals) = letterCounts(scalars)
        return isMostlyCapitals(letters: letters, capitals: capitals)
    }

    /// The same from counts made beforehand (`letterCounts`), which add up over words.
    static func isMostlyCapitals(letters: Int, capitals: Int) -> Bool {
        letters >= 8 && capitals * 10 >= letters * 7
    }

    /// How many of the scalars are letters, and how many of those upper case.
    static func letterCounts<S: Sequence>(_ scalars: S) -> (letters: Int, capitals: Int) where S.Element == Unicode.Scalar {
        var letters = 0, capitals = 0
        for scalar in scalars where isAlphabetic(scalar) {
            letters += 1
            if isUppercase(scalar) { capitals += 1 }
        }
        return (letters, capitals)
    }

    /// A first ASCII character followed by a combining mark forms one
    /// character whose case the standard library must judge.
    private static func startsWithCombiningMark(_ word: String) -> Bool {
        let utf8 = word.utf8
        guard utf8.count > 1 else { return false }
        return utf8[utf8.index(after: utf8.startIndex)] >= 0x80
    }
}
