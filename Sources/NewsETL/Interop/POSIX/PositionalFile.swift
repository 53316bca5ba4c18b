#if canImport(Glibc)
import Glibc
#endif

/// A file opened read-only for reads at given offsets (`pread`), which do
/// not move a shared position, so one file serves copies of any of its
/// byte ranges. Closed when released.
public final class PositionalFile: @unchecked Sendable {
    public let path: String
    private let descriptor: Int32

    public init(path: String) throws(SystemError) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SystemError("open", path: path) }
    }

    deinit { close(descriptor) }

    /// Fills `buffer` from `offset`; returns how many bytes it read, fewer
    /// than the buffer holds only at the end of the file.
    public func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int {
        try PositionalFile.read(descriptor, at: offset, into: buffer, path: path)
    }

    /// `pread` until `buffer` is full or the file ends; returns how many bytes it read.
    static func read(_ descriptor: Int32, at offset: Int, into buffer: UnsafeMutableRawBufferPointer,
                     path: String) throws(SystemError) -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = pread(descriptor, buffer.baseAddress! + filled, buffer.count - filled, off_t(offset + filled))
            if count < 0 {
                if errno == EINTR { continue }
                throw SystemError("read", path: path)
            }
            if count == 0 { break }
            filled += count
        }
        return filled
    }
}
