import Foundation

/// A shard's results, `items.bin`: for each of its files in run order, what
/// decode, the per-document stages and the first corpus stage's own work
/// made of it (the document or the rejection) with the stage events the
/// manifest counts. The merge replays them as if its own workers had made
/// them, which is why shards + merge equal one run.
enum ShardItems {
    static let fileName = "items.bin"
    static let format = BinaryFormat(name: "SHARD-ITEMS", version: 1)
}

/// Writes `items.bin` under its temporary name; `close` gives its digest.
final class ShardItemsWriter {
    private let file: AtomicFile
    private(set) var count = 0

    init(folder: String) throws {
        file = try AtomicFile(path: "\(folder)/\(ShardItems.fileName)")
        try file.write(ShardItems.format.header)
    }

    func append(_ item: ProcessedItem) throws {
        var writer = BinaryWriter()
        writer.processedItem(item)
        var length = UInt32(writer.bytes.count).littleEndian
        try file.write(withUnsafeBytes(of: &length) { Array($0) })
        try file.write(writer.bytes)
        count += 1
    }

    /// Syncs and renames the file into place; returns its SHA-256.
    func commit() throws -> String {
        try file.close()
        try AtomicFile.rename(from: file.temporaryPath, to: file.finalPath)
        return file.sha256 ?? ""
    }
}

/// Reads a complete shard's items in order, checking the count and digest
/// its marker gives once the last item is read.
final class ShardItemsReader {
    let marker: ShardMarker
    private let handle: FileHandle
    private let path: String
    private var digest = SHA256()
    private var read = 0

    init(folder: String, marker: ShardMarker) throws {
        self.marker = marker
        path = "\(folder)/\(ShardItems.fileName)"
        guard let handle = FileHandle(forReadingAtPath: path) else { throw SystemError("open", path: path) }
        self.handle = handle
        let header = try handle.read(upToCount: ShardItems.format.header.count) ?? Data()
        do {
            _ = try ShardItems.format.checkHeader(Array(header))
        } catch {
            throw RunError.shards("shard \(marker.shard): \(path): \(error)")
        }
        digest.update(Array(header))
    }

    deinit { try? handle.close() }

    /// The next item; throws when the file ends early or was changed since the shard finished.
    func next() throws -> ProcessedItem {
        guard read < marker.items, let header = try handle.read(upToCount: 4), header.count == 4 else {
            throw RunError.shards("shard \(marker.shard): \(path) ends after \(read) of its \(marker.items) items")
        }
        let length = header.withUnsafeBytes { Int(UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self))) }
        guard let payload = try handle.read(upToCount: length), payload.count == length else {
            throw RunError.shards("shard \(marker.shard): \(path) is truncated at item \(read + 1)")
        }
        digest.update(Array(header))
        digest.update(Array(payload))
        read += 1
        var reader = BinaryReader(bytes: Array(payload))
        let item: ProcessedItem
        do {
            item = try reader.processedItem()
        } catch {
            throw RunError.shards("shard \(marker.shard): \(path) item \(read) is damaged (\(error))")
        }
        if read == marker.items, digest.finalizeHex() != marker.itemsSHA256 {
            throw RunError.shards("shard \(marker.shard): \(path) changed after the shard finished (SHA-256 differs from done.json)")
        }
        return item
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
