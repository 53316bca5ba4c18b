import CLibCrypto

/// SHA-256 through OpenSSL's libcrypto, which uses the CPU's SHA
/// instructions where it has them: content hashes, `doc_id`s and the
/// ledger's digests are the standard values, so stable across processes,
/// machines and releases.
///
/// A value owns one digest context; copying a hasher mid-way copies the
/// context on the next update, so each copy goes on independently.
public struct SHA256: Sendable {
    private var context: DigestContext

    public init() { context = DigestContext() }

    /// The hex digest of `bytes` in one call.
    public static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        hexText(digest(bytes))
    }

    /// The 32-byte digest of `bytes` in one call, with no context kept:
    /// for many short inputs, where making a context costs more than hashing.
    public static func digest<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        bytes.withContiguousStorageIfAvailable(digestOnce) ?? Array(bytes).withUnsafeBufferPointer(digestOnce)
    }

    /// The hex digest of a string's UTF-8 bytes.
    public static func hex(_ text: String) -> String {
        var text = text
        return text.withUTF8 { hexText(digestOnce($0)) }
    }

    public mutating func update<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        if !isKnownUniquelyReferenced(&context) { context = context.copy() }
        if bytes.withContiguousStorageIfAvailable({ context.update($0) }) == nil {
            Array(bytes).withUnsafeBufferPointer { context.update($0) }
        }
    }

    /// The 32-byte digest; the hasher then starts over.
    public mutating func finalize() -> [UInt8] {
        if !isKnownUniquelyReferenced(&context) { context = context.copy() }
        return context.finish()
    }

    public mutating func finalizeHex() -> String { SHA256.hexText(finalize()) }

    private static func digestOnce(_ buffer: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        // An empty collection may have no storage; libcrypto wants an address all the same.
        guard let base = buffer.baseAddress else { return [0].withUnsafeBufferPointer { digestOnce(UnsafeBufferPointer(rebasing: $0[0..<0])) } }
        return [UInt8](unsafeUninitializedCapacity: 32) { digest, count in
            var size: UInt32 = 0
            let status = EVP_Digest(base, buffer.count, digest.baseAddress, &size, DigestContext.algorithm, nil)
            precondition(status == 1 && size == 32, "libcrypto could not compute a SHA-256 digest")
            count = 32
        }
    }

    private static func hexText(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: digest.count * 2) { out in
            for (index, byte) in digest.enumerated() {
                out[2 * index] = digits[Int(byte >> 4)]
                out[2 * index + 1] = digits[Int(byte & 0x0f)]
            }
            return digest.count * 2
        }
    }
}

/// One libcrypto digest context, freed with its owner. A failure here means
/// libcrypto itself is broken (out of memory, SHA-256 not provided), which
/// no run can recover from.
private final class DigestContext: @unchecked Sendable {
    /// Fetched once: an implicit fetch on every initialisation costs more
    /// than hashing a short string.
    nonisolated(unsafe) static let algorithm: OpaquePointer = {
        guard let algorithm = EVP_MD_fetch(nil, "SHA256", nil) else { preconditionFailure("libcrypto provides no SHA-256") }
        return algorithm
    }()

    private let context: OpaquePointer

    init() {
        guard let context = EVP_MD_CTX_new() else { preconditionFailure("libcrypto could not allocate a digest context") }
        self.context = context
        start()
    }

    private init(copying other: DigestContext) {
        guard let context = EVP_MD_CTX_new(), EVP_MD_CTX_copy_ex(context, other.context) == 1 else {
            preconditionFailure("libcrypto could not copy a digest context")
        }
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    func copy() -> DigestContext { DigestContext(copying: self) }

    func update(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
        precondition(EVP_DigestUpdate(context, base, buffer.count) == 1, "libcrypto could not update a SHA-256 digest")
    }

    func finish() -> [UInt8] {
        let digest = [UInt8](unsafeUninitializedCapacity: 32) { digest, count in
            var size: UInt32 = 0
            precondition(EVP_DigestFinal_ex(context, digest.baseAddress, &size) == 1 && size == 32,
                         "libcrypto could not finish a SHA-256 digest")
            count = 32
        }
        start()
        return digest
    }

    private func start() {
        precondition(EVP_DigestInit_ex(context, DigestContext.algorithm, nil) == 1, "libcrypto could not start a SHA-256 digest")
    }
}
