#if canImport(Glibc)
import Glibc
#endif

/// Asks the kernel to start writing a range of a file to disk now,
/// without waiting (Linux `sync_file_range` with `SYNC_FILE_RANGE_WRITE`).
/// Outputs are synced before they are renamed into place; started as each
/// block is written, the disk writes overlap the work that follows, and
/// the final `fsync` waits for little. The call is a hint: where it is
/// missing or fails nothing changes, and `fsync` still decides durability.
enum EarlyWriteback {
    private typealias SyncFileRange = @convention(c) (Int32, Int64, Int64, UInt32) -> Int32

    /// glibc declares it only for `_GNU_SOURCE`, which the Glibc module does not set.
    private static let syncFileRange: SyncFileRange? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sync_file_range")
        .map { unsafeBitCast($0, to: SyncFileRange.self) }

    static func start(_ descriptor: Int32, offset: Int, count: Int) {
        guard count > 0, let syncFileRange else { return }
        _ = syncFileRange(descriptor, Int64(offset), Int64(count), 2 /* SYNC_FILE_RANGE_WRITE */)
    }
}
