/// Where each record's rows lie, by record path in ascending order, held
/// column by column: a record costs its path and 24 bytes per span, where
/// a dictionary of arrays cost about 600 bytes a record (a million-record
/// dataset is read and written every night).
struct RecordSpans: Equatable {
    /// One span of a record's rows, in the file of index `file`.
    struct FileSpan: Equatable {
        private let start: Int
        private let length: UInt32
        private let rows: UInt32
        private let fileIndex: UInt32

        /// nil when the span does not fit (4 GiB of rows, or 2³² rows, in
        /// one file): such a record is left out, so it is encoded again.
        init?(file: Int, span: RowSpan) {
            guard let length = UInt32(exactly: span.length), let rows = UInt32(exactly: span.rows),
                  let fileIndex = UInt32(exactly: file), span.start >= 0 else { return nil }
            start = span.start
            self.length = length
            self.rows = rows
            self.fileIndex = fileIndex
        }

        var file: Int { Int(fileIndex) }
        var span: RowSpan { RowSpan(start: start, length: Int(length), rows: Int(rows)) }
    }

    private(set) var paths: [String] = []
    /// `paths.count + 1` offsets into `spans`: record `i` has `spans[bounds[i]..<bounds[i + 1]]`.
    private var bounds: [Int] = [0]
    private var spans: [FileSpan] = []

    init() {}

    /// Records in ascending path order, each with its spans.
    init(_ records: [(path: String, spans: [FileSpan])]) {
        for record in records { append(record.path, record.spans) }
    }

    var count: Int { paths.count }

    /// Adds a record whose path sorts after every path added before (the
    /// caller checks: a decoder throws, a builder sorts).
    mutating func append(_ path: String, _ recordSpans: some Sequence<FileSpan>) {
        precondition(paths.last.map { $0 < path } ?? true, "record paths must ascend")
        paths.append(path)
        spans.append(contentsOf: recordSpans)
        bounds.append(spans.count)
    }

    /// The spans of record `index` (in path order).
    func spans(at index: Int) -> ArraySlice<FileSpan> { spans[bounds[index]..<bounds[index + 1]] }

    /// The spans of the record of `path`, nil when the record is not listed
    /// (listed with no spans: it has no rows in these files).
    func spans(of path: String) -> ArraySlice<FileSpan>? {
        let low = paths.partitionPoint { $0 < path }
        guard low < paths.count, paths[low] == path else { return nil }
        return spans(at: low)
    }
}
