import Testing
@testable import NewsETL

@Suite struct WeightTableTests {
    private func row(_ table: WeightTable, _ key: UInt64) -> [Float]? {
        table.offset(of: key).map { Array(table.rows[$0..<($0 + 2)]) }
    }

    @Test func findsEveryFeatureAndNoOther() {
        let weights: [UInt64: [Float]] = [3: [1, 2], 7: [3, 4], 1 << 63: [5, 6], UInt64.max: [-1, -2]]
        let table = WeightTable(weights, width: 2)
        for (key, expected) in weights { #expect(row(table, key) == expected) }
        for missing: UInt64 in [1, 2, 4, 1 << 40] { #expect(row(table, missing) == nil) }
        #expect(table.weights == weights)
    }

    /// Free slots are marked with the smallest hash no feature has, so
    /// features 0 and 1 are found, and a look-up of the marker itself
    /// adds nothing to a score.
    @Test func featuresWithTheSmallestHashesAreFound() {
        let weights: [UInt64: [Float]] = [0: [1, 2], 1: [3, 4], 3: [5, 6]]
        let table = WeightTable(weights, width: 2)
        for (key, expected) in weights { #expect(row(table, key) == expected) }
        #expect((row(table, 2) ?? [0, 0]) == [0, 0])
        #expect(table.weights == weights)
    }
}
