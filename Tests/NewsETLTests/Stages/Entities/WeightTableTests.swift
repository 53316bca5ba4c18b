import Testing
@testable import NewsETL

@Suite struct WeightTableTests {
    /// Every feature's weights, as the table holds them.
    private func weightsHeld(by table: WeightTable) -> [UInt64: [Float]] {
        table.storedWeights.mapValues { row in row.map { Float($0) / table.scale } }
    }

    /// What `key` adds to a score of zeros.
    private func row(_ table: WeightTable, _ key: UInt64) -> [Float] {
        var scores: [Float] = [0, 0]
        scores.withUnsafeMutableBufferPointer { table.addWeights(of: [key], to: $0) }
        return scores
    }

    /// Weights whose largest is 8 are stored times 4,000, exactly.
    @Test func findsEveryFeatureAndNoOther() {
        let weights: [UInt64: [Float]] = [3: [1, 2], 7: [3, 8], 1 << 63: [5, 6], UInt64.max: [-1, -2]]
        let table = WeightTable(weights, width: 2)
        #expect(table.scale == 4_000)
        for (key, expected) in weights { #expect(row(table, key) == expected) }
        for missing: UInt64 in [1, 2, 4, 1 << 40] { #expect(row(table, missing) == [0, 0] && weightsHeld(by: table)[missing] == nil) }
        #expect(weightsHeld(by: table) == weights)
        var scores: [Float] = [0.5, 0.5]
        scores.withUnsafeMutableBufferPointer { table.addWeights(of: [3, 7, 4, 3, UInt64.max], to: $0) }
        #expect(scores == [Float(4.5), Float(10.5)])  // 0.5 + 1 + 3 + 1 - 1 and 0.5 + 2 + 8 + 2 - 2
    }

    /// Free slots are marked with the smallest hash no feature has, so
    /// features 0 and 1 are found, and a look-up of the marker itself
    /// adds nothing to a score.
    @Test func featuresWithTheSmallestHashesAreFound() {
        let weights: [UInt64: [Float]] = [0: [1, 2], 1: [3, 4], 3: [5, 8]]
        let table = WeightTable(weights, width: 2)
        for (key, expected) in weights { #expect(row(table, key) == expected) }
        #expect(row(table, 2) == [0, 0] && weightsHeld(by: table)[2] == nil)
        #expect(weightsHeld(by: table) == weights)
    }

    /// Any weights are stored to within half a step of the scale, and a
    /// score is the sum, in the order of the keys, of the stored weights
    /// divided by the scale: what a table of those floats would add.
    @Test func addsTheStoredWeightsInOrder() {
        var generator = SplitMix(seed: 7)
        var weights: [UInt64: [Float]] = [:]
        for _ in 0..<500 {
            weights[generator.next()] = (0..<9).map { _ in Float(Int(generator.next() % 20_001) - 10_000) / 997 }
        }
        let table = WeightTable(weights, width: 9)
        let largest = weights.values.flatMap { $0 }.map(abs).max()!
        #expect(table.scale == 32_000 / largest)
        let stored = table.storedWeights
        for (key, row) in weights {
            for (weight, integer) in zip(row, stored[key]!) { #expect(abs(weight * table.scale - Float(integer)) <= 0.5 + 1e-3) }
        }
        let keys = Array(weights.keys.sorted().prefix(40)) + [1, 2, 3]
        var expected = [Float](repeating: 0, count: 9)
        for key in keys {
            guard let row = stored[key] else { continue }
            for position in expected.indices { expected[position] += Float(row[position]) / table.scale }
        }
        var scores = [Float](repeating: 0, count: 9)
        scores.withUnsafeMutableBufferPointer { table.addWeights(of: keys, to: $0) }
        #expect(scores == expected)
    }
}
