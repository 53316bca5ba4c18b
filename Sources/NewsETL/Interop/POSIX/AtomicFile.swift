#if canImport(Glibc)
import Glibc
#endif

/// A file written under a temporary name in its final folder and renamed into
/// place on `commit`, so a reader never sees half a file and a failed run
/// leaves the previous version intact. It counts what it writes and, when
/// asked (`digested`), hashes it, so the manifest can give every output's
/// size and SHA-256 without reading it again.
public final class AtomicFile {
    public let finalPath: String
    public let temporaryPath: String
    /// Whether `close` syncs the file to disk: not for a scratch file, which
    /// the run reads back and removes, so no power loss can make it matter.
    private let durable: Bool
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    /// Nil for a file whose digest no one reads (state, scratch).
    private var digest: SHA256?
    /// Bytes written so far.
    public private(set) var byteCount = 0
    /// SHA-256 of the whole file, once a `digested` file is closed.
    public private(set) var sha256: String?
    private static let flushThreshold = 1 << 20

    public init(path: String, durable: Bool = true, digested: Bool = false) throws(SystemError) {
        finalPath = path
        self.durable = durable
        digest = digested ? SHA256() : nil
        temporaryPath = AtomicFile.temporaryPath(for: path)
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SystemError("create", path: temporaryPath) }
        buffer.reserveCapacity(AtomicFile.flushThreshold)
    }

    deinit {
        if descriptor >= 0 {
            Glibc.close(descriptor)
            unlink(temporaryPath)
        }
    }

    public func write(_ bytes: some Collection<UInt8>) throws(SystemError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= AtomicFile.flushThreshold { try flush() }
    }

    public func write(_ text: String) throws(SystemError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= AtomicFile.flushThreshold { try flush() }
    }

    /// Bytes written so far, including those still buffered: where the
    /// next write lands in the file.
    public var position: Int { byteCount + buffer.count }

    /// Appends `count` bytes of `source` from `offset`: a byte range of
    /// an earlier output copied instead of encoded again. Throws when the
    /// source ends before the range does.
    public func append(from source: PositionalFile, offset: Int, count: Int) throws(SystemError) {
        var done = 0
        while done < count {
            let chunk = min(count - done, AtomicFile.flushThreshold)
            let start = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: chunk))
            let read = try buffer.withUnsafeMutableBytes { raw in
                Result { () throws(SystemError) -> Int in
                    try source.read(at: offset + done, into: UnsafeMutableRawBufferPointer(rebasing: raw[start...]))
                }
            }.get()
            guard read == chunk else {
                buffer.removeSubrange(start...)
                throw SystemError.endedEarly(source.path)
            }
            done += read
            if buffer.count >= AtomicFile.flushThreshold { try flush() }
        }
    }

    /// Writes out, syncs (when durable) and closes the temporary file,
    /// leaving it unrenamed.
    public func close() throws(SystemError) {
        try flush()
        sha256 = digest?.finalizeHex()
        guard !durable || fsync(descriptor) == 0 else { throw SystemError("fsync", path: temporaryPath) }
        let status = Glibc.close(descriptor)
        descriptor = -1
        guard status == 0 else { throw SystemError("close", path: temporaryPath) }
    }

    private func flush() throws(SystemError) {
        digest?.update(buffer)
        let start = byteCount
        byteCount += buffer.count
        defer { if durable { EarlyWriteback.start(descriptor, offset: start, count: byteCount - start) } }
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { raw in
                Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw SystemError("write", path: temporaryPath)
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// The hidden name in the same folder under which `path` is written
    /// before it is renamed into place.
    public static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return "\(folder)/.\(name).tmp-\(getpid())"
    }

    /// Renames a closed temporary file (this one's, or one another writer
    /// produced at `temporaryPath`) onto `finalPath`.
    public static func rename(from temporaryPath: String, to finalPath: String) throws(SystemError) {
        guard Glibc.rename(temporaryPath, finalPath) == 0 else { throw SystemError("rename", path: finalPath) }
    }

    /// Removes a temporary file that will not be committed.
    public static func discard(_ temporaryPath: String) {
        unlink(temporaryPath)
    }
}
