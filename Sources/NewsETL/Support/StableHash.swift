/// 64-bit FNV-1a: a hash that is the same in every process and on every
/// machine, for anything stored or compared across runs (Swift's `Hasher`
/// is seeded per process).
public enum StableHash {
    /// FNV-1a's offset basis, the hash of no bytes.
    public static let fnv1aBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    /// `hash` continued over one more byte: for callers that hash several
    /// forms of a word in one pass over its bytes.
    @inline(__always) public static func fnv1a(_ hash: UInt64, byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    public static func fnv1a<S: Sequence>(_ bytes: S, seed: UInt64 = fnv1aBasis) -> UInt64 where S.Element == UInt8 {
        // Contiguous bytes (a native string's UTF-8, an array) in one tight
        // loop: walking String.UTF8View by index costs several times more,
        // and the tagger hashes a few dozen strings per token.
        if let hash = bytes.withContiguousStorageIfAvailable({ fnv1a(buffer: $0, seed: seed) }) { return hash }
        var hash = seed
        for byte in bytes { hash = fnv1a(hash, byte: byte) }
        return hash
    }

    @inline(__always) private static func fnv1a(buffer: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64 {
        var hash = seed
        for byte in buffer { hash = fnv1a(hash, byte: byte) }
        return hash
    }

    public static func fnv1a(_ text: String) -> UInt64 { fnv1a(text.utf8) }
}
