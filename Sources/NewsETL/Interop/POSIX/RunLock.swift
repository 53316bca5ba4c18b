import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Keeps two runs off one output folder: an exclusive `flock` on
/// `.lock` in it, held until the process ends. The kernel drops the lock
/// of a killed run, so a lock file left behind never blocks; its recorded
/// process id tells the next run that it takes over from a run that died.
final class RunLock {
    private let descriptor: Int32
    /// The process id a killed run left in the lock file, if any.
    let staleOwner: Int32?

    init(folder: String) throws(RunError) {
        let path = "\(folder)/.lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .outputFolder("output folder \(folder): cannot create \(path): \(String(cString: strerror(errno)))") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let owner = RunLock.recordedOwner(descriptor).map { " (pid \($0))" } ?? ""
            close(descriptor)
            throw .locked("output folder \(folder) is in use by another newsetl run\(owner); nothing was changed, try again later")
        }
        self.descriptor = descriptor
        let previous = RunLock.recordedOwner(descriptor)
        staleOwner = previous.flatMap { $0 != getpid() ? $0 : nil }
        let text = Array("\(getpid())\n".utf8)
        let written = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        guard ftruncate(descriptor, off_t(text.count)) == 0, written == text.count else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw .outputFolder("output folder \(folder): cannot write \(path): \(reason)")
        }
    }

    /// Ends the run's hold: the file is emptied so the next run knows this
    /// one finished. A failure here cannot be reported (the run is over);
    /// the next run then reads this process id and says it took over.
    deinit {
        _ = ftruncate(descriptor, 0)
        close(descriptor)
    }

    private static func recordedOwner(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
