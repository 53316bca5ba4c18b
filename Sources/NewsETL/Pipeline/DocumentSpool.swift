import Foundation

/// A temporary file of documents in run order, so that a corpus-wide stage
/// can see every document while memory holds only its compact summary, and
/// the full documents stream on afterwards.
final class DocumentSpool {
    let path: String
    private let file: AtomicFile
    private var record: [UInt8] = []
    private(set) var count = 0

    init(folder: String, name: String) throws {
        file = try AtomicFile(path: "\(folder)/spool-\(name)", durable: false)
        path = file.temporaryPath
    }

    func append(_ document: Document, ordinal: Int) throws {
        var writer = BinaryWriter()
        writer.integer(ordinal)
        writer.document(document)
        record.removeAll(keepingCapacity: true)
        RecordFraming.append(writer.bytes, to: &record)
        try file.write(record)
        count += 1
    }

    /// Closes the spool for writing; read it with `SpoolReader`.
    func finishWriting() throws { try file.close() }

    func remove() { AtomicFile.discard(path) }
}

/// Reads a finished spool back in batches.
final class SpoolReader {
    private let handle: FileHandle
    private let path: String

    init(spool: DocumentSpool) throws {
        path = spool.path
        guard let handle = FileHandle(forReadingAtPath: spool.path) else {
            throw SystemError("open", path: spool.path)
        }
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// Up to `limit` documents with their ordinals, and no more than about
    /// `bytes` of encoded documents (at least one); empty at the end.
    func nextBatch(limit: Int, bytes: Int = .max) throws -> [(ordinal: Int, document: Document)] {
        var batch: [(ordinal: Int, document: Document)] = []
        var total = 0
        while batch.count < limit, total < bytes {
            let record: (prefix: Data, payload: Data)?
            do {
                record = try RecordFraming.next(in: handle)
            } catch is RecordFraming.Truncated {
                throw SystemError.endedEarly(path)
            }
            guard let payload = record?.payload else { break }
            total += payload.count
            var reader = BinaryReader(bytes: Array(payload))
            do {
                batch.append((try reader.integer(), try reader.document()))
            } catch {
                throw SystemError.endedEarly(path)
            }
        }
        return batch
    }
}
