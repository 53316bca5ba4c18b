/// The tagger's weights as one open-addressing table: feature hashes in
/// one array, their rows of per-tag weights side by side in another. A
/// lookup is a multiply, a shift and a probe or two, with no reference
/// counting — a dictionary of arrays spent a third of tagging time there.
struct WeightTable: Sendable {
    /// Feature hashes by slot, `emptyKey` in a free one: a probe reads one
    /// array (a flag array beside it cost a second cache miss per feature).
    private let keys: [UInt64]
    /// The smallest hash no feature has (0 but for one model in 2^64).
    private let emptyKey: UInt64
    /// `width` weights per slot.
    let rows: [Float]
    private let width: Int
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
        var emptyKey: UInt64 = 0
        for key in features where key == emptyKey { emptyKey += 1 }
        var slotKeys = [UInt64](repeating: emptyKey, count: capacity)
        var rows = [Float](repeating: 0, count: capacity * width)
        let shift = UInt64(64 - bits)
        rows.withUnsafeMutableBufferPointer { rows in
            for (index, key) in features.enumerated() {
                var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
                while slotKeys[slot] != emptyKey { slot = (slot + 1) & (capacity - 1) }
                slotKeys[slot] = key
                fill(index, UnsafeMutableBufferPointer(rebasing: rows[(slot * width)..<((slot + 1) * width)]))
            }
        }
        self.shift = shift
        self.width = width
        self.keys = slotKeys
        self.emptyKey = emptyKey
        self.rows = rows
    }

    /// Every feature and its row, for training tools and the model file.
    var weights: [UInt64: [Float]] {
        var weights: [UInt64: [Float]] = [:]
        for slot in keys.indices where keys[slot] != emptyKey { weights[keys[slot]] = Array(rows[(slot * width)..<((slot + 1) * width)]) }
        return weights
    }

    /// Where the key's row starts in `rows`, if the key has weights. A key
    /// equal to `emptyKey` (no feature has it) finds a free slot's row, all
    /// zeros: adding it changes no score, as skipping it would not.
    @inline(__always) func offset(of key: UInt64) -> Int? {
        keys.withUnsafeBufferPointer { keys in
            let mask = keys.count - 1
            var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while true {
                let found = keys[slot]
                if found == key { return slot * width }
                if found == emptyKey { return nil }
                slot = (slot + 1) & mask
            }
        }
    }
}
