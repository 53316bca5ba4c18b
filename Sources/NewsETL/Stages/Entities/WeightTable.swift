import Foundation

/// The tagger's weights as one open-addressing table whose slots each hold
/// a feature hash and that feature's per-tag weights side by side, within
/// one cache line. A lookup is a multiply, a shift and a probe or two, with
/// no reference counting (a dictionary of arrays spent a third of tagging
/// time there); and a feature costs one cache miss, not one for its hash
/// and another for its weights, the two that tagging waited on.
///
/// Weights are held as the model file holds them, 16-bit integers over a
/// common `scale`, and divided by it as they are added: the same floats a
/// table of floats would hold, added in the same order, in a table a
/// quarter the size. Tagging waits on this table's cache misses, and a
/// table of floats (33 MB for the built-in model) did not fit in cache.
struct WeightTable: Sendable {
    /// `capacity` slots of `slotBytes` each, aligned to their size: the
    /// hash at the slot's start (`emptyKey` in a free one), then `width`
    /// stored weights.
    private let slots: SlotMemory
    /// The smallest hash no feature has (0 but for one model in 2^64).
    private let emptyKey: UInt64
    private let mask: Int
    private let shift: UInt64
    /// A weight is its stored integer divided by `scale`.
    let scale: Float

    /// Stores `weights` as the model file does: scaled so that the largest
    /// is 32,000 and rounded to integers.
    init(_ weights: [UInt64: [Float]], width: Int) {
        let largest = weights.values.lazy.flatMap { $0 }.map(abs).max() ?? 1
        let scale = Float(32_000) / max(largest, 1e-6)
        let sortedKeys = weights.keys.sorted()
        self.init(features: sortedKeys, width: width, scale: scale) { index, row in
            for (position, weight) in weights[sortedKeys[index]]!.enumerated() {
                row[position] = Int16(clamping: Int((weight * scale).rounded()))
            }
        }
    }

    /// A table of `features.count` features in ascending order (as the model
    /// file holds them), `fill` writing the stored row of `features[index]`:
    /// lets a model file be read straight into the table.
    init(features: [UInt64], width: Int, scale: Float, fill: (_ index: Int, _ row: UnsafeMutableBufferPointer<Int16>) -> Void) {
        var bits = 4
        while (1 << bits) < features.count * 2 { bits += 1 }
        let capacity = 1 << bits
        var slotBytes = 16
        while slotBytes < MemoryLayout<UInt64>.size + width * MemoryLayout<Int16>.size { slotBytes *= 2 }
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
        self.scale = scale
    }

    /// Every feature and its stored row, for the model file.
    var storedWeights: [UInt64: [Int16]] {
        var weights: [UInt64: [Int16]] = [:]
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
                for position in row.indices { scores[position] += Float(row[position]) / scale }
            }
        }
    }

    @inline(__always) private func firstSlot(_ key: UInt64) -> Int {
        Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }
}

/// The table's memory: allocated once, aligned to a slot (so no slot
/// straddles two cache lines) or, when large, to a huge page; never moved or written after the table is
/// built, freed with the last table that shares it.
private final class SlotMemory: @unchecked Sendable {
    static let hugePageBytes = 2 << 20
    private let base: UnsafeMutableRawPointer
    private let slotBytes: Int
    private let width: Int

    init(slots: Int, slotBytes: Int, width: Int, emptyKey: UInt64) {
        let byteCount = slots * slotBytes
        // A table of megabytes in 4 KB pages misses the TLB on nearly every
        // look-up; in 2 MB pages (where the kernel allows them) it does not.
        let huge = byteCount >= SlotMemory.hugePageBytes
        base = UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: huge ? SlotMemory.hugePageBytes : slotBytes)
        if huge { _ = madvise(base, byteCount, MADV_HUGEPAGE) }
        base.initializeMemory(as: UInt8.self, repeating: 0, count: byteCount)
        self.slotBytes = slotBytes
        self.width = width
        for slot in 0..<slots {
            (base + slot * slotBytes).storeBytes(of: emptyKey, as: UInt64.self)
            (base + slot * slotBytes + MemoryLayout<UInt64>.size).bindMemory(to: Int16.self, capacity: width)
        }
    }

    deinit { base.deallocate() }

    @inline(__always) func key(_ slot: Int) -> UInt64 {
        base.load(fromByteOffset: slot * slotBytes, as: UInt64.self)
    }

    func setKey(_ key: UInt64, _ slot: Int) {
        base.storeBytes(of: key, toByteOffset: slot * slotBytes, as: UInt64.self)
    }

    @inline(__always) func row(_ slot: Int) -> UnsafeMutableBufferPointer<Int16> {
        UnsafeMutableBufferPointer(start: (base + slot * slotBytes + MemoryLayout<UInt64>.size).assumingMemoryBound(to: Int16.self),
                                   count: width)
    }
}
