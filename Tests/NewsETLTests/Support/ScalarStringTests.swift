import Testing
@testable import NewsETL

@Suite struct ScalarStringTests {
    @Test func countsScalarsAsTheScalarViewDoes() {
        var generator = SplitMix(seed: 17)
        let pieces = ["a", " ", "é", "e\u{301}", "ß", "€", "日本", "🇬🇧", "\r\n", "\u{0}", "𝄞"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(text.scalarCount == text.unicodeScalars.count)
            let slice = text.dropFirst()
            #expect(slice.scalarCount == slice.unicodeScalars.count)
        }
    }
}
