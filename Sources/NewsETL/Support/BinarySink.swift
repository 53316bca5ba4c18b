/// The file a streaming `BinaryWriter` writes into: bytes are hashed and
/// written as they come. A write error is kept and thrown by `finish`, so
/// the writer's methods stay non-throwing for the encoders.
final class BinarySink {
    static let threshold = 1 << 20
    private let file: AtomicFile
    private var hasher = SHA256()
    private var failure: SystemError?

    init(file: AtomicFile) {
        self.file = file
    }

    /// Writes and empties `bytes`.
    func take(_ bytes: inout [UInt8]) {
        if failure == nil {
            hasher.update(bytes)
            do throws(SystemError) { try file.write(bytes) } catch { failure = error }
        }
        bytes.removeAll(keepingCapacity: true)
    }

    /// Writes what is left, then the SHA-256 of everything written, and closes the file.
    func finish(_ bytes: inout [UInt8]) throws {
        take(&bytes)
        if let failure { throw failure }
        try file.write(hasher.finalize())
        try file.close()
    }
}
