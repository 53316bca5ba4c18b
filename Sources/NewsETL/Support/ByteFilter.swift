/// A set of byte values kept as 256 bits: asking costs a shift and a mask,
/// where a `Set<UInt8>` hashes. It rules most candidates out before a
/// hashed look-up in the paths every paragraph takes.
struct ByteFilter: Sendable {
    private var words: InlineArray<4, UInt64> = .init(repeating: 0)

    init<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes { words[Int(byte >> 6)] |= 1 << UInt64(byte & 63) }
    }

    @inline(__always) func contains(_ byte: UInt8) -> Bool {
        words[Int(byte >> 6)] & (1 << UInt64(byte & 63)) != 0
    }
}
