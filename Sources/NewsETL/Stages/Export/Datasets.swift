/// The datasets NewsETL writes and how each record becomes a row.
public enum Datasets {
    public static func documents(includeText: Bool) -> Dataset {
        var columns: [Dataset.Column] = [
            .init("doc_id"), .init("source_path"), .init("sha256"), .init("bytes", .integer), .init("encoding"),
            .init("format"), .init("title"), .init("published"), .init("source"), .init("url"),
            .init("word_count", .integer), .init("cluster_id"), .init("canonical_id"), .init("similarity", .decimal),
            .init("people"), .init("organizations"), .init("places"),
        ]
        if includeText { columns.append(.init("text")) }
        return Dataset(name: "documents", recordElement: "document", columns: columns)
    }

    public static let rejects = Dataset(
        name: "rejects", recordElement: "reject",
        columns: [.init("path"), .init("reason"), .init("detail")])

    public static let duplicates = Dataset(
        name: "duplicates", recordElement: "duplicate",
        columns: [.init("doc_id"), .init("source_path"), .init("canonical_id"), .init("canonical_path"),
                  .init("canonical_run"), .init("cluster_id"), .init("similarity", .decimal), .init("containment", .decimal),
                  .init("kind")])

    public static let removed = Dataset(
        name: "removed", recordElement: "paragraph",
        columns: [.init("doc_id"), .init("paragraph", .integer), .init("start", .integer), .init("end", .integer),
                  .init("rule"), .init("text")])

    static func row(_ document: Document, includeText: Bool) -> [FieldValue] {
        let cluster = document.duplicateCluster
        var row: [FieldValue] = [
            .text(document.docID), .text(document.sourcePath), .text(document.sha256), .integer(document.byteCount),
            .text(document.encoding), .text(document.format.rawValue), FieldValue(document.title),
            FieldValue(document.published), FieldValue(document.source), FieldValue(document.url),
            .integer(document.wordCount), FieldValue(cluster?.clusterID), FieldValue(cluster?.canonicalID),
            cluster.map { .decimal($0.similarity) } ?? .missing,
            names(document, .person), names(document, .organization), names(document, .location),
        ]
        if includeText { row.append(.text(document.text)) }
        return row
    }

    public static let entities = Dataset(
        name: "entities", recordElement: "entity",
        columns: [.init("doc_id"), .init("entity_id"), .init("type"), .init("mention"), .init("canonical"),
                  .init("start", .integer), .init("end", .integer), .init("sentence", .integer), .init("value")])

    public static let entitySummary = Dataset(
        name: "entity_summary", recordElement: "entity",
        columns: [.init("entity_id"), .init("type"), .init("name"), .init("aliases"), .init("documents", .integer),
                  .init("mentions", .integer), .init("first_published"), .init("last_published")])

    /// Every dataset's name, the stem of its files.
    static let names = [documents(includeText: true), rejects, duplicates, removed, entities, entitySummary].map(\.name)

    /// Canonical names of one type, one per entity, in order of first mention, `; `-separated.
    static func names(_ document: Document, _ kind: EntityMention.Kind) -> FieldValue {
        var seen = Set<String>()
        let names = document.entities.filter { $0.mention.kind == kind && seen.insert($0.entityID).inserted }.map(\.canonical)
        return names.isEmpty ? .missing : .text(names.joined(separator: "; "))
    }

    static func row(_ record: EntityRecord, of document: Document) -> [FieldValue] {
        [.text(document.docID), .text(record.entityID), .text(record.mention.kind.rawValue), .text(record.mention.text),
         .text(record.canonical), .integer(record.mention.start), .integer(record.mention.end), .integer(record.sentence),
         FieldValue(record.mention.value)]
    }

    static func row(_ paragraph: RemovedParagraph, of document: Document) -> [FieldValue] {
        [.text(document.docID), .integer(paragraph.index), .integer(paragraph.start), .integer(paragraph.end),
         .text(paragraph.rule), .text(paragraph.text)]
    }

    static func row(_ rejection: Rejection) -> [FieldValue] {
        [.text(rejection.path), .text(rejection.reason.rawValue), .text(rejection.detail)]
    }

    static func row(_ duplicate: DuplicateRecord) -> [FieldValue] {
        [.text(duplicate.docID), .text(duplicate.sourcePath), .text(duplicate.canonicalID), .text(duplicate.canonicalPath),
         FieldValue(duplicate.canonicalRun), .text(duplicate.clusterID), .decimal(duplicate.similarity),
         .decimal(duplicate.containment), .text(duplicate.kind)]
    }
}
