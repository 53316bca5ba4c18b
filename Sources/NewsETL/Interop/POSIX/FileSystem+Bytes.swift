#if canImport(Glibc)
import Glibc
#endif

/// File-system calls on paths given as their exact bytes: a file name need
/// not be valid UTF-8, and a path may be longer than `PATH_MAX` (4,096
/// bytes). Such a path is reached by opening its folders one at a time
/// relative to each other (never following a symlink on the way), so
/// nesting depth costs time, not correctness.
extension FileSystem {
    /// A name as text: itself when it is valid UTF-8; otherwise every byte
    /// that is not part of valid UTF-8 is written `%XX` and `%` itself `%25`,
    /// so distinct names stay distinct.
    public static func displayName(_ bytes: some Collection<UInt8>) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var text = ""
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var pending = Array(bytes)[...]
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                text += scalar == "%" ? "%25" : String(scalar)
                pending = pending.dropFirst(encoded.count)
            case .error(let length):
                for byte in pending.prefix(length) { text += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2) }
                pending = pending.dropFirst(length)
            case .emptyInput:
                return text
            }
        }
    }

    /// Status of the entry itself (a symlink is reported as a symlink).
    public static func linkStatus(bytes path: [UInt8]) throws(SystemError) -> Status {
        try reach(path) { directory, name throws(SystemError) in
            var info = stat()
            guard fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { throw SystemError("lstat", path: displayName(path)) }
            return status(info)
        }
    }

    /// Status of what the entry points to (symlinks followed).
    public static func targetStatus(bytes path: [UInt8]) throws(SystemError) -> Status {
        try reach(path) { directory, name throws(SystemError) in
            var info = stat()
            guard fstatat(directory, name, &info, 0) == 0 else { throw SystemError("stat", path: displayName(path)) }
            return status(info)
        }
    }

    /// Names in a folder as bytes, without `.` and `..`, in no particular order.
    public static func listDirectory(bytes path: [UInt8]) throws(SystemError) -> [[UInt8]] {
        let descriptor = try reach(path) { directory, name throws(SystemError) in
            let descriptor = openat(directory, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else { throw SystemError("opendir", path: displayName(path)) }
            return descriptor
        }
        guard let stream = fdopendir(descriptor) else {
            let error = SystemError("opendir", path: displayName(path))
            close(descriptor)
            throw error
        }
        defer { closedir(stream) }
        var names: [[UInt8]] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix(while: { $0 != 0 }))
            }
            if name != [0x2E] && name != [0x2E, 0x2E] { names.append(name) }
        }
        return names
    }

    /// Reads a regular file whole (see `readRegularFile(_:)`), or its first
    /// `limit` + 1 bytes when it is longer.
    public static func readRegularFile(bytes path: [UInt8], limit: Int = .max) throws(SystemError) -> [UInt8] {
        let descriptor = try reach(path) { directory, name throws(SystemError) in
            let descriptor = openat(directory, name, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW)
            guard descriptor >= 0 else { throw SystemError("open", path: displayName(path)) }
            return descriptor
        }
        defer { close(descriptor) }
        return try readAll(descriptor, path: displayName(path), limit: limit)
    }

    /// The canonical absolute path of an entry, symlinks resolved.
    public static func realPath(bytes path: [UInt8]) throws(SystemError) -> [UInt8] {
        let resolved = (path + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { realpath($0.baseAddress!, nil) }
        }
        guard let resolved else { throw SystemError("realpath", path: displayName(path)) }
        defer { free(resolved) }
        return Array(UnsafeRawBufferPointer(start: resolved, count: strlen(resolved)))
    }

    /// Runs `body` with a folder descriptor and a name that the `*at` calls
    /// resolve to `path`.
    private static func reach<T>(_ path: [UInt8], _ body: (Int32, UnsafePointer<CChar>) throws(SystemError) -> T) throws(SystemError) -> T {
        if path.count < Int(PATH_MAX) {
            return try withCName(path) { name throws(SystemError) in try body(AT_FDCWD, name) }
        }
        let components = path.split(separator: 0x2F, omittingEmptySubsequences: true).map(Array.init)
        guard let last = components.last else { throw SystemError("open", path: displayName(path), code: ENOENT) }
        var directory = path.first == 0x2F ? open("/", pathOnly | O_DIRECTORY | O_CLOEXEC) : open(".", pathOnly | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0 else { throw SystemError("open", path: displayName(path)) }
        defer { close(directory) }
        for component in components.dropLast() {
            let next = try withCName(component) { name throws(SystemError) in
                let next = openat(directory, name, pathOnly | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard next >= 0 else { throw SystemError("open", path: displayName(path)) }
                return next
            }
            close(directory)
            directory = next
        }
        return try withCName(last) { name throws(SystemError) in try body(directory, name) }
    }

    private static func withCName<T>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) throws(SystemError) -> T) throws(SystemError) -> T {
        let terminated = bytes + [0]
        return try terminated.withUnsafeBufferPointer { buffer throws(SystemError) in
            try buffer.withMemoryRebound(to: CChar.self) { characters throws(SystemError) in try body(characters.baseAddress!) }
        }
    }
}

/// Linux's `O_PATH` (not exported to Swift without `_GNU_SOURCE`): a
/// descriptor that only names a folder, so a folder without read permission
/// can still be passed through.
private let pathOnly = Int32(0o10_000_000)

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
