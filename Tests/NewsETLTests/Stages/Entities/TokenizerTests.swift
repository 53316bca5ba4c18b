import Testing
@testable import NewsETL

@Suite struct TokenizerTests {
    @Test func splitsPossessivesAndKeepsAbbreviationsNumbersAndHyphens() {
        let text = "Russia’s envoy met U.S. officials; NATO-Russia talks lasted 7.5 hours (3,000 troops) with John F. Kennedy and NATO."
        let tokens = Tokenizer.tokens(text)
        #expect(tokens.map(\.text) == ["Russia", "’s", "envoy", "met", "U.S.", "officials", ";", "NATO-Russia", "talks",
                                       "lasted", "7.5", "hours", "(", "3,000", "troops", ")", "with", "John", "F.", "Kennedy", "and", "NATO", "."])
    }

    @Test func offsetsSliceTheTextExactly() {
        let text = "  Gruško said: “Café Søren’s 12/01 deal”\nDone."
        let scalars = Array(text.unicodeScalars)
        for token in Tokenizer.tokens(text) {
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: scalars[token.start..<token.end])
            #expect(String(slice) == token.text)
        }
    }
}
