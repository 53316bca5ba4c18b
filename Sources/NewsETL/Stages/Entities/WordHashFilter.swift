/// A few thousand bits that say which short words a set may hold, in any
/// case or as written: asking hashes the word's bytes in one pass with no
/// copy, where a set look-up of a lower-cased word makes a string and
/// hashes it twice. It never rules out a word the set holds (as written,
/// lower-cased, or lower-cased without a final full stop); a word it lets
/// through is then looked up for certain.
struct WordHashFilter: Sendable {
    private static let bitCount = 1 << 12
    private var bits = [UInt64](repeating: 0, count: WordHashFilter.bitCount / 64)

    /// `words` as the set holds them.
    init(_ words: some Sequence<String>) {
        for word in words { insert(StableHash.fnv1a(word)) }
    }

    /// False when no form of `word` is in the set; true when one may be
    /// (always for a word with a byte outside ASCII, whose lower case is not read from its bytes).
    func mayHold(_ word: String) -> Bool {
        var asWritten = StableHash.fnv1aBasis, lower = StableHash.fnv1aBasis, beforeLast = StableHash.fnv1aBasis
        var last: UInt8 = 0
        for byte in word.utf8 {
            guard byte < 0x80 else { return true }
            asWritten = StableHash.fnv1a(asWritten, byte: byte)
            beforeLast = lower
            lower = StableHash.fnv1a(lower, byte: (0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
            last = byte
        }
        return contains(asWritten) || contains(lower) || (last == UInt8(ascii: ".") && contains(beforeLast))
    }

    private mutating func insert(_ hash: UInt64) {
        let bit = Int(hash >> 52)
        bits[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    @inline(__always) private func contains(_ hash: UInt64) -> Bool {
        let bit = Int(hash >> 52)
        return bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }
}
