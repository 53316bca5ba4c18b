/// The row index (`RowSpanIndex`) of the dataset a session just committed,
/// written straight from the spans its formats noted, record by record in
/// path order: the index is never whole in memory, nor beside the noted
/// spans (at a million records each would be hundreds of megabytes).
struct NotedRowSpanIndex {
    private let configSHA256: String
    private let files: [RowSpanIndex.FileStamp]
    private let database: RowSpanIndex.FileStamp?
    private let recorded: RecordedSpans
    private let summary: SummaryRows<Int>
    /// By format, the index of each kind's file in `files`.
    private let fileIndexes: [[ExportRowKind: Int]]

    /// The index of what a session noted, stamped as its files (and the
    /// database, when there is one) are now in `folder`.
    init(configSHA256: String, folder: String, recorded: RecordedSpans) throws {
        let names = recorded.files.sorted()
        var files: [RowSpanIndex.FileStamp] = []
        for name in names {
            let status = try FileSystem.targetStatus("\(folder)/\(name)")
            files.append(.init(name: name, size: status.size, modifiedNanoseconds: status.modifiedNanoseconds))
        }
        let fileIndex = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($0.element, $0.offset) })
        let databasePath = "\(folder)/\(SQLiteExport.fileName)"
        database = (try? FileSystem.targetStatus(databasePath)).map {
            .init(name: SQLiteExport.fileName, size: $0.size, modifiedNanoseconds: $0.modifiedNanoseconds)
        }
        var summary = SummaryRows<Int>(ids: recorded.summary.ids, digests: recorded.summary.digests)
        for (name, starts) in recorded.summary.starts {
            if let file = fileIndex[name], starts.count == summary.ids.count + 1 { summary.starts[file] = starts }
        }
        fileIndexes = recorded.formats.map { format in format.names.compactMapValues { fileIndex[$0] } }
        self.configSHA256 = configSHA256
        self.files = files
        self.recorded = recorded
        self.summary = summary
    }

    /// Writes the index as `RowSpanIndex.decode` reads it. The records
    /// are walked twice, to count those kept and to write them, so that
    /// nothing but one record's spans is held.
    func encode(_ writer: inout BinaryWriter) throws {
        RowSpanIndex.encodeStamps(configSHA256: configSHA256, release: NewsETLVersion.current, files: files, database: database,
                                  to: &writer)
        var count = 0
        try forEachRecord { _, _ in count += 1 }
        writer.integer(count)
        try forEachRecord { path, entries in RowSpanIndex.encodeRecord(path, entries, to: &writer) }
        RowSpanIndex.encodeSummary(summary, to: &writer)
    }

    /// Every record noted, in path order, with its spans in `files` (format
    /// by format, in the order written). A record begun twice has the spans
    /// of both; one with two spans in a file (its rows came apart) or a
    /// span that did not fit is left out: it is encoded again next time.
    private func forEachRecord(_ body: (String, [RowSpanIndex.FileSpan]) -> Void) throws {
        let records = recorded.records
        var order = Array(records.indices)
        if !zip(records, records.dropFirst()).allSatisfy({ $0 < $1 }) {
            order.sort { records[$0] < records[$1] || (records[$0] == records[$1] && $0 < $1) }
        }
        let unfit = recorded.formats.reduce(into: Set<Int>()) { $0.formUnion($1.unfit) }
        var entries: [RowSpanIndex.FileSpan] = []
        var next = 0
        while next < order.count {
            let path = records[order[next]]
            var end = next + 1
            while end < order.count, records[order[end]] == path { end += 1 }
            let ordinals = order[next..<end]
            next = end
            guard !ordinals.contains(where: unfit.contains) else { continue }
            entries.removeAll(keepingCapacity: true)
            for (format, kindFiles) in zip(recorded.formats, fileIndexes) {
                for ordinal in ordinals.sorted() {
                    for noted in try format.spans.spans(ofRecord: ordinal) {
                        guard let file = kindFiles[noted.kind], let entry = RowSpanIndex.FileSpan(file: file, span: noted.span) else { continue }
                        entries.append(entry)
                    }
                }
            }
            let scattered = Set(entries.map(\.file)).count != entries.count
            if !scattered { body(path, entries) }
        }
    }
}
