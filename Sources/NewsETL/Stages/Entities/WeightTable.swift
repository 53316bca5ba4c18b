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
        var bits = 4
        while (1 << bits) < weights.count * 2 { bits += 1 }
        let capacity = 1 << bits
        var keys = [UInt64](repeating: 0, count: capacity)
        var used = [Bool](repeating: false, count: capacity)
        var rows = [Float](repeating: 0, count: capacity * width)
        shift = UInt64(64 - bits)
        self.width = width
        for (key, row) in weights {
            var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while used[slot] { slot = (slot + 1) & (capacity - 1) }
            used[slot] = true
            keys[slot] = key
            for (position, weight) in row.enumerated() { rows[slot * width + position] = weight }
        }
        self.keys = keys
        self.used = used
        self.rows = rows
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
