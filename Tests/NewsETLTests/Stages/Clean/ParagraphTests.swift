import Testing
@testable import NewsETL

@Suite struct ParagraphTests {
    @Test func takesEachLineAsAParagraphInOrdinaryText() {
        let paragraphs = Paragraph.split("First line.\nSecond line\n\nThird after a blank.")
        #expect(paragraphs.map(\.text) == ["First line.", "Second line", "Third after a blank."])
        #expect(paragraphs.map(\.blankLineBefore) == [false, false, true])
        #expect(paragraphs.map(\.start) == [0, 12, 25])
    }

    @Test func joinsTheLinesOfHardWrappedText() {
        let text = """
            HARBOUR PORT TO REOPEN ON THURSDAY
            The port of Valmora will reopen to ships on
            Thursday morning after divers found no damage to
            the main quay, officials said.
            Two cargo ships that dragged their anchors during
            the storm have been moved to the inner harbour
            and no fuel leak was found.
             Reuter
            """
        let paragraphs = Paragraph.split(TextNormalizer.normalize(text))
        #expect(paragraphs.map(\.text) == [
            "HARBOUR PORT TO REOPEN ON THURSDAY The port of Valmora will reopen to ships on Thursday morning after divers found no damage to the main quay, officials said.",
            "Two cargo ships that dragged their anchors during the storm have been moved to the inner harbour and no fuel leak was found.",
            "Reuter",
        ])
        let normalized = TextNormalizer.normalize(text)
        let scalars = Array(normalized.unicodeScalars)
        for paragraph in paragraphs {
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: scalars[paragraph.start..<paragraph.end])
            #expect(String(slice) == paragraph.original)
        }
        #expect(Paragraph.join(paragraphs) == normalized)
        #expect(Paragraph.wrappedRanges(normalized) == paragraphs.prefix(2).map { $0.start..<$0.end })
    }

    /// Lines found in the bytes are the text's lines: each non-empty one,
    /// with code-point offsets that slice the text, in texts of one- to
    /// four-byte characters with empty lines anywhere.
    @Test func findsEveryLineWithOffsetsThatSliceTheText() {
        var generator = SplitMix(seed: 11)
        let pieces = ["a", "é", "€", "😀", " ", "\n", "\n", ".", "Z"]
        for _ in 0..<300 {
            let text = (0..<Int(generator.next() % 60)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let scalars = Array(text.unicodeScalars)
            var expected: [(text: String, start: Int, blankLineBefore: Bool)] = []
            var offset = 0
            var blank = false
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.isEmpty {
                    blank = true
                } else {
                    expected.append((String(line), offset, blank && !expected.isEmpty))
                    blank = false
                }
                offset += line.unicodeScalars.count + 1
            }
            let paragraphs = Paragraph.split(text)
            guard paragraphs.count == expected.count else {
                Issue.record("\(paragraphs.count) paragraphs, \(expected.count) lines in \(text.debugDescription)")
                continue
            }
            for (paragraph, line) in zip(paragraphs, expected) {
                #expect(paragraph.text == line.text && paragraph.original == line.text)
                #expect(paragraph.start == line.start && paragraph.blankLineBefore == line.blankLineBefore)
                #expect(String(String.UnicodeScalarView(scalars[paragraph.start..<paragraph.end])) == line.text)
            }
        }
    }

    @Test func findsNoWrappedParagraphsInTextWithOneParagraphPerLine() {
        let text = (1...8).map { "Line \($0) of a report, which stops at a sentence end." }.joined(separator: "\n")
        #expect(Paragraph.wrappedRanges(text).isEmpty)
        #expect(Paragraph.wrappedRanges("First line.\nSecond line\n\nThird after a blank.").isEmpty)
        #expect(Paragraph.split(text).count == 8)
    }

    @Test func keepsShortTableNoticesWhole() {
        let notice = "HARBOUR BANK SETS DIVIDEND\nQtly div nine cts\nPay April 30\nRecord April six\nReuter"
        let document = Document(docID: "doc-0000000000000001", sourcePath: "n.txt", sha256: String(repeating: "0", count: 64),
                                byteCount: 0, encoding: "utf-8", format: .text, title: nil, published: nil, source: nil,
                                canonicalURL: nil, text: notice, wordCount: 14)
        guard case .keep(let cleaned) = CleanStage().process(document) else {
            Issue.record("a table notice was rejected")
            return
        }
        #expect(cleaned.text == notice)
    }

    @Test func matchesBylinesOnlyWithTheirCapitals() {
        let rule = DefaultRules.byline.first { $0.name == "by" }!
        #expect(rule.matches(LineKey("By Marit Lund, Harbour Desk"), original: "By Marit Lund, Harbour Desk"))
        #expect(!rule.matches(LineKey("by British Petroleum, including bonds"), original: "by British Petroleum, including bonds"))
        #expect(!rule.matches(LineKey("By Wednesday, the water had receded"), original: "By Wednesday, the water had receded"))
    }
}
