/// The binary form of documents and their outcomes in spools and in the
/// state folder: little-endian 64-bit integers, length-prefixed UTF-8.
/// Readers trust their input: spools are this run's own files, and state
/// files are checked before they are decoded.
struct RecordEncoder {
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

    mutating func double(_ value: Double) {
        integer(Int(truncatingIfNeeded: Int64(bitPattern: value.bitPattern)))
    }

    mutating func rejection(_ rejection: Rejection) {
        string(rejection.path)
        optional(rejection.sha256)
        string(rejection.reason.rawValue)
        string(rejection.detail)
    }

    mutating func duplicate(_ record: DuplicateRecord) {
        string(record.docID)
        string(record.sourcePath)
        string(record.canonicalID)
        string(record.canonicalPath)
        optional(record.canonicalRun)
        string(record.clusterID)
        double(record.similarity)
        double(record.containment)
        string(record.kind)
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
            double(cluster.similarity)
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

struct RecordDecoder {
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

    mutating func double() -> Double {
        Double(bitPattern: UInt64(bitPattern: Int64(integer())))
    }

    mutating func rejection() -> Rejection {
        Rejection(path: string(), sha256: optional(), reason: Rejection.Reason(rawValue: string()) ?? .unreadable, detail: string())
    }

    mutating func duplicate() -> DuplicateRecord {
        DuplicateRecord(docID: string(), sourcePath: string(), canonicalID: string(), canonicalPath: string(),
                        canonicalRun: optional(), clusterID: string(), similarity: double(), containment: double(), kind: string())
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
                similarity: double())
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
