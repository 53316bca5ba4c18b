/// The tagger's weights as one open-addressing table: feature hashes in
/// one array, their rows of per-tag weights side by side in another. A
/// lookup is a multiply, a shift and a probe or two, with no reference
/// counting — a dictionary of arrays spent a third of tagging time there.
struct WeightTable: Sendable {
    private let keys: [UInt64]
    private let used: [Bool]
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

    /// A table of `features.count` features, `fill` writing the row of
    /// `features[index]`: lets a model file be read straight into the table.
    init(features: [UInt64], width: Int, fill: (_ index: Int, _ row: UnsafeMutableBufferPointer<Float>) -> Void) {
        var bits = 4
        while (1 << bits) < features.count * 2 { bits += 1 }
        let capacity = 1 << bits
        var slotKeys = [UInt64](repeating: 0, count: capacity)
        var used = [Bool](repeating: false, count: capacity)
        var rows = [Float](repeating: 0, count: capacity * width)
        let shift = UInt64(64 - bits)
        rows.withUnsafeMutableBufferPointer { rows in
            for (index, key) in features.enumerated() {
                var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
                while used[slot] { slot = (slot + 1) & (capacity - 1) }
                used[slot] = true
                slotKeys[slot] = key
                fill(index, UnsafeMutableBufferPointer(rebasing: rows[(slot * width)..<((slot + 1) * width)]))
            }
        }
        self.shift = shift
        self.width = width
        self.keys = slotKeys
        self.used = used
        self.rows = rows
    }

    /// Every feature and its row, for training tools and the model file.
    var weights: [UInt64: [Float]] {
        var weights: [UInt64: [Float]] = [:]
        for slot in keys.indices where used[slot] { weights[keys[slot]] = Array(rows[(slot * width)..<((slot + 1) * width)]) }
        return weights
    }

    /// Where the key's row starts in `rows`, if the key has weights.
    @inline(__always) func offset(of key: UInt64) -> Int? {
        let mask = keys.count - 1
        var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while used[slot] {
            if keys[slot] == key { return slot * width }
            slot = (slot + 1) & mask
        }
        return nil
    }
}
