import Testing
@testable import NewsETL

@Suite struct BlockFeaturesTests {
    /// Property: the highest ancestor score found from what a block shares
    /// with the one before is the one found by looking up every ancestor,
    /// for any sequence of blocks.
    @Test func highestAncestorScoresMatchEveryAncestorLookedUp() {
        var generator = SplitMix(seed: 19)
        for _ in 0..<300 {
            let blocks = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                let ancestors = (0..<Int.random(in: 0...6, using: &generator)).map { _ in Int32.random(in: 0...7, using: &generator) }
                return TextBlock(tag: "p", characters: 1, linkCharacters: 0, ancestors: ancestors,
                                 ancestorHints: ancestors.map { _ in [] }, blockDepth: max(ancestors.count - 1, 0))
            }
            let scores = Dictionary(uniqueKeysWithValues: (0...7).compactMap { id -> (Int32, Double)? in
                Bool.random(using: &generator) ? (Int32(id), Double(Int.random(in: 0...50, using: &generator))) : nil
            })
            let expected = blocks.map { block in block.ancestors.map { scores[$0] ?? 0 }.max() ?? 0 }
            #expect(BlockFeatures.highestAncestorScores(blocks, scores: scores) == expected)
        }
    }
}
