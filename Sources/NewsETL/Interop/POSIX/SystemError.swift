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

    public var message: String { String(cString: strerror(code)) }
    public var description: String { "\(operation) \(path): \(message)" }
}
