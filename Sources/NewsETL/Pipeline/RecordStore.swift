import Foundation

/// Where one input file ended, as the state folder keeps it so that later
/// runs can rebuild the cumulative outputs without decoding it again.
struct StoredRecord: Equatable {
    /// The input's relative path: the store's sort key.
    var path: String
    var document: Document?
    var rejection: Rejection?
    var duplicate: DuplicateRecord?
}

/// The records of every input processed so far, in path order, in
/// `.state/records.bin`: a `BinaryFormat` header, length-prefixed records, and the
/// SHA-256 of everything before it. Written whole each run (merging the
/// previous file with the run's new records) and renamed into place with
/// the run's other outputs.
enum RecordStore {
    static let fileName = "records.bin"

    static func encode(_ record: StoredRecord) -> [UInt8] {
        var writer = BinaryWriter()
        writer.string(record.path)
        writer.byte((record.document == nil ? 0 : 1) | (record.rejection == nil ? 0 : 2) | (record.duplicate == nil ? 0 : 4))
        if let document = record.document { writer.document(document) }
        if let rejection = record.rejection { writer.rejection(rejection) }
        if let duplicate = record.duplicate { writer.duplicate(duplicate) }
        return writer.bytes
    }

    static func decode(_ bytes: [UInt8]) throws(BinaryReader.Damage) -> StoredRecord {
        var reader = BinaryReader(bytes: bytes)
        let path = try reader.string()
        let flags = try reader.byte()
        let record = StoredRecord(path: path,
                                  document: flags & 1 != 0 ? try reader.document() : nil,
                                  rejection: flags & 2 != 0 ? try reader.rejection() : nil,
                                  duplicate: flags & 4 != 0 ? try reader.duplicate() : nil)
        guard reader.isAtEnd, flags < 8 else { throw BinaryReader.Damage(description: "malformed record of \(path)") }
        return record
    }
}

/// Writes a record store under a temporary name; `finish` closes it for a
/// transaction to rename into place. Used by one thread at a time.
final class RecordStoreWriter: @unchecked Sendable {
    private let file: AtomicFile
    private var hasher = SHA256()
    private var record: [UInt8] = []

    var temporaryPath: String { file.temporaryPath }
    var finalPath: String { file.finalPath }

    /// A store that is not `durable` is read back and removed within the run.
    init(path: String, durable: Bool = true) throws {
        file = try AtomicFile(path: path, durable: durable)
        try write(RecordStore.format.header)
    }

    func append(_ stored: StoredRecord) throws {
        try append(encoded: RecordStore.encode(stored))
    }

    /// Appends a record as `RecordStore.encode` gave it: an earlier
    /// store's record written again unchanged, without encoding it again.
    func append(encoded payload: [UInt8]) throws {
        record.removeAll(keepingCapacity: true)
        RecordFraming.append(payload, to: &record)
        try write(record)
    }

    func finish() throws {
        try file.write(hasher.finalize())
        try file.close()
    }

    private func write(_ bytes: [UInt8]) throws {
        hasher.update(bytes)
        try file.write(bytes)
    }
}

/// Reads a record store in order, after checking its checksum; memory
/// holds one record at a time.
final class RecordStoreReader {
    enum Problem: Error, CustomStringConvertible {
        case corrupt(String)
        var description: String { if case .corrupt(let detail) = self { return detail }; return "" }
    }

    private let handle: FileHandle
    private var position: UInt64
    private let end: UInt64

    /// nil when there is no store; throws when there is one that does not check out.
    init?(path: String) throws(Problem) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        self.handle = handle
        let size = (try? handle.seekToEnd()) ?? 0
        let header = RecordStore.format.header
        guard size >= UInt64(header.count + 32) else { throw .corrupt("\(path): not a NewsETL record store") }
        end = size - 32
        var hasher = SHA256()
        var offset: UInt64 = 0
        do {
            try handle.seek(toOffset: 0)
            while offset < end {
                let chunk = try handle.read(upToCount: Int(min(1 << 20, end - offset))) ?? Data()
                guard !chunk.isEmpty else { throw Problem.corrupt("\(path): truncated") }
                if offset == 0 {
                    do { _ = try RecordStore.format.checkHeader(chunk) } catch { throw Problem.corrupt("\(path): \(error)") }
                }
                hasher.update(chunk)
                offset += UInt64(chunk.count)
            }
            let stored = try handle.read(upToCount: 32) ?? Data()
            guard hasher.finalize().elementsEqual(stored) else { throw Problem.corrupt("\(path): checksum mismatch") }
            try handle.seek(toOffset: UInt64(header.count))
        } catch let problem as Problem {
            throw problem
        } catch {
            throw .corrupt("\(path): \(error)")
        }
        position = UInt64(header.count)
    }

    deinit { try? handle.close() }

    func next() throws -> StoredRecord? { try nextEncoded()?.record }

    /// The next record with the bytes it was decoded from, which
    /// `RecordStoreWriter.append(encoded:)` writes again as they are.
    func nextEncoded() throws -> (record: StoredRecord, payload: [UInt8])? {
        let record: (prefix: Data, payload: Data)?
        do {
            record = position + 4 <= end ? try RecordFraming.next(in: handle) : nil
        } catch is RecordFraming.Truncated {
            throw Problem.corrupt("record store truncated")
        }
        guard let payload = record?.payload else { return nil }
        position += 4 + UInt64(payload.count)
        let bytes = Array(payload)
        do {
            return (try RecordStore.decode(bytes), bytes)
        } catch {
            throw Problem.corrupt("record store: \(error)")
        }
    }
}
