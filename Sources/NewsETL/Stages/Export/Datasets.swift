/// Every dataset NewsETL writes, declared once: each column's name, type,
/// unit, whether it can be empty, a one-line description, and the code
/// that fills it from a record. Adding a column is one entry here plus the
/// stage code that sets the value (`docs/ARCHITECTURE.md`).
public enum Datasets {
    /// A row of a dataset about part of a document (a mention, a removed
    /// paragraph): the part and its document's id.
    struct Located<Item: Sendable>: Sendable {
        var item: Item
        var docID: String
    }

    static let documentsLayout = RowLayout<Document>(
        name: "documents", recordElement: "document", key: ["doc_id"],
        description: "One row per kept report (and per marked copy when dedupe marks rather than drops).",
        fields: [
            .init("doc_id", .string, example: "doc-87eda6bc79213604", domain: .docID, "Stable id from the path relative to the input folder; the same file keeps it across runs.") { .text($0.docID) },
            .init("source_path", .string, example: "wire/valmora-flood-wire.txt", "Path of the input file relative to the input folder, `/`-separated; bytes that are not UTF-8 as %XX.") { .text($0.sourcePath) },
            .init("sha256", .string, example: "5dec96da07489bcbf75122b89a9c2592d4a533c1b9affd25b51c0b1ee3d70653", domain: .sha256, "SHA-256 of the file's bytes as read, lower-case hex.") { .text($0.sha256) },
            .init("bytes", .integer, example: "1554", unit: "bytes", domain: .count, "Size of the input file.") { .integer($0.byteCount) },
            .init("encoding", .string, example: "utf-8", "Encoding the bytes were decoded from (utf-8, utf-16le, windows-1252, …).") { .text($0.encoding) },
            .init("format", .string, example: "html", domain: .sourceFormat, "What the file was read as: text or html.") { .text($0.format.rawValue) },
            .init("title", .string, example: "Storm surge floods Valmora harbour, 4,200 evacuated", nullable: true, "The report's headline, when the file gives one.") { FieldValue($0.title) },
            .init("published_date", .date, example: "2025-03-04", nullable: true, domain: .calendarDate, "Publication date as the source states it, YYYY-MM-DD; empty without evidence.") { FieldValue(PublicationTime.date($0.published)) },
            .init("published_at", .timestamp, example: "2025-03-04T10:20:00Z", nullable: true, domain: .utcTimestamp, "Publication time in UTC (RFC 3339, …Z), only when the source gives a time with its offset.") { FieldValue(PublicationTime.utc($0.published)) },
            .init("published_source", .string, example: "meta", nullable: true, domain: .dateEvidence, "The evidence of the date: meta, json-ld, time, byline, url or dateline.") { FieldValue($0.publishedSource) },
            .init("source", .string, example: "Valmora Gazette", nullable: true, "The outlet, one name per domain: the og:site_name most of the domain's pages give, else the domain; for plain text the input sub-folder.") { FieldValue($0.source) },
            .init("canonical_url", .string, example: "https://gazette.valmora.example/news/2025/03/04/storm-surge", nullable: true, "The page's canonical URL (link rel=canonical, else og:url), absolute, without #fragment.") { FieldValue($0.canonicalURL) },
            .init("domain", .string, example: "gazette.valmora.example", nullable: true, "The canonical URL's host, lower case, without www. (example.co.uk): the site, to group by.") { FieldValue(URLDomain.of($0.canonicalURL)) },
            .init("language", .string, example: "en", domain: .languageCode, "ISO 639-1 code of the text's language (CLD2), und when undetermined; three letters for the few languages without a two-letter code.") { .text($0.language) },
            .init("authors", .list, example: "Anders Holm; Mira Lund", nullable: true, "The people credited (meta author, JSON-LD author, else a By-line), `; `-separated, without By.") { document in
                document.authors.isEmpty ? .missing : .text(document.authors.joined(separator: "; ")) },
            .init("description", .string, example: "The first ferry left Valmora on Thursday morning.", nullable: true, "The summary a page gives of itself (meta description, else og: or twitter:description).") { FieldValue($0.description) },
            .init("word_count", .integer, example: "183", unit: "words", domain: .count, "Words of the clean text: whitespace-separated words, each Chinese or Japanese character counting as one.") { .integer($0.wordCount) },
            .init("cluster_id", .string, example: "cluster-87eda6bc79213604", nullable: true, "The cluster of copies the report belongs to, if any.") { FieldValue($0.duplicateCluster?.clusterID) },
            .init("canonical_id", .string, example: "doc-87eda6bc79213604", nullable: true, domain: .docID, "The doc_id of the cluster's canonical report.") { FieldValue($0.duplicateCluster?.canonicalID) },
            .init("similarity", .number, example: "0.6875", unit: "Jaccard", nullable: true, domain: .fraction, "Estimated similarity to the canonical report, 1 for the canonical itself.") { document in
                document.duplicateCluster.map { .decimal($0.similarity) } ?? .missing },
            .init("people", .list, example: "Ilse Brandvik; Anders Holm", nullable: true, "Canonical names of the people mentioned, in order of first mention.") { Datasets.names($0, .person) },
            .init("organizations", .list, example: "Kestrel Coast Guard", nullable: true, "Canonical names of the organisations mentioned, in order of first mention.") { Datasets.names($0, .organization) },
            .init("places", .list, example: "Valmora; United States", nullable: true, "Canonical names of the places mentioned, in order of first mention.") { Datasets.names($0, .location) },
            .init("text", .string, example: "A storm surge flooded the harbour district of Valmora on Tuesday morning.", nullable: true, "The clean text: NFC, LF line endings, paragraphs separated by a blank line; left out with include_text false.") { .text($0.text) },
        ])

    static let rejectsLayout = RowLayout<Rejection>(
        name: "rejects", recordElement: "reject", key: ["path"],
        description: "One row per input file that did not become a document, with the reason.",
        fields: [
            .init("path", .string, example: "broken/empty.txt", "Path of the input file relative to the input folder.") { .text($0.path) },
            .init("reason", .string, example: "empty", domain: .rejectReason, "Why the file was rejected, one of a closed set.") { .text($0.reason.rawValue) },
            .init("detail", .string, example: "the file is empty (0 bytes)", "One line a person can act on.") { .text($0.detail) },
        ])

    static let duplicatesLayout = RowLayout<DuplicateRecord>(
        name: "duplicates", recordElement: "duplicate", key: ["doc_id"],
        description: "One row per report found to be a copy of another, pointing at its canonical report.",
        fields: [
            .init("doc_id", .string, example: "doc-1b0c6e1f3d2a4b59", domain: .docID, "The copy's id.") { .text($0.docID) },
            .init("source_path", .string, example: "syndicated/metro-times-valmora.txt", "The copy's path relative to the input folder.") { .text($0.sourcePath) },
            .init("canonical_id", .string, example: "doc-87eda6bc79213604", domain: .docID, "The doc_id of the report it copies.") { .text($0.canonicalID) },
            .init("canonical_path", .string, example: "wire/valmora-flood-wire.txt", "The canonical report's path relative to the input folder.") { .text($0.canonicalPath) },
            .init("canonical_run", .string, example: "run-20250304T020000Z", nullable: true, "The earlier run that kept the canonical report, when it was not this run.") { FieldValue($0.canonicalRun) },
            .init("cluster_id", .string, example: "cluster-87eda6bc79213604", "The cluster of copies.") { .text($0.clusterID) },
            .init("similarity", .number, example: "0.6875", unit: "Jaccard", domain: .fraction, "Estimated Jaccard similarity of the two texts' shingles.") { .decimal($0.similarity) },
            .init("containment", .number, example: "0.93", unit: "share", domain: .fraction, "Share of the smaller text's shingles found in the larger.") { .decimal($0.containment) },
            .init("kind", .string, example: "near", domain: .duplicateKind, "exact (same clean text), near, or update (a later version of the report with changed figures, published within a day of the canonical).") { .text($0.kind) },
        ])

    static let removedLayout = RowLayout<Located<RemovedParagraph>>(
        name: "removed", recordElement: "paragraph", key: ["doc_id", "paragraph"],
        description: "One row per paragraph the clean stage removed, with the rule that removed it (keep_removed).",
        fields: [
            .init("doc_id", .string, example: "doc-87eda6bc79213604", domain: .docID, references: "documents.doc_id", "The document the paragraph was removed from.") { .text($0.docID) },
            .init("paragraph", .integer, example: "3", domain: .count, "Position of the paragraph in the decoded text, from 0.") { .integer($0.item.index) },
            .init("start", .integer, example: "412", unit: "code points", domain: .count, "Offset of the paragraph in the decoded text.") { .integer($0.item.start) },
            .init("end", .integer, example: "425", unit: "code points", domain: .count, "End offset (exclusive) in the decoded text.") { .integer($0.item.end) },
            .init("rule", .string, example: "comments", "The rule that removed it (comments, teaser, learned:source, …).") { .text($0.item.rule) },
            .init("text", .string, example: "Leave a Reply", "The removed paragraph.") { .text($0.item.text) },
        ])

    static let entitiesLayout = RowLayout<Located<EntityRecord>>(
        name: "entities", recordElement: "entity", key: ["doc_id", "start"],
        description: "One row per entity mention in a written document, in text order.",
        fields: [
            .init("doc_id", .string, example: "doc-87eda6bc79213604", domain: .docID, references: "documents.doc_id", "The document of the mention.") { .text($0.docID) },
            .init("entity_id", .string, example: "ent-71fe78abb84f", domain: .entityID, references: "entity_summary.entity_id", "The entity the mention names: the same id for every spelling of one entity.") { .text($0.item.entityID) },
            .init("type", .string, example: "MONEY", domain: .entityType, "PER, ORG, LOC, MISC, DATE, TIME, MONEY, PERCENT or QUANTITY.") { .text($0.item.mention.kind.rawValue) },
            .init("mention", .string, example: "£1.2m", "The mention exactly as written in the clean text.") { .text($0.item.mention.text) },
            .init("canonical", .string, example: "£1.2m", "The entity's canonical name.") { .text($0.item.canonical) },
            .init("start", .integer, example: "120", unit: "code points", domain: .count, "Offset of the mention in the clean text.") { .integer($0.item.mention.start) },
            .init("end", .integer, example: "125", unit: "code points", domain: .count, "End offset (exclusive) in the clean text.") { .integer($0.item.mention.end) },
            .init("sentence", .integer, example: "2", domain: .count, "Sentence of the mention, from 0.") { .integer($0.item.sentence) },
            .init("value", .string, example: "1200000", nullable: true, "A normalised value: ISO 8601 for dates and times, a plain decimal number for amounts (600000000 for £600m).") { FieldValue($0.item.mention.value) },
            .init("unit", .string, example: "GBP", nullable: true, "What value counts: the ISO 4217 currency of MONEY when the text names one, % for PERCENT, the unit or things counted for QUANTITY.") { FieldValue($0.item.mention.unit) },
        ])

    static let entitySummaryLayout = RowLayout<EntitySummary.Row>(
        name: "entity_summary", recordElement: "entity", key: ["entity_id"],
        description: "One row per entity across all written documents.",
        fields: [
            .init("entity_id", .string, example: "ent-52b31c8d3b28", domain: .entityID, "The entity's id, as in entities.") { .text($0.entityID) },
            .init("type", .string, example: "PER", domain: .entityType, "The entity's type.") { .text($0.type) },
            .init("name", .string, example: "Ilse Brandvik", "The most used canonical name.") { .text($0.name) },
            .init("aliases", .list, example: "Brandvik", "Other spellings found in the text.") { .text($0.aliases) },
            .init("documents", .integer, example: "9", unit: "documents", domain: .count, "Kept documents that mention it (unique reports and the canonical report of each cluster).") { .integer($0.documents) },
            .init("copies", .integer, example: "3", unit: "documents", domain: .count, "Marked copies of other reports that mention it (dedupe action mark); not in documents.") { .integer($0.copies) },
            .init("mentions", .integer, example: "23", unit: "mentions", domain: .positiveCount, "Mentions in the kept documents and the copies.") { .integer($0.mentions) },
            .init("first_published", .date, example: "2025-03-04", nullable: true, domain: .calendarDate, "Earliest publication date of those documents, YYYY-MM-DD.") { FieldValue(PublicationTime.date($0.firstPublished)) },
            .init("last_published", .date, example: "2025-03-07", nullable: true, domain: .calendarDate, "Latest publication date of those documents, YYYY-MM-DD.") { FieldValue(PublicationTime.date($0.lastPublished)) },
        ])

    /// `documents`, without `text` when the export leaves it out.
    static func documents(includeText: Bool) -> RowLayout<Document> {
        includeText ? documentsLayout : documentsLayout.dropping(["text"])
    }

    /// Every dataset, in the order a run writes them.
    public static let all: [Dataset] = [
        documentsLayout.dataset, rejectsLayout.dataset, duplicatesLayout.dataset, removedLayout.dataset,
        entitiesLayout.dataset, entitySummaryLayout.dataset,
    ]

    /// Every dataset's name, the stem of its files.
    static let names = all.map(\.name)

    /// Canonical names of one type, one per entity, in order of first mention, `; `-separated.
    static func names(_ document: Document, _ kind: EntityMention.Kind) -> FieldValue {
        var seen = Set<String>()
        let names = document.entities.filter { $0.mention.kind == kind && seen.insert($0.entityID).inserted }.map(\.canonical)
        return names.isEmpty ? .missing : .text(names.joined(separator: "; "))
    }
}
