/// The tagger's weights as one open-addressing table whose slots each hold
/// a feature hash and that feature's per-tag weights, side by side in one
/// cache line. A lookup is a multiply, a shift and a probe or two, with no
/// reference counting (a dictionary of arrays spent a third of tagging
/// time there); and a feature costs one cache miss, not one for its hash
/// and another for its weights, the two that tagging waited on.
struct WeightTable: Sendable {
    /// `capacity` slots of `slotBytes` each, aligned to a cache line: the
    /// hash at the slot's start (`emptyKey` in a free one), then `width`
    /// weights.
    private let slots: SlotMemory
    /// The smallest hash no feature has (0 but for one model in 2^64).
    private let emptyKey: UInt64
    private let mask: Int
    private let shift: UInt64

    init(_ weights: [UInt64: [Float]], width: Int) {
        let sortedKeys = weights.keys.sorted()
        self.init(features: sortedKeys, width: width) { index, row in
            _ = row.update(fromContentsOf: weights[sortedKeys[index]]!)
        }
    }

    /// A table of `features.count` features in ascending order (as the model
    /// file holds them), `fill` writing the row of `features[index]`: lets a
    /// model file be read straight into the table.
    init(features: [UInt64], width: Int, fill: (_ index: Int, _ row: UnsafeMutableBufferPointer<Float>) -> Void) {
        var bits = 4
        while (1 << bits) < features.count * 2 { bits += 1 }
        let capacity = 1 << bits
        var slotBytes = SlotMemory.lineBytes
        while slotBytes < MemoryLayout<UInt64>.size + width * MemoryLayout<Float>.size { slotBytes *= 2 }
        var emptyKey: UInt64 = 0
        for key in features where key == emptyKey { emptyKey += 1 }
        let slots = SlotMemory(slots: capacity, slotBytes: slotBytes, width: width, emptyKey: emptyKey)
        let shift = UInt64(64 - bits)
        for (index, key) in features.enumerated() {
            var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while slots.key(slot) != emptyKey { slot = (slot + 1) & (capacity - 1) }
            slots.setKey(key, slot)
            fill(index, slots.row(slot))
        }
        self.slots = slots
        self.emptyKey = emptyKey
        self.mask = capacity - 1
        self.shift = shift
    }

    /// Every feature and its row, for training tools and the model file.
    var weights: [UInt64: [Float]] {
        var weights: [UInt64: [Float]] = [:]
        for slot in 0...mask where slots.key(slot) != emptyKey { weights[slots.key(slot)] = Array(slots.row(slot)) }
        return weights
    }

    /// Adds the weights of each of `keys` that has any to `scores`, tag by
    /// tag, in the order of `keys`. A key equal to `emptyKey` (no feature
    /// has it) finds a free slot, whose weights are all zero: adding them
    /// changes no score, as skipping them would not.
    ///
    /// Every key's first slot is read before any is compared: those reads
    /// do not wait on one another, so their cache misses (most of tagging's
    /// time) overlap instead of following one by one.
    func addWeights(of keys: [UInt64], to scores: UnsafeMutableBufferPointer<Float>) {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: keys.count) { firstKeys in
            for (index, key) in keys.enumerated() { firstKeys[index] = slots.key(firstSlot(key)) }
            for (index, key) in keys.enumerated() {
                var slot = firstSlot(key)
                var found = firstKeys[index]
                while found != key {
                    if found == emptyKey { break }
                    slot = (slot + 1) & mask
                    found = slots.key(slot)
                }
                guard found == key else { continue }
                let row = slots.row(slot)
                for position in row.indices { scores[position] += row[position] }
            }
        }
    }

    @inline(__always) private func firstSlot(_ key: UInt64) -> Int {
        Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }
}

/// The table's memory: allocated once, aligned to a cache line, never
/// moved or written after the table is built, freed with the last table
/// that shares it.
private final class SlotMemory: @unchecked Sendable {
    static let lineBytes = 64
    private let base: UnsafeMutableRawPointer
    private let slotBytes: Int
    private let width: Int

    init(slots: Int, slotBytes: Int, width: Int, emptyKey: UInt64) {
        let byteCount = slots * slotBytes
        base = UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: SlotMemory.lineBytes)
        base.initializeMemory(as: UInt8.self, repeating: 0, count: byteCount)
        self.slotBytes = slotBytes
        self.width = width
        for slot in 0..<slots {
            (base + slot * slotBytes).storeBytes(of: emptyKey, as: UInt64.self)
            (base + slot * slotBytes + MemoryLayout<UInt64>.size).bindMemory(to: Float.self, capacity: width)
        }
    }

    deinit { base.deallocate() }

    @inline(__always) func key(_ slot: Int) -> UInt64 {
        base.load(fromByteOffset: slot * slotBytes, as: UInt64.self)
    }

    func setKey(_ key: UInt64, _ slot: Int) {
        base.storeBytes(of: key, toByteOffset: slot * slotBytes, as: UInt64.self)
    }

    @inline(__always) func row(_ slot: Int) -> UnsafeMutableBufferPointer<Float> {
        UnsafeMutableBufferPointer(start: (base + slot * slotBytes + MemoryLayout<UInt64>.size).assumingMemoryBound(to: Float.self),
                                   count: width)
    }
}
