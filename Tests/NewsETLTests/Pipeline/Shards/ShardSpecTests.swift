import Testing
@testable import NewsETL

@Suite struct ShardSpecTests {
    @Test func parsesIOfN() throws {
        #expect(try ShardSpec(parsing: "2/7") == ShardSpec(index: 2, count: 7))
        #expect(throws: ShardSpecError.self) { try ShardSpec(parsing: "7/7") }
        #expect(throws: ShardSpecError.self) { try ShardSpec(parsing: "1-of-3") }
        #expect(throws: ShardSpecError.self) { try ShardSpec(parsing: "0/0") }
    }

    @Test func readsTheClusterEngine() throws {
        #expect(try ShardSpec(environment: ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "4"], count: nil)
                == ShardSpec(index: 3, count: 4))
        // An array counted from 1 (--array=1-4) still gives shards 0 to 3.
        #expect(try ShardSpec(environment: ["SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "1"],
                              count: nil) == ShardSpec(index: 3, count: 4))
        #expect(try ShardSpec(environment: ["JOB_COMPLETION_INDEX": "5"], count: 8) == ShardSpec(index: 5, count: 8))
        #expect(throws: ShardSpecError.self) { try ShardSpec(environment: ["JOB_COMPLETION_INDEX": "5"], count: nil) }
        #expect(throws: ShardSpecError.self) { try ShardSpec(environment: [:], count: 4) }
    }

    /// The assignment is part of the on-disk contract: it must not change
    /// between releases or machines, and it spreads files evenly.
    @Test func assignsEveryPathToOneStableShard() {
        #expect(ShardSpec.shard(of: "wire/valmora-flood-wire.txt", count: 7) == ShardSpec.shard(of: "wire/valmora-flood-wire.txt", count: 7))
        #expect([ShardSpec.shard(of: "a.txt", count: 1000), ShardSpec.shard(of: "b.txt", count: 1000)] == [pinnedA, pinnedB])
        var sizes = [Int](repeating: 0, count: 4)
        for number in 0..<4000 { sizes[ShardSpec.shard(of: "reports/\(number).txt", count: 4)] += 1 }
        #expect(sizes.allSatisfy { (900...1100).contains($0) }, "\(sizes)")
    }

    // SHA-256 of the path, first eight bytes big-endian, modulo 1000 (checked with Python's hashlib).
    private let pinnedA = 629, pinnedB = 257
}
