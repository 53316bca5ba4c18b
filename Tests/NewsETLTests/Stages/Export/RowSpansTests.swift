import Foundation
import Testing
@testable import NewsETL

/// A later run copies the rows of records it leaves unchanged from the
/// previous dataset's files and updates the previous database: what it
/// writes must be what encoding every record again writes.
@Suite struct RowSpansTests {
    private static let stage = ExportStage(formats: [.csv, .jsonl, .xml, .sqlite])
    private static let datasets: Set<String> = ["removed", "entities", "entity_summary"]

    /// Random records with hostile text, some with entities and removed
    /// paragraphs, a rejection and a duplicate among them, in path order.
    private static func records(seed: UInt64, count: Int, folder: String = "folder/") -> [StoredRecord] {
        var generator = SplitMix(seed: seed)
        let alphabet = CSVRoundTripTests.alphabet + ["<", ">", "&", "]]>", "\u{1}", " "]
        func text(_ length: ClosedRange<Int>) -> String {
            (0..<Int.random(in: length, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
        }
        return (0..<count).map { index in
            let docID = String(format: "doc-%08llx%08x", seed, index)
            let path = folder + String(format: "%04d.txt", index * 3)
            switch index % 7 {
            case 3: return StoredRecord(path: path, rejection: Rejection(path: path, reason: .empty, detail: "the file is empty (0 bytes)"))
            case 5:
                return StoredRecord(path: path, duplicate: DuplicateRecord(
                    docID: docID, sourcePath: path, canonicalID: "doc-0000000000000000",
                    canonicalPath: "folder/0000.txt", canonicalRun: nil, clusterID: "cluster-0000000000000000",
                    similarity: 0.9, containment: 1, kind: "near"))
            default:
                var document = Document(docID: docID, sourcePath: path, sha256: String(repeating: "d", count: 64),
                                        byteCount: index, encoding: "utf-8", format: .text, title: text(0...12), published: "2025-03-04",
                                        source: text(1...6), canonicalURL: nil, text: text(5...60), wordCount: index)
                for start in stride(from: 0, to: Int.random(in: 0...4, using: &generator) * 10, by: 10) {
                    // A long tail of names: some summary rows stay as they were, some change, some go.
                    let number = Int.random(in: 0..<3, using: &generator) == 0 ? 0 : Int.random(in: 1..<80, using: &generator)
                    let name = "Name \(number)"
                    document.entities.append(EntityRecord(mention: EntityMention(kind: .person, text: name, start: start, end: start + name.count),
                                                          sentence: 0, canonical: name, entityID: "ent-\(number)"))
                }
                for paragraph in 0..<Int.random(in: 0...2, using: &generator) {
                    document.removed.append(RemovedParagraph(index: paragraph, start: 0, end: 3, text: text(1...20), rule: "teaser"))
                }
                return StoredRecord(path: path, document: document, rejection: nil, duplicate: nil)
            }
        }
    }

    private static func session(_ folder: TemporaryFolder, earlier: EarlierRows? = nil) throws -> ExportSession {
        try stage.openSession(folder: folder.path, datasets: datasets, threads: 2, report: false, recordSpans: true, earlier: earlier)
    }

    private static func write(_ record: StoredRecord, to session: ExportSession) throws {
        if let duplicate = record.duplicate { try session.write(duplicate) }
        if let rejection = record.rejection { try session.write(rejection) }
        if let document = record.document { try session.write(document) }
    }

    /// A first night: every record encoded, its spans noted.
    private static func firstNight(_ records: [StoredRecord], into folder: TemporaryFolder) throws -> ExportSession {
        let session = try session(folder)
        for record in records {
            session.beginRecord(path: record.path)
            try write(record, to: session)
        }
        try session.commit(manifest: Array("{}\n".utf8))
        return session
    }

    /// The dataset `records` make when every row is encoded.
    private static func encoded(_ records: [StoredRecord]) throws -> TemporaryFolder {
        let folder = TemporaryFolder()
        let session = try stage.openSession(folder: folder.path, datasets: datasets, threads: 1)
        for record in records {
            session.beginRecord(path: record.path)
            try write(record, to: session)
        }
        try session.commit(manifest: Array("{}\n".utf8))
        return folder
    }

    /// The earlier rows of a committed session's folder.
    private static func earlierRows(of session: ExportSession, in folder: TemporaryFolder) throws -> EarlierRows {
        let index = try Self.index(of: session.takeRowSpans(), in: folder)
        return try #require(EarlierRows(index: index, folder: folder.path, configSHA256: "config"))
    }

    /// The index written from what a session noted, read back; encoding
    /// what was read gives the same bytes.
    private static func index(of recorded: RecordedSpans, in folder: TemporaryFolder) throws -> RowSpanIndex {
        var writer = BinaryWriter()
        try NotedRowSpanIndex(configSHA256: "config", folder: folder.path, recorded: recorded).encode(&writer)
        var reader = BinaryReader(bytes: writer.bytes)
        let index = try RowSpanIndex.decode(&reader)
        var again = BinaryWriter()
        index.encode(&again)
        #expect(again.bytes == writer.bytes)
        return index
    }

    /// Every table's rows, sorted (run ids replaced by `run`), and the
    /// documents a full-text search finds, after the index's integrity
    /// check: the database's content, whatever its layout.
    static func tables(_ folder: TemporaryFolder) throws -> [String: [String]] {
        let database = try SQLiteDatabase(path: folder.url(SQLiteExport.fileName), writable: true)
        let runID = try Regex(#"run-\d{8}T\d{6}Z(-\d+)?"#)
        var tables: [String: [String]] = [:]
        for dataset in Datasets.all {
            tables[dataset.name] = try database.rows("SELECT * FROM \"\(dataset.name)\";").map { "\($0)".replacing(runID, with: "run") }.sorted()
        }
        try database.execute("INSERT INTO \"documents_fts\"(\"documents_fts\") VALUES ('integrity-check');")
        tables["fts"] = try database.rows("""
            SELECT d."doc_id" FROM "documents_fts" f JOIN "documents" d ON d.rowid = f.rowid WHERE "documents_fts" MATCH 'a OR e';
            """).map { "\($0)" }.sorted()
        return tables
    }

    private static func expectSameDataset(_ copied: TemporaryFolder, _ encoded: TemporaryFolder) throws {
        for name in Datasets.names {
            for format in ExportFormat.fileFormats {
                let file = "\(name).\(format.rawValue)"
                #expect(copied.read(file) == encoded.read(file), "\(file) differs")
            }
        }
        #expect(try tables(copied) == tables(encoded))
    }

    /// Property: over three nights of random records (some kept as they
    /// were, some revised, some gone, some new), copying and updating give
    /// the dataset that encoding everything gives; the second night copies
    /// from files that were themselves partly copied.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func copiedRowsAndTheUpdatedDatabaseEqualAFreshEncoding(seed: UInt64) throws {
        var generator = SplitMix(seed: seed + 100)
        var current = Self.records(seed: seed, count: 60)
        var folder = TemporaryFolder()
        var session = try Self.firstNight(current, into: folder)
        try Self.expectSameDataset(folder, Self.encoded(current))

        for night in 1...2 {
            let earlier = try Self.earlierRows(of: session, in: folder)
            let fresh = Self.records(seed: seed * 10 + UInt64(night), count: 40, folder: "folder/\(night)-")
            let nextFolder = TemporaryFolder()
            let next = try Self.session(nextFolder, earlier: earlier)
            var kept: [StoredRecord] = []
            var copied = 0
            var earlierRecords = current[...]
            var freshRecords = fresh[...]
            while let record = [earlierRecords.first, freshRecords.first].compactMap({ $0 }).min(by: { $0.path < $1.path }) {
                if record.path == earlierRecords.first?.path {
                    earlierRecords.removeFirst()
                    switch Int.random(in: 0..<10, using: &generator) {
                    case 0:
                        next.forgetEarlier(record)
                    case 1 where record.document != nil:
                        var revised = record
                        revised.document?.source = "revised \(night)"
                        next.beginRecord(path: record.path, replacing: record)
                        try Self.write(revised, to: next)
                        kept.append(revised)
                    default:
                        next.beginRecord(path: record.path, unchanged: true, replacing: record)
                        try Self.write(record, to: next)
                        kept.append(record)
                        copied += 1
                    }
                } else {
                    freshRecords.removeFirst()
                    next.beginRecord(path: record.path)
                    try Self.write(record, to: next)
                    kept.append(record)
                }
            }
            try next.commit(manifest: Array("{}\n".utf8))
            #expect(next.copiedRecords == copied && copied > 30)
            // Entities only unchanged records name keep their summary rows.
            #expect(next.copiedSummaryRows.copied > 0 && next.copiedSummaryRows.copied < next.copiedSummaryRows.of)
            #expect(next.updatesDatabase)
            try Self.expectSameDataset(nextFolder, Self.encoded(kept))
            current = kept
            folder = nextFolder
            session = next
        }
    }

    @Test func anIndexOfFilesThatChangedSinceIsNotUsed() throws {
        let records = Self.records(seed: 9, count: 10)
        let folder = TemporaryFolder()
        let session = try Self.firstNight(records, into: folder)
        let index = try Self.index(of: session.takeRowSpans(), in: folder)
        #expect(EarlierRows(index: index, folder: folder.path, configSHA256: "other config") == nil)
        var otherRelease = index
        otherRelease.release = "0.0.1"
        #expect(EarlierRows(index: otherRelease, folder: folder.path, configSHA256: "config") == nil)
        _ = folder.write("entities.csv", folder.read("entities.csv") + "\"edited\"\r\n")
        #expect(EarlierRows(index: index, folder: folder.path, configSHA256: "config") == nil)
    }

    /// The index is kept by path, looked up by a search in path order: a
    /// record begun twice has both beginnings' spans, records begun out of
    /// path order are sorted, and a record whose rows came apart in a file,
    /// or whose span did not fit, is left out (encoded again next time).
    @Test func recordsAreIndexedByPathWhateverOrderTheyWereBegunIn() throws {
        let folder = TemporaryFolder()
        _ = folder.write("documents.csv", String(repeating: "x", count: 100))
        _ = folder.write("entities.csv", String(repeating: "x", count: 100))
        func noted(_ record: Int, _ kind: ExportRowKind, _ start: Int) -> RecordedSpan {
            RecordedSpan(record: record, kind: kind, span: RowSpan(start: start, length: 5, rows: 1))!
        }
        // Blocks of three: most spans are read back from the scratch file.
        let spans = NotedSpans(folder: folder.url("scratch"), blockSize: 3)
        for span in [noted(0, .documents, 0), noted(1, .documents, 5), noted(1, .entities, 0), noted(2, .documents, 10),
                     noted(3, .entities, 5), noted(4, .documents, 15), noted(4, .documents, 30), noted(5, .documents, 40)] {
            try spans.append(span)
        }
        let format = RecordedSpans.Format(names: [.documents: "documents.csv", .entities: "entities.csv"], spans: spans, unfit: [5])
        let recorded = RecordedSpans(files: ["documents.csv", "entities.csv"], formats: [format],
                                     records: ["b.txt", "a.txt", "c.txt", "b.txt", "d.txt", "e.txt", "f.txt"], summary: SummaryRows())
        let index = try Self.index(of: recorded, in: folder)
        func starts(_ path: String) -> [String]? {
            index.spans.spans(of: path).map { $0.map { "\(index.files[$0.file].name)@\($0.span.start)" } }
        }
        #expect(index.spans.paths == ["a.txt", "b.txt", "c.txt", "f.txt"])
        #expect(starts("a.txt") == ["documents.csv@5", "entities.csv@0"])
        #expect(starts("b.txt") == ["documents.csv@0", "entities.csv@5"])
        #expect(starts("c.txt") == ["documents.csv@10"])
        #expect(starts("d.txt") == nil)
        #expect(starts("e.txt") == nil)
        #expect(starts("f.txt") == [])
        #expect(starts("0.txt") == nil && starts("z.txt") == nil)
        #expect(RecordedSpan(record: 0, kind: .documents, span: RowSpan(start: 0, length: 1 << 32, rows: 1)) == nil)
    }

    @Test func aSpanOutsideItsFileIsDamage() throws {
        var index = RowSpanIndex(configSHA256: "config", release: NewsETLVersion.current,
                                 files: [.init(name: "documents.csv", size: 10, modifiedNanoseconds: 1)], database: nil,
                                 spans: RecordSpans([("a.txt", [.init(file: 0, span: RowSpan(start: 4, length: 7, rows: 1))!])]))
        var writer = BinaryWriter()
        index.encode(&writer)
        var reader = BinaryReader(bytes: writer.bytes)
        #expect(throws: BinaryReader.Damage.self) { try RowSpanIndex.decode(&reader) }
        index.spans = RecordSpans([("a.txt", [.init(file: 0, span: RowSpan(start: 4, length: 6, rows: 1))!])])
        writer = BinaryWriter()
        index.encode(&writer)
        reader = BinaryReader(bytes: writer.bytes)
        #expect(try RowSpanIndex.decode(&reader) == index)
    }

    /// Summary rows are paired with the next run's by one walk in id
    /// order, and copied by their starts: an index that breaks either is damage.
    @Test func summaryRowsOutOfOrderOrOutsideTheirFileAreDamage() throws {
        func decoded(_ index: RowSpanIndex) throws -> RowSpanIndex {
            var writer = BinaryWriter()
            index.encode(&writer)
            var reader = BinaryReader(bytes: writer.bytes)
            return try RowSpanIndex.decode(&reader)
        }
        var index = RowSpanIndex(configSHA256: "config", release: NewsETLVersion.current,
                                 files: [.init(name: "entity_summary.csv", size: 50, modifiedNanoseconds: 1)], database: nil, spans: RecordSpans())
        index.summary.append(id: "LOC:paris", digest: Array(repeating: 1, count: 32))
        index.summary.append(id: "PER:ada", digest: Array(repeating: 2, count: 32))
        index.summary.starts[0] = [10, 30, 50]
        #expect(try decoded(index) == index)
        var outside = index
        outside.summary.starts[0] = [10, 30, 51]
        #expect(throws: BinaryReader.Damage.self) { try decoded(outside) }
        var unordered = index
        unordered.summary.ids.swapAt(0, 1)
        #expect(throws: BinaryReader.Damage.self) { try decoded(unordered) }
        var backwards = index
        backwards.summary.starts[0] = [10, 40, 30]
        #expect(throws: BinaryReader.Damage.self) { try decoded(backwards) }
    }
}
