import Testing
@testable import NewsETL

@Suite struct PartitionPointTests {
    /// On sorted arrays with repeats, the binary search finds what a scan finds.
    @Test func findsTheFirstElementNotBeforeAsAScanDoes() {
        var random = SplitMix(seed: 5)
        for count in 0..<40 {
            let values = (0..<count).map { _ in Int.random(in: 0..<8, using: &random) }.sorted()
            for bound in -1...9 {
                #expect(values.partitionPoint { $0 < bound } == (values.firstIndex { $0 >= bound } ?? values.count))
                #expect(values[...].dropFirst(count / 3).partitionPoint { $0 <= bound }
                        == (values.indices.dropFirst(count / 3).first { values[$0] > bound } ?? values.count))
            }
        }
    }
}
