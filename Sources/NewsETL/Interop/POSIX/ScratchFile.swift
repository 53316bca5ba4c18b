#if canImport(Glibc)
import Glibc
#endif

/// A run's intermediate bytes kept on disk instead of in memory, in a file
/// that has no name: it is unlinked as soon as it is created, so nothing is
/// left behind when the run ends, fails or is killed. Written at its end,
/// read at any offset.
final class ScratchFile {
    /// The folder it lives in, for messages.
    let folder: String
    private let descriptor: Int32
    /// Bytes written so far: where the next write lands.
    private(set) var size = 0

    init(folder: String) throws(SystemError) {
        self.folder = folder
        var template = Array("\(folder)/.scratch-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw SystemError("create a scratch file in", path: folder) }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        unlink(String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self))
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    func append(_ bytes: UnsafeRawBufferPointer) throws(SystemError) {
        var written = 0
        while written < bytes.count {
            let count = pwrite(descriptor, bytes.baseAddress! + written, bytes.count - written, off_t(size + written))
            if count < 0 {
                if errno == EINTR { continue }
                throw SystemError("write a scratch file in", path: folder)
            }
            written += count
        }
        size += written
    }

    /// Fills `buffer` with the bytes at `offset`, which were written before.
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) {
        precondition(offset + buffer.count <= size, "scratch read past what was written")
        let count = try PositionalFile.read(descriptor, at: offset, into: buffer, path: "a scratch file in \(folder)")
        guard count == buffer.count else { throw SystemError.endedEarly("a scratch file in \(folder)") }
    }
}
