/// A token of text with its place: code-point offsets into the text it came
/// from, end exclusive, so `text[start..<end]` (as Python slices) is the token.
public struct Token: Sendable, Equatable {
    public var text: String
    public var start: Int
    public var end: Int

    public init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }
}

/// Splits text into word, number and punctuation tokens the way the NER
/// corpora are tokenised: "Russia's" → "Russia", "'s"; "U.S." and "7.5" stay
/// whole; "NATO-Russia" stays whole; quotes and brackets stand alone.
public enum Tokenizer {
    public static func tokens(_ text: String) -> [Token] {
        tokens(scalars: Array(text.unicodeScalars))
    }

    /// The tokens of the text whose scalars these are (for a caller that holds them already).
    static func tokens(scalars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            LetterCase.isAlphabetic(scalar) || LetterCase.isNumeric(scalar)
        }
        func emit(_ start: Int, _ end: Int) {
            tokens.append(Token(text: String(scalars: scalars[start..<end]), start: start, end: end))
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if LetterCase.isWhitespace(scalar) {
                index += 1
                continue
            }
            guard isWordScalar(scalar) else {
                emit(index, index + 1)
                index += 1
                continue
            }
            let start = index
            while index < scalars.count {
                let current = scalars[index]
                if isWordScalar(current) {
                    index += 1
                } else if (current == "-" || current == "." || current == "," || current == "&" || current == "/"),
                          index + 1 < scalars.count, isWordScalar(scalars[index + 1]),
                          current != "," || (LetterCase.isNumeric(scalars[index - 1]) && LetterCase.isNumeric(scalars[index + 1])),
                          current != "/" || LetterCase.isNumeric(scalars[index - 1]) {
                    index += 1
                } else if current == ".", index - start == 1 || scalars[start..<index].contains("."), index - start <= 5,
                          scalars[start..<index].allSatisfy({ LetterCase.isUppercase($0) || $0 == "." }) {
                    // Abbreviations like "U.S." keep their final period.
                    index += 1
                    break
                } else {
                    break
                }
            }
            // Split a possessive "'s" / "’s" off the word it follows.
            if index + 1 < scalars.count, scalars[index] == "'" || scalars[index] == "\u{2019}",
               scalars[index + 1] == "s" || scalars[index + 1] == "S",
               index + 2 >= scalars.count || !isWordScalar(scalars[index + 2]) {
                emit(start, index)
                emit(index, index + 2)
                index += 2
                continue
            }
            emit(start, index)
        }
        return tokens
    }
}
