import Testing
@testable import NewsETL

@Suite struct WordHashFilterTests {
    private let words = ["january", "jan", "monday", "yesterday", "noon", "three", "USD", "Rs", "HK"]

    /// It never rules out a word of the set as written, nor a word whose
    /// lower case (with or without a final full stop) the set holds.
    @Test func letsThroughEveryFormOfEveryWord() {
        let filter = WordHashFilter(words)
        for word in words { #expect(filter.mayHold(word), "\(word)") }
        for word in words where word == word.lowercased() {
            for form in [word.uppercased(), word.prefix(1).uppercased() + word.dropFirst(), word + ".", word.uppercased() + "."] {
                #expect(filter.mayHold(form), "\(form)")
            }
        }
        #expect(filter.mayHold("Zürich"))  // not ASCII: left to the look-up
    }

    /// And it rules out most other words (4,096 bits for nine words).
    @Test func rulesOutMostOtherWords() {
        let filter = WordHashFilter(words)
        let others = ["the", "said", "Geneva", "Kremlin", "report", "harbour", "ships", "minister", "police", "of",
                      "and", "council", "Valmora", "storm", "reopen", "quay", "divers", "damage", "officials", "cargo"]
        #expect(others.filter(filter.mayHold).count <= 2)
    }
}
