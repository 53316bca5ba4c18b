import Testing
@testable import NewsETL

@Suite struct EntityLinkerTests {
    /// What `fold` meant for ASCII names before it went byte by byte.
    private func stringFold(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func foldsASCIINamesAsStringFunctionsDo() {
        var generator = SplitMix(seed: 5)
        let alphabet = Array("aZ m'.-\t\n\r\u{0B}\u{0C}\u{1F}0Q ".utf8) + [0x7F, 0x1C]
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...14, using: &generator)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
            let name = String(decoding: bytes, as: UTF8.self)
            #expect(EntityLinker.fold(name) == stringFold(name), "\(Array(name.utf8))")
        }
        #expect(EntityLinker.fold("  Mitt\r\n ROMNEY ") == "mitt romney")
    }

    @Test func foldsOtherNamesByScalar() {
        #expect(EntityLinker.fold("Łukasz  Kamiński") == "lukasz kaminski")
        #expect(EntityLinker.fold("Iga Świątek") == "iga shwiatek")
        #expect(EntityLinker.fold("José\u{00A0}Mourinho") == "jose mourinho")
    }

    /// Property: `singleSpaced` is the words joined by single spaces, as
    /// `split(whereSeparator: \.isWhitespace)` finds them, whether or not
    /// the text takes the fast path.
    @Test func singleSpacingIsSplittingAtWhitespaceAndJoining() {
        var generator = SplitMix(seed: 6)
        let alphabet = Array("a5 $.\t\n\r\u{0B}\u{0C}\u{1F}".utf8) + Array("\u{00A0}\u{2009}é".utf8)
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...12, using: &generator)
            let name = String(decoding: (0..<length).map { _ in alphabet.randomElement(using: &generator)! }, as: UTF8.self)
            #expect(EntityLinker.singleSpaced(name) == name.split(whereSeparator: \.isWhitespace).joined(separator: " "), "\(Array(name.utf8))")
        }
        #expect(EntityLinker.singleSpaced("$5 million") == "$5 million")
        #expect(EntityLinker.singleSpaced(" 5\u{00A0}per  cent ") == "5 per cent")
    }
}
