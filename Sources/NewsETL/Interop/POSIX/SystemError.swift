#if canImport(Glibc)
import Glibc
#endif

/// A failed system call, with the call, the path and errno's message.
public struct SystemError: Error, Sendable, CustomStringConvertible {
    public let operation: String
    public let path: String
    public let code: Int32

    public init(_ operation: String, path: String, code: Int32 = errno) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    /// A file that ended before the bytes a reader expected there.
    public static func endedEarly(_ path: String) -> SystemError { SystemError("read", path: path, code: EIO) }

    public var message: String { String(cString: strerror(code)) }
    /// Too many levels of symbolic links (a loop).
    public var isSymlinkLoop: Bool { code == ELOOP }
    /// No such file or folder.
    public var isMissing: Bool { code == ENOENT }
    public var description: String { "\(operation) \(path): \(message)" }
}
