import Testing
@testable import NewsETL

@Suite struct WhitespaceCollapserTests {
    private static let asciiWhitespace: Set<UInt8> = [0x20, 0x0A, 0x09, 0x0D, 0x0C]

    /// Property: collapsing is splitting the bytes at ASCII whitespace and
    /// joining the pieces with one space; what it leaves counts its scalars
    /// by bytes as by scalars.
    @Test func collapsingIsSplittingAndJoiningWithOneSpace() {
        var generator = SplitMix(seed: 16)
        let alphabet: [Character] = ["a", "Z", " ", "\t", "\n", "\r", "\u{0C}", "\u{00A0}", "’", "É", "Σ", "👍", "\r\n"]
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...12, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            let pieces = text.utf8.split(whereSeparator: Self.asciiWhitespace.contains).map { String(decoding: $0, as: UTF8.self) }
            let collapsed = WhitespaceCollapser.collapse(text)
            #expect(collapsed == pieces.joined(separator: " "), "\(text.unicodeScalars.map(\.value))")
            #expect(collapsed.scalarCount == collapsed.unicodeScalars.count)
        }
    }

    @Test func aNoBreakSpaceIsContent() {
        #expect(WhitespaceCollapser.collapse(" \n a\u{00A0} \t b\r\n") == "a\u{00A0} b")
        #expect(WhitespaceCollapser.collapse(" \t\n") == "")
    }
}
