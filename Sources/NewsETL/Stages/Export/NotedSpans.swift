/// One format's noted spans, in the order written (so by record), kept in
/// a `ScratchFile` a block at a time rather than in memory: a million
/// records note about nine spans each in every file format, hundreds of
/// megabytes that the export and the commit would otherwise hold. Read
/// back record by record, mostly in the order written (the commit walks
/// records in path order, which is mostly the order they were begun), so
/// reads are served from a window read ahead.
final class NotedSpans {
    private let folder: String
    private let blockSize: Int
    private var file: ScratchFile?
    /// The spans after the last written block.
    private var pending: [RecordedSpan] = []
    /// By record, where its spans begin: record `r` has spans
    /// `firsts[r]..<firsts[r + 1]` (`count` for the last record).
    private var firsts: [Int] = []
    /// Every span appended.
    private(set) var count = 0
    /// Written spans read back, from `windowStart`.
    private var window: [RecordedSpan] = []
    private var windowStart = 0

    /// `folder` holds the scratch file, made at the first full block.
    init(folder: String, blockSize: Int = 16384) {
        precondition(blockSize > 0)
        self.folder = folder
        self.blockSize = blockSize
    }

    private var writtenCount: Int { count - pending.count }

    /// Adds a span of a record at or after the last span's record.
    func append(_ span: RecordedSpan) throws {
        let record = Int(span.record)
        precondition(record >= firsts.count - 1, "spans must come in record order")
        while firsts.count <= record { firsts.append(count) }
        pending.append(span)
        count += 1
        if pending.count == blockSize { try writeBlock() }
    }

    /// The spans of record `record`, in the order written.
    func spans(ofRecord record: Int) throws -> [RecordedSpan] {
        guard record < firsts.count else { return [] }
        let range = firsts[record]..<(record + 1 < firsts.count ? firsts[record + 1] : count)
        var spans: [RecordedSpan] = []
        spans.reserveCapacity(range.count)
        var next = range.lowerBound
        while next < min(range.upperBound, writtenCount) {
            if next < windowStart || next >= windowStart + window.count { try readWindow(from: next) }
            let end = min(range.upperBound, windowStart + window.count)
            spans += window[(next - windowStart)..<(end - windowStart)]
            next = end
        }
        if next < range.upperBound {
            spans += pending[(next - writtenCount)..<(range.upperBound - writtenCount)]
        }
        return spans
    }

    private func writeBlock() throws {
        if file == nil {
            try FileSystem.makeFolder(folder)
            file = try ScratchFile(folder: folder)
        }
        try pending.withUnsafeBytes { try file!.append($0) }
        pending.removeAll(keepingCapacity: true)
    }

    /// Reads up to a block of written spans from `start`.
    private func readWindow(from start: Int) throws {
        guard let file else { preconditionFailure("spans read before they were written") }
        let length = min(blockSize, writtenCount - start)
        let stride = MemoryLayout<RecordedSpan>.stride
        window = try [RecordedSpan](unsafeUninitializedCapacity: length) { buffer, initialized in
            let bytes = UnsafeMutableRawBufferPointer(buffer)
            try file.read(at: start * stride, into: UnsafeMutableRawBufferPointer(rebasing: bytes[..<(length * stride)]))
            initialized = length
        }
        windowStart = start
    }
}
