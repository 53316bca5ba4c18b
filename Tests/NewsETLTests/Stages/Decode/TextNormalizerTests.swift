import Testing
@testable import NewsETL

@Suite struct TextNormalizerTests {
    /// Property: ASCII text, counted by its bytes, has the words and word
    /// ends the scalar path finds (which a character outside ASCII after it,
    /// a word of its own, sends it through).
    @Test func asciiTextCountsAsTheScalarPathCountsIt() {
        var generator = SplitMix(seed: 13)
        let pieces = ["a", "Z", "7", " ", "\t", "\n", "-", "–", ".", ",", "'", "\u{0B}"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...16, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
                .filter(\.isASCII)
            let words = TextNormalizer.wordCount(text)
            #expect(TextNormalizer.wordCount(text + " é") == words + 1, "\(text.debugDescription)")
            for count in 0...(words + 1) {
                #expect(TextNormalizer.offset(afterWords: count, in: text) == (count <= words ? TextNormalizer.offset(afterWords: count, in: text + " é") : nil))
            }
        }
    }

    @Test func normalisesLineEndingsAndBlankLines() {
        #expect(TextNormalizer.normalize("\r\n\r\nTitle\r\n\r\n\r\n\rBody line  \rnext\u{2028}last\n\n") == "Title\n\nBody line\nnext\nlast")
    }

    @Test func removesControlCharactersButKeepsTabs() {
        #expect(TextNormalizer.normalize("a\u{0}b\u{7}c\td\u{1B}e\u{85}f\u{FEFF}g") == "abc\tdefg")
    }

    @Test func composesToNFC() {
        let decomposed = "Gru\u{0161}ko and Cafe\u{0301}"  // š is precomposed, é is e + combining acute
        let normalized = TextNormalizer.normalize(decomposed)
        #expect(normalized.unicodeScalars.map(\.value).contains(0xE9))
        #expect(!normalized.unicodeScalars.map(\.value).contains(0x301))
    }

    @Test func trimsSpacesAtBothEndsOfLines() {
        #expect(TextNormalizer.normalize("   indented\u{00A0}\n\t tabbed \n \u{00A0} \nend") == "indented\ntabbed\n\nend")
    }

    /// Property: a line the quick check passes is one the full
    /// normalisation leaves as it is, and every text it passes is such a line.
    @Test func aPlainLineIsLeftAsTheFullNormalisationLeavesIt() {
        var generator = SplitMix(seed: 17)
        let alphabet: [Character] = ["a", "Z", "7", " ", " ", ".", "~", "\t", "\n", "\r", "\u{1}", "\u{7F}", "é", "\u{A0}"]
        var passed = 0
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...8, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            let full = TextNormalizer.normalizeEveryCharacter(text)
            if TextNormalizer.isNormalPlainLine(text) {
                passed += 1
                #expect(full == text, "\(text.unicodeScalars.map(\.value))")
            }
            #expect(TextNormalizer.normalize(text) == full)
        }
        #expect(passed > 100)
    }

    @Test func countsWordsWithLettersOrDigits() {
        #expect(TextNormalizer.wordCount("Storm surge – 4,200 evacuated, “severe” damage … ok") == 7)
        #expect(TextNormalizer.wordCount("  \n  ") == 0)
    }
}
