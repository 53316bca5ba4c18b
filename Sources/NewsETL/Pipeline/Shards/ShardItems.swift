import Foundation

/// A shard's results, `items.bin`: for each of its files in run order, what
/// decode, the per-document stages and the first corpus stage's own work
/// made of it (the document or the rejection) with the stage events the
/// manifest counts. The merge replays them as if its own workers had made
/// them, which is why shards + merge equal one run.
enum ShardItems {
    static let fileName = "items.bin"
    static let format = BinaryFormat(name: "SHARD-ITEMS", version: 1)

    /// The shard's work ahead of the corpus stage of segment `segment`.
    static func aheadFileName(segment: Int) -> String { "ahead-\(segment).bin" }
}

/// Writes one of a shard's files under its temporary name: records of an
/// input digest (empty in `items.bin`) and an item, in run order.
final class ShardItemsWriter {
    private let file: AtomicFile
    private(set) var count = 0

    init(path: String) throws {
        file = try AtomicFile(path: path, digested: true)
        try file.write(ShardItems.format.header)
    }

    func append(_ item: ProcessedItem, inputDigest: String = "") throws {
        var writer = BinaryWriter()
        writer.string(inputDigest)
        writer.processedItem(item)
        var record: [UInt8] = []
        RecordFraming.append(writer.bytes, to: &record)
        try file.write(record)
        count += 1
    }

    /// Syncs and renames the file into place; returns its count and SHA-256.
    func commit() throws -> ShardMarker.FileSummary {
        try file.close()
        try AtomicFile.rename(from: file.temporaryPath, to: file.finalPath)
        return ShardMarker.FileSummary(items: count, sha256: file.sha256 ?? "")
    }
}

/// Reads one of a complete shard's files in order, checking the count and
/// digest its marker gives once the last record is read.
final class ShardItemsReader {
    let shard: ShardSpec
    private let expected: ShardMarker.FileSummary
    private let handle: FileHandle
    private let path: String
    private var digest = SHA256()
    private var read = 0
    /// A record read ahead by `take` and not yet asked for.
    private var pending: (inputDigest: String, item: ProcessedItem)?

    init(path: String, shard: ShardSpec, expected: ShardMarker.FileSummary) throws {
        self.shard = shard
        self.expected = expected
        self.path = path
        guard let handle = FileHandle(forReadingAtPath: path) else { throw SystemError("open", path: path) }
        self.handle = handle
        let header = try handle.read(upToCount: ShardItems.format.header.count) ?? Data()
        do {
            _ = try ShardItems.format.checkHeader(Array(header))
        } catch {
            throw RunError.shards("shard \(shard): \(path): \(error)")
        }
        digest.update(Array(header))
    }

    deinit { try? handle.close() }

    /// The next record; throws when the file ends early or was changed since the shard finished.
    func next() throws -> (inputDigest: String, item: ProcessedItem) {
        if let pending {
            self.pending = nil
            return pending
        }
        let framed: (prefix: Data, payload: Data)?
        do {
            framed = read < expected.items ? try RecordFraming.next(in: handle) : nil
        } catch is RecordFraming.Truncated {
            throw RunError.shards("shard \(shard): \(path) is truncated at record \(read + 1)")
        }
        guard let (header, payload) = framed else {
            throw RunError.shards("shard \(shard): \(path) ends after \(read) of its \(expected.items) records")
        }
        digest.update(Array(header))
        digest.update(Array(payload))
        read += 1
        var reader = BinaryReader(bytes: Array(payload))
        let record: (String, ProcessedItem)
        do {
            record = (try reader.string(), try reader.processedItem())
        } catch {
            throw RunError.shards("shard \(shard): \(path) record \(read) is damaged (\(error))")
        }
        if read == expected.items, digest.finalizeHex() != expected.sha256 {
            throw RunError.shards("shard \(shard): \(path) changed after the shard finished (SHA-256 differs from done.json)")
        }
        return record
    }

    /// The record of `ordinal`, if the file has one; records of smaller
    /// ordinals (documents the merge did not bring this far) are passed over.
    func take(ordinal: Int) throws -> (inputDigest: String, item: ProcessedItem)? {
        while pending != nil || read < expected.items {
            let record = try next()
            if record.item.ordinal == ordinal { return record }
            if record.item.ordinal > ordinal {
                pending = record
                return nil
            }
        }
        return nil
    }

    /// Reads what is left, so that the digest is checked.
    func finish() throws {
        pending = nil
        while read < expected.items { _ = try next() }
    }
}

extension BinaryWriter {
    mutating func processedItem(_ item: ProcessedItem) {
        integer(item.ordinal)
        switch item.result {
        case nil: byte(0)
        case .success(let document)?: byte(1); self.document(document)
        case .failure(let rejection)?: byte(2); self.rejection(rejection)
        }
        flag(item.duplicate != nil)
        if let duplicate = item.duplicate { self.duplicate(duplicate) }
        integer(item.timings.count)
        for (stage, seconds) in item.timings { integer(stage); double(seconds) }
        integer(item.events.count)
        for (stage, event) in item.events { integer(stage); byte(event.code) }
        integer(item.bounded.count)
        for (stage, line) in item.bounded { integer(stage); string(line) }
    }
}

extension BinaryReader {
    mutating func processedItem() throws(Damage) -> ProcessedItem {
        var item = ProcessedItem(ordinal: try integer())
        switch try byte() {
        case 0: item.result = nil
        case 1: item.result = .success(try document())
        case 2: item.result = .failure(try rejection())
        case let other: throw Damage(description: "unknown result kind \(other)")
        }
        if try flag() { item.duplicate = try duplicate() }
        for _ in 0..<(try count(itemSize: 16)) { item.timings.append((try integer(), try double())) }
        for _ in 0..<(try count(itemSize: 9)) {
            let stage = try integer()
            guard let event = ProcessedItem.StageEvent(code: try byte()) else { throw Damage(description: "unknown stage event") }
            item.events.append((stage, event))
        }
        for _ in 0..<(try count(itemSize: 16)) { item.bounded.append((try integer(), try string())) }
        return item
    }
}

extension ProcessedItem.StageEvent {
    var code: UInt8 {
        switch self {
        case .entered: 0
        case .passed: 1
        case .rejected: 2
        case .duplicate: 3
        }
    }

    init?(code: UInt8) {
        switch code {
        case 0: self = .entered
        case 1: self = .passed
        case 2: self = .rejected
        case 3: self = .duplicate
        default: return nil
        }
    }
}
