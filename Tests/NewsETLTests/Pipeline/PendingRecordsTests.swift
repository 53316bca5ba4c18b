import Testing
@testable import NewsETL

@Suite struct PendingRecordsTests {
    @Test func releasesRecordsInOrdinalOrderUpToTheLimit() {
        var pending = PendingRecords()
        var generator = SplitMix(seed: 7)
        let ordinals = (0..<500).map { $0 * 2 }.shuffled(using: &generator)
        for ordinal in ordinals { pending.insert(StoredRecord(path: "\(ordinal)"), ordinal: ordinal) }
        var released: [String] = []
        while let record = pending.popFirst(below: 400) { released.append(record.path) }
        #expect(released == (0..<200).map { "\($0 * 2)" })
        while let record = pending.popFirst(below: .max) { released.append(record.path) }
        #expect(released == (0..<500).map { "\($0 * 2)" })
        #expect(pending.isEmpty)
    }
}
