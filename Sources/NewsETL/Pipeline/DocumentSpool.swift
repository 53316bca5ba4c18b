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
        file = try AtomicFile(path: "\(folder)/spool-\(name)")
        path = file.temporaryPath
    }

    func append(_ document: Document, ordinal: Int) throws {
        var encoder = SpoolEncoder()
        encoder.integer(ordinal)
        encoder.document(document)
        record.removeAll(keepingCapacity: true)
        var length = UInt32(encoder.bytes.count).littleEndian
        withUnsafeBytes(of: &length) { record.append(contentsOf: $0) }
        record.append(contentsOf: encoder.bytes)
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

    /// Up to `limit` documents with their ordinals; empty at the end.
    func nextBatch(limit: Int) throws -> [(ordinal: Int, document: Document)] {
        var batch: [(ordinal: Int, document: Document)] = []
        while batch.count < limit {
            guard let header = try handle.read(upToCount: 4), header.count == 4 else { break }
            let length = header.withUnsafeBytes { Int(UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self))) }
            guard let payload = try handle.read(upToCount: length), payload.count == length else {
                throw SystemError("read", path: path, code: EIO)
            }
            var decoder = SpoolDecoder(bytes: Array(payload))
            let ordinal = decoder.integer()
            batch.append((ordinal, decoder.document()))
        }
        return batch
    }
}

private struct SpoolEncoder {
    var bytes: [UInt8] = []

    mutating func integer(_ value: Int) {
        var little = Int64(value).littleEndian
        withUnsafeBytes(of: &little) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
        integer(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func optional(_ value: String?) {
        bytes.append(value == nil ? 0 : 1)
        if let value { string(value) }
    }

    mutating func document(_ document: Document) {
        string(document.docID)
        string(document.sourcePath)
        string(document.sha256)
        integer(document.byteCount)
        string(document.encoding)
        string(document.format.rawValue)
        optional(document.title)
        optional(document.published)
        optional(document.source)
        optional(document.url)
        string(document.text)
        integer(document.wordCount)
        if let cluster = document.duplicateCluster {
            bytes.append(1)
            string(cluster.clusterID)
            string(cluster.canonicalID)
            integer(Int(truncatingIfNeeded: Int64(bitPattern: cluster.similarity.bitPattern)))
        } else {
            bytes.append(0)
        }
        integer(document.blocks.map { $0.count + 1 } ?? 0)
        for block in document.blocks ?? [] {
            string(block.tag)
            integer(block.characters)
            integer(block.linkCharacters)
            integer(block.blockDepth)
            integer(block.ancestors.count)
            for (id, hint) in zip(block.ancestors, block.ancestorHints) {
                integer(Int(id))
                integer(Int(hint.rawValue))
            }
        }
        integer(document.removed.count)
        for paragraph in document.removed {
            integer(paragraph.index)
            integer(paragraph.start)
            integer(paragraph.end)
            string(paragraph.text)
            string(paragraph.rule)
        }
        integer(document.entities.count)
        for record in document.entities {
            string(record.mention.kind.rawValue)
            string(record.mention.text)
            integer(record.mention.start)
            integer(record.mention.end)
            optional(record.mention.value)
            integer(record.sentence)
            string(record.canonical)
            string(record.entityID)
        }
    }
}

private struct SpoolDecoder {
    let bytes: [UInt8]
    var position = 0

    mutating func integer() -> Int {
        let value = bytes.withUnsafeBytes { Int64(littleEndian: $0.loadUnaligned(fromByteOffset: position, as: Int64.self)) }
        position += 8
        return Int(value)
    }

    mutating func string() -> String {
        let length = integer()
        defer { position += length }
        return String(decoding: bytes[position..<(position + length)], as: UTF8.self)
    }

    mutating func optional() -> String? {
        let present = bytes[position] == 1
        position += 1
        return present ? string() : nil
    }

    mutating func document() -> Document {
        var document = Document(
            docID: string(), sourcePath: string(), sha256: string(), byteCount: integer(), encoding: string(),
            format: SourceFormat(rawValue: string()) ?? .text, title: optional(), published: optional(),
            source: optional(), url: optional(), text: string(), wordCount: integer())
        let hasCluster = bytes[position] == 1
        position += 1
        if hasCluster {
            document.duplicateCluster = DuplicateCluster(
                clusterID: string(), canonicalID: string(),
                similarity: Double(bitPattern: UInt64(bitPattern: Int64(integer()))))
        }
        let blockCount = integer()
        if blockCount > 0 {
            document.blocks = (1..<blockCount).map { _ in
                let tag = string(), characters = integer(), linkCharacters = integer(), blockDepth = integer()
                var ancestors: [Int32] = [], hints: [LayoutHint] = []
                for _ in 0..<integer() {
                    ancestors.append(Int32(integer()))
                    hints.append(LayoutHint(rawValue: UInt16(integer())))
                }
                return TextBlock(tag: tag, characters: characters, linkCharacters: linkCharacters,
                                 ancestors: ancestors, ancestorHints: hints, blockDepth: blockDepth)
            }
        }
        document.removed = (0..<integer()).map { _ in
            RemovedParagraph(index: integer(), start: integer(), end: integer(), text: string(), rule: string())
        }
        document.entities = (0..<integer()).map { _ in
            let mention = EntityMention(kind: EntityMention.Kind(rawValue: string()) ?? .miscellaneous, text: string(),
                                        start: integer(), end: integer(), value: optional())
            return EntityRecord(mention: mention, sentence: integer(), canonical: string(), entityID: string())
        }
        return document
    }
}
