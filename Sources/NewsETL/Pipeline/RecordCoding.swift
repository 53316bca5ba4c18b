/// How documents and their outcomes are laid out in the record store and the
/// spools (`BinaryWriter` / `BinaryReader`).
extension RecordStore {
    /// Bump the version with any change below: a store of another version
    /// is then reported and rebuilt by a full run instead of misread.
    static let format = BinaryFormat(name: "RECORDS", version: 5)
}

extension BinaryWriter {
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
        optional(document.publishedSource)
        optional(document.source)
        optional(document.canonicalURL)
        optional(document.description)
        optional(document.siteName)
        integer(document.authors.count)
        for author in document.authors { string(author) }
        string(document.language)
        string(document.text)
        integer(document.wordCount)
        flag(document.duplicateCluster != nil)
        if let cluster = document.duplicateCluster {
            string(cluster.clusterID)
            string(cluster.canonicalID)
            double(cluster.similarity)
        }
        // 0: no layout; n + 1: n blocks.
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
            optional(record.mention.unit)
            integer(record.sentence)
            string(record.canonical)
            string(record.entityID)
        }
    }
}

extension BinaryReader {
    mutating func rejection() throws(Damage) -> Rejection {
        Rejection(path: try string(), sha256: try optional(), reason: try value(Rejection.Reason.self), detail: try string())
    }

    mutating func duplicate() throws(Damage) -> DuplicateRecord {
        DuplicateRecord(docID: try string(), sourcePath: try string(), canonicalID: try string(), canonicalPath: try string(),
                        canonicalRun: try optional(), clusterID: try string(), similarity: try double(),
                        containment: try double(), kind: try string())
    }

    mutating func document() throws(Damage) -> Document {
        var document = Document(
            docID: try string(), sourcePath: try string(), sha256: try string(), byteCount: try integer(), encoding: try string(),
            format: try value(SourceFormat.self), title: try optional(), published: try optional(),
            publishedSource: try optional(), source: try optional(), canonicalURL: try optional(), description: try optional(),
            text: "", wordCount: 0)
        document.siteName = try optional()
        for _ in 0..<(try count(itemSize: 8)) { document.authors.append(try string()) }
        document.language = try string()
        document.text = try string()
        document.wordCount = try integer()
        if try flag() {
            document.duplicateCluster = DuplicateCluster(clusterID: try string(), canonicalID: try string(), similarity: try double())
        }
        let blockCount = try count()
        if blockCount > 0 {
            var blocks: [TextBlock] = []
            blocks.reserveCapacity(blockCount - 1)
            for _ in 1..<blockCount {
                let tag = try string(), characters = try integer(), linkCharacters = try integer(), blockDepth = try integer()
                var ancestors: [Int32] = [], hints: [LayoutHint] = []
                for _ in 0..<(try count(itemSize: 16)) {
                    ancestors.append(Int32(truncatingIfNeeded: try integer()))
                    hints.append(LayoutHint(rawValue: UInt16(truncatingIfNeeded: try integer())))
                }
                blocks.append(TextBlock(tag: tag, characters: characters, linkCharacters: linkCharacters,
                                        ancestors: ancestors, ancestorHints: hints, blockDepth: blockDepth))
            }
            document.blocks = blocks
        }
        for _ in 0..<(try count(itemSize: 40)) {
            document.removed.append(RemovedParagraph(index: try integer(), start: try integer(), end: try integer(),
                                                     text: try string(), rule: try string()))
        }
        for _ in 0..<(try count(itemSize: 58)) {
            let mention = EntityMention(kind: try value(EntityMention.Kind.self), text: try string(),
                                        start: try integer(), end: try integer(), value: try optional(), unit: try optional())
            document.entities.append(EntityRecord(mention: mention, sentence: try integer(), canonical: try string(),
                                                  entityID: try string()))
        }
        return document
    }
}
