import Testing
@testable import NewsETL

@Suite struct TextNormalizerTests {
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
