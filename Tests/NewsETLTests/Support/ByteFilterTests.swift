import Testing
@testable import NewsETL

@Suite struct ByteFilterTests {
    /// Property: the filter holds exactly the bytes a set of them holds.
    @Test func holdsWhatASetHolds() {
        var generator = SplitMix(seed: 18)
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let filter = ByteFilter(bytes)
            let set = Set(bytes)
            for byte in UInt8.min...UInt8.max { #expect(filter.contains(byte) == set.contains(byte)) }
        }
    }
}
