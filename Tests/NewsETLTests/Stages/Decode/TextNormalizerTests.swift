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

    @Test func countsWordsWithLettersOrDigits() {
        #expect(TextNormalizer.wordCount("Storm surge – 4,200 evacuated, “severe” damage … ok") == 7)
        #expect(TextNormalizer.wordCount("  \n  ") == 0)
    }
}
