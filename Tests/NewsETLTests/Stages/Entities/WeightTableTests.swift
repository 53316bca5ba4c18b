import Testing
@testable import NewsETL

@Suite struct WeightTableTests {
    /// What `key` adds to a score of zeros.
    private func row(_ table: WeightTable, _ key: UInt64) -> [Float] {
        var scores: [Float] = [0, 0]
        scores.withUnsafeMutableBufferPointer { table.addWeights(of: [key], to: $0) }
        return scores
    }

    @Test func findsEveryFeatureAndNoOther() {
        let weights: [UInt64: [Float]] = [3: [1, 2], 7: [3, 4], 1 << 63: [5, 6], UInt64.max: [-1, -2]]
        let table = WeightTable(weights, width: 2)
        for (key, expected) in weights { #expect(row(table, key) == expected) }
        for missing: UInt64 in [1, 2, 4, 1 << 40] { #expect(row(table, missing) == [0, 0] && table.weights[missing] == nil) }
        #expect(table.weights == weights)
        var scores: [Float] = [0.5, 0.5]
        scores.withUnsafeMutableBufferPointer { table.addWeights(of: [3, 7, 4, 3, UInt64.max], to: $0) }
        #expect(scores == [Float(4.5), Float(6.5)])  // 0.5 + 1 + 3 + 1 - 1 and 0.5 + 2 + 4 + 2 - 2
    }

    /// Free slots are marked with the smallest hash no feature has, so
    /// features 0 and 1 are found, and a look-up of the marker itself
    /// adds nothing to a score.
    @Test func featuresWithTheSmallestHashesAreFound() {
        let weights: [UInt64: [Float]] = [0: [1, 2], 1: [3, 4], 3: [5, 6]]
        let table = WeightTable(weights, width: 2)
        for (key, expected) in weights { #expect(row(table, key) == expected) }
        #expect(row(table, 2) == [0, 0] && table.weights[2] == nil)
        #expect(table.weights == weights)
    }
}
