import Testing
@testable import NewsETL

@Suite struct NameVariantTests {
    @Test func acceptsSpellingVariantsOfOneWord() {
        #expect(NameVariant.areVariants("julian smith", "julianne smith"))
        #expect(NameVariant.areVariants("sergei ryabkov", "sergey ryabkov"))
        #expect(NameVariant.areVariants("dmitry peskov", "dmitri peskov"))
        #expect(NameVariant.areVariants("jens stoltenberg", "jens stoltenbreg"))
    }

    @Test func rejectsDifferentNames() {
        #expect(!NameVariant.areVariants("julian smith", "julian smith"))
        #expect(!NameVariant.areVariants("john smith", "jane smith"))
        #expect(!NameVariant.areVariants("anthony blinkenin", "antony blinken"))
        #expect(!NameVariant.areVariants("ann smith", "anne smith"))
        #expect(!NameVariant.areVariants("julian smith", "julian smith jr"))
        #expect(!NameVariant.areVariants("smith", "smyth"))
        #expect(!NameVariant.areVariants("mark smith", "marks smithe"))
    }

    @Test func pairsCandidatesAlikeInAllWordsButOne() {
        let pairs = NameVariant.candidatePairs(["julian smith", "julianne smith", "anna keller", "julian smith", "julian smyth"])
        #expect(pairs.map { [$0.0, $0.1] } == [["julian smith", "julian smyth"], ["julian smith", "julianne smith"]])
    }

    /// Every pair `areVariants` accepts is a candidate, over names built to
    /// be near one another (shared words, one-letter edits, extensions).
    @Test func candidatesIncludeEveryVariantPair() {
        var random = SplitMix(seed: 3)
        let letters = Array("abcdeilnorst").map(String.init)
        let stems = (0..<12).map { _ in (0..<Int.random(in: 3...6, using: &random)).map { _ in letters.randomElement(using: &random)! }.joined() }
        var words = Set(stems)
        for stem in stems {
            words.insert(stem + letters.randomElement(using: &random)!)
            words.insert(stem + "ne")
            var scalars = Array(stem)
            scalars[Int.random(in: 1..<scalars.count, using: &random)] = Character(letters.randomElement(using: &random)!)
            words.insert(String(scalars))
            if scalars.count > 3 { scalars.swapAt(1, 2); words.insert(String(scalars)) }
        }
        let pool = words.sorted()
        let names = Set(pool.prefix(24).flatMap { first in ["smith", pool.last!].map { first + " " + $0 } } + pool.map { "anna " + $0 })
        let candidates = Set(NameVariant.candidatePairs(names).map { [$0.0, $0.1] })
        var variants = 0
        for left in names {
            for right in names where left < right && NameVariant.areVariants(left, right) {
                variants += 1
                let found = candidates.contains([left, right])
                #expect(found, "\(left) / \(right)")
            }
        }
        #expect(variants > 20)
    }

    /// Thousands of people sharing a first name are not compared pairwise.
    @Test func aCommonFirstNameDoesNotMakeTheWorkQuadratic() {
        let surnames = (0..<5_000).map { "john " + String($0 * 7919, radix: 36) + "son" }
        let pairs = NameVariant.candidatePairs(surnames)
        #expect(pairs.count < 5_000)
    }
}
