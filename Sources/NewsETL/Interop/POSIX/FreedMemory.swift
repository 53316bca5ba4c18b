#if canImport(Glibc)
import Glibc
#endif

/// Hands memory the process has freed back to the kernel (glibc's
/// `malloc_trim`). Memory freed on one thread stays with the allocator
/// arena that gave it out, where other threads' allocations cannot use
/// it; after letting go of many megabytes at once (a spool spilling its
/// documents), a run would otherwise carry them to its peak. A hint:
/// where the call is missing nothing changes.
enum FreedMemory {
    private typealias MallocTrim = @convention(c) (Int) -> Int32

    /// glibc declares it in `malloc.h`, which the Glibc module does not include.
    private static let mallocTrim: MallocTrim? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim")
        .map { unsafeBitCast($0, to: MallocTrim.self) }

    static func release() {
        _ = mallocTrim?(0)
    }
}
