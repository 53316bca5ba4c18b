import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The file-system calls NewsETL needs, without following symlinks or
/// blocking on special files: a FIFO in the input folder must never hang a run.
public enum FileSystem {
    public enum Kind: Sendable, Equatable {
        case regular, directory, symlink, fifo, socket, device, other
    }

    public struct Status: Sendable, Equatable {
        public var kind: Kind
        public var size: Int
        /// Last modification, nanoseconds since 1970.
        public var modifiedNanoseconds: Int
    }

    /// The entry itself (a symlink is reported as a symlink).
    public static func linkStatus(_ path: String) throws(SystemError) -> Status {
        try linkStatus(bytes: Array(path.utf8))
    }

    /// What the entry points to (symlinks followed).
    public static func targetStatus(_ path: String) throws(SystemError) -> Status {
        try targetStatus(bytes: Array(path.utf8))
    }

    /// The canonical absolute path, symlinks resolved.
    public static func realPath(_ path: String) throws(SystemError) -> String {
        displayName(try realPath(bytes: Array(path.utf8)))
    }

    /// Names in a folder, without `.` and `..`, in no particular order.
    public static func listDirectory(_ path: String) throws(SystemError) -> [String] {
        try listDirectory(bytes: Array(path.utf8)).map { displayName($0) }
    }

    /// Reads a regular file whole. Opens without blocking and checks the opened
    /// descriptor is a regular file, so an entry swapped for a FIFO after the
    /// walk cannot hang the run.
    public static func readRegularFile(_ path: String) throws(SystemError) -> [UInt8] {
        try readRegularFile(bytes: Array(path.utf8))
    }

    /// Reads to the end, or to `limit` + 1 bytes: a file that grows while it
    /// is read (a log, a device behind a symlink swap) cannot fill memory.
    static func readAll(_ descriptor: Int32, path: String, limit: Int = .max) throws(SystemError) -> [UInt8] {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw SystemError("fstat", path: path) }
        guard status(info).kind == .regular else { throw SystemError("open", path: path, code: EINVAL) }
        let cap = limit == .max ? Int.max : limit + 1
        var bytes = [UInt8](repeating: 0, count: min(max(Int(info.st_size), 0), cap))
        var filled = 0
        // The size fstat gave is read straight into place; past it, a small
        // probe tells the usual end of the file from one that grew, so a
        // file of its stated size costs no more than its size.
        var probe = [UInt8](repeating: 0, count: 4096)
        while filled < cap {
            let intoProbe = filled == bytes.count
            let count = intoProbe
                ? probe.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, min($0.count, cap - filled)) }
                : bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                throw SystemError("read", path: path)
            }
            if count == 0 { break }
            if intoProbe { bytes.append(contentsOf: probe[..<count]) }
            filled += count
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    /// Whether `name` matches the shell-style `pattern` (`fnmatch`, no flags).
    public static func matches(_ name: String, pattern: String) -> Bool {
        fnmatch(pattern, name, 0) == 0
    }

    /// Whether a process with this id exists (it may belong to another user).
    public static func processExists(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    static func status(_ info: stat) -> Status {
        let kind: Kind
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symlink
        case S_IFIFO: kind = .fifo
        case S_IFSOCK: kind = .socket
        case S_IFCHR, S_IFBLK: kind = .device
        default: kind = .other
        }
        let modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
        return Status(kind: kind, size: Int(info.st_size), modifiedNanoseconds: modified)
    }

    public static func exists(_ path: String) -> Bool {
        (try? linkStatus(path)) != nil
    }

    public static func isFolder(_ path: String) -> Bool {
        (try? linkStatus(path))?.kind == .directory
    }

    /// Creates the folder and its parents when missing.
    public static func makeFolder(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Removes a file or a folder with everything in it; silent when absent.
    public static func removeTree(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    public static func readText(_ path: String) throws(SystemError) -> String {
        String(decoding: try readRegularFile(path), as: UTF8.self)
    }

    /// A second name for a file (a hard link), or a copy where the file
    /// system has no hard links.
    public static func linkOrCopy(_ source: String, to destination: String) throws {
        if Glibc.link(source, destination) == 0 { return }
        try FileManager.default.copyItem(atPath: source, toPath: destination)
    }

    /// Creates a symbolic link at `path` holding `target` (taken relative to the link's folder).
    public static func makeSymlink(at path: String, to target: String) throws(SystemError) {
        guard symlink(target, path) == 0 else { throw SystemError("symlink", path: path) }
    }

    /// What a symbolic link holds; nil when `path` is not a symlink.
    public static func symlinkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Removes one file or symlink; an absent one is not an error.
    public static func removeFile(_ path: String) throws(SystemError) {
        guard unlink(path) == 0 || errno == ENOENT else { throw SystemError("unlink", path: path) }
    }

    /// Copies the regular file `source` to a new file `destination`
    /// (replacing one there), in blocks.
    public static func copyFile(_ source: String, to destination: String) throws(SystemError) {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw SystemError("open", path: source) }
        defer { close(input) }
        let output = open(destination, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw SystemError("create", path: destination) }
        defer { close(output) }
        var block = [UInt8](repeating: 0, count: 1 << 20)
        var copied = 0
        while true {
            let count = block.withUnsafeMutableBytes { read(input, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw SystemError("read", path: source)
            }
            if count == 0 { return }
            var offset = 0
            while offset < count {
                let written = block.withUnsafeBytes { write(output, $0.baseAddress! + offset, count - offset) }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw SystemError("write", path: destination)
                }
                offset += written
            }
            EarlyWriteback.start(output, offset: copied, count: count)
            copied += count
        }
    }

    /// Syncs a closed file another library wrote (SQLite) to disk and
    /// returns its size and SHA-256, read in blocks rather than whole.
    public static func syncAndDigest(_ path: String) throws(SystemError) -> (bytes: Int, sha256: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SystemError("open", path: path) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw SystemError("fsync", path: path) }
        var digest = SHA256()
        var block = [UInt8](repeating: 0, count: 1 << 20)
        var total = 0
        while true {
            let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw SystemError("read", path: path)
            }
            if count == 0 { break }
            digest.update(block[..<count])
            total += count
        }
        return (total, digest.finalizeHex())
    }

    /// Flushes a folder's entries (renames into it) to disk.
    public static func syncFolder(_ path: String) throws(SystemError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SystemError("open", path: path) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw SystemError("fsync", path: path) }
    }
}
