import Testing
@testable import NewsETL

@Suite struct LineKeyTests {
    /// Property: a key contains a phrase exactly when the phrase's bytes
    /// occur in the key's somewhere, as a byte-by-byte search finds them.
    @Test func containsWhatAByteSearchFinds() {
        var generator = SplitMix(seed: 12)
        let words = ["a", "ab", "b", "é", "leave", "a reply", " ", "reply", "no comments"]
        for _ in 0..<3_000 {
            let key = LineKey((0..<Int.random(in: 0...8, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined())
            let needle = Array(words.randomElement(using: &generator)!.utf8) + (Bool.random(using: &generator) ? Array("b".utf8) : [])
            let found = needle.count <= key.bytes.count
                && (0...(key.bytes.count - needle.count)).contains { key.bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
            #expect(key.contains(needle) == found, "\(key.bytes) \(needle)")
        }
        #expect(LineKey("anything").contains([]))
    }

    /// Property: an ASCII paragraph's byte-by-byte key is the one the
    /// general path makes of it, lowercased the general way.
    @Test func theASCIIPathMakesTheKeyTheGeneralPathMakes() {
        var generator = SplitMix(seed: 8)
        let alphabet = Array("aZ5 \t\n-:.|>*#»".utf8.filter { $0 < 0x80 }) + Array("Qm'\"!".utf8)
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...14, using: &generator)
            let text = String(decoding: (0..<length).map { _ in alphabet.randomElement(using: &generator)! }, as: UTF8.self)
            #expect(LineKey.collapsedASCII(text) == LineKey.collapsed(text), "\(Array(text.utf8))")
        }
    }

    /// Property: the general path lowercases as `String.lowercased()` does.
    @Test func theGeneralPathLowercasesAsTheStandardLibraryDoes() {
        var generator = SplitMix(seed: 9)
        let alphabet: [Character] = ["a", "Z", " ", "\t", "’", "“", "–", "\u{00A0}", "É", "İ", "Σ", "ß", "Ǆ", "ﬁ", "Ω", "ǅ", "Ⅻ", "Ａ", "👍"]
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...10, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(LineKey.collapsed(text) == LineKey.collapsed(text.lowercased()), "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test func keysAreLowercaseCollapsedAndPlainWithoutNoiseAtTheEnds() {
        #expect(LineKey("  » Read  MORE:\t").key == "read more")
        #expect(LineKey("“Leave a Reply” – Comments…").key == "\"leave a reply\" - comments…")
        #expect(LineKey("Tags:\u{00A0}Politics, Élections").words == ["tags", "politics", "élections"])
    }
}
