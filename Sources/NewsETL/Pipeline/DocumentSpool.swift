import Foundation

/// The documents of a run in run order, so that a corpus-wide stage can see
/// every document while memory holds only its compact summary, and the full
/// documents stream on afterwards. Up to `memoryBudget` (estimated bytes)
/// the documents stay in memory as they are, since encoding and decoding
/// them would cost more than a small run's corpus stages; past it the
/// spool writes them to a temporary file and goes on there, so a run of any
/// size holds at most the budget.
final class DocumentSpool {
    /// The temporary file, once the documents spill into it.
    let path: String
    /// The name `path` is the temporary of.
    private let filePath: String
    private let memoryBudget: Int
    private var file: AtomicFile?
    private var record: [UInt8] = []
    /// The documents while they fit the budget, each with its `estimatedBytes`.
    fileprivate private(set) var held: [(ordinal: Int, document: Document, bytes: Int)] = []
    private var heldBytes = 0
    private(set) var count = 0

    init(folder: String, name: String, memoryBudget: Int = 32 << 20) {
        self.memoryBudget = memoryBudget
        filePath = "\(folder)/spool-\(name)"
        path = AtomicFile.temporaryPath(for: filePath)
    }

    /// Whether the documents went to the file.
    var spilled: Bool { file != nil }

    func append(_ document: Document, ordinal: Int) throws {
        count += 1
        if let file { return try write(document, ordinal: ordinal, to: file) }
        let bytes = DocumentSpool.estimatedBytes(document)
        held.append((ordinal, document, bytes))
        heldBytes += bytes
        guard heldBytes > memoryBudget else { return }
        let spill = try AtomicFile(path: filePath, durable: false)
        for (ordinal, document, _) in held { try write(document, ordinal: ordinal, to: spill) }
        held = []
        FreedMemory.release()
        file = spill
    }

    private func write(_ document: Document, ordinal: Int, to file: AtomicFile) throws {
        var writer = BinaryWriter()
        writer.integer(ordinal)
        writer.document(document)
        record.removeAll(keepingCapacity: true)
        RecordFraming.append(writer.bytes, to: &record)
        try file.write(record)
    }

    /// Closes the spool for writing; read it with `SpoolReader`.
    func finishWriting() throws { try file?.close() }

    func remove() {
        AtomicFile.discard(path)
        held = []
    }

    /// About what a document takes, held or encoded: its texts and its
    /// records. Only the budget and batch sizes depend on it, never the output.
    static func estimatedBytes(_ document: Document) -> Int {
        document.text.utf8.count + document.removed.reduce(0) { $0 + $1.text.utf8.count }
            + 96 * document.entities.count + 64 * (document.blocks?.count ?? 0) + 512
    }
}

/// Reads a finished spool back in batches.
final class SpoolReader {
    /// The spool's file, when it spilled.
    private let handle: FileHandle?
    private let path: String
    /// The documents not yet read, when it did not.
    private var held: ArraySlice<(ordinal: Int, document: Document, bytes: Int)>

    init(spool: DocumentSpool) throws {
        path = spool.path
        held = spool.held[...]
        guard spool.spilled else {
            handle = nil
            return
        }
        guard let handle = FileHandle(forReadingAtPath: spool.path) else {
            throw SystemError("open", path: spool.path)
        }
        self.handle = handle
    }

    deinit { try? handle?.close() }

    /// Up to `limit` documents with their ordinals, and no more than about
    /// `bytes` of encoded documents (at least one); empty at the end.
    func nextBatch(limit: Int, bytes: Int = .max) throws -> [(ordinal: Int, document: Document)] {
        var batch: [(ordinal: Int, document: Document)] = []
        var total = 0
        guard let handle else {
            while batch.count < limit, total < bytes, let next = held.popFirst() {
                total += next.bytes
                batch.append((next.ordinal, next.document))
            }
            return batch
        }
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
