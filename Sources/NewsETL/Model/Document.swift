/// One decoded report as it moves through the pipeline.
///
/// A plain value: stages return a changed copy rather than mutating shared
/// state, which is what lets the runner process documents on any thread.
public struct Document: Sendable, Equatable {
    /// Stable identifier derived from the path relative to the input folder,
    /// so the same file keeps its id across runs.
    public var docID: String
    /// Path relative to the input folder, with `/` separators.
    public var sourcePath: String
    /// SHA-256 of the file's bytes as read.
    public var sha256: String
    public var byteCount: Int
    /// Encoding the bytes were decoded from (`utf-8`, `utf-16le`, `windows-1252`, …).
    public var encoding: String
    public var format: SourceFormat
    public var title: String?
    /// ISO 8601 (`2022-01-11` or `2022-01-11T10:20`, with an offset when the source gave one).
    public var published: String?
    /// The evidence `published` comes from: `meta`, `json-ld`, `time`,
    /// `byline`, `url` (HTML) or `dateline` (plain text).
    public var publishedSource: String?
    /// The outlet: the site for HTML pages when the page names it, else the
    /// sub-folder of the input folder the file sits in.
    public var source: String?
    /// The page's canonical URL when an HTML page declares one.
    public var canonicalURL: String?
    /// The summary an HTML page gives of itself (meta description).
    public var description: String?
    /// The site's own name when the page gives one (`og:site_name`): the
    /// evidence the clean stage uses to name each domain's pages once.
    public var siteName: String?
    /// The people credited with the report, from the page's metadata or a byline.
    public var authors: [String] = []
    /// ISO 639-1 code of the text's language, `und` when undetermined;
    /// empty between decode and a later stage that identifies it
    /// (`DecodeStage.identifiesLanguage`).
    public var language: String = LanguageIdentifier.undetermined
    /// Clean Unicode text: NFC, LF line endings, paragraphs separated by blank lines.
    public var text: String
    public var wordCount: Int
    /// Set by the dedupe stage when the document belongs to a cluster of copies.
    public var duplicateCluster: DuplicateCluster?
    /// For HTML pages until the clean stage has run: the layout of each
    /// paragraph (non-empty line) of `text`, in order.
    public var blocks: [TextBlock]?
    /// Paragraphs the clean stage removed, with the rule that removed each.
    public var removed: [RemovedParagraph] = []
    /// Entity mentions found by the entities stage, in text order.
    public var entities: [EntityRecord] = []
    /// Work a stage bounded on this document (one line each, e.g. entities
    /// found in the first million words only). Not exported: the runner
    /// moves these into the run's warnings and the stage's `bounded` count.
    public var boundedWork: [String] = []

    public init(
        docID: String, sourcePath: String, sha256: String, byteCount: Int, encoding: String,
        format: SourceFormat, title: String?, published: String?, publishedSource: String? = nil, source: String?, canonicalURL: String?, description: String? = nil,
        text: String, wordCount: Int, duplicateCluster: DuplicateCluster? = nil, blocks: [TextBlock]? = nil
    ) {
        self.docID = docID
        self.sourcePath = sourcePath
        self.sha256 = sha256
        self.byteCount = byteCount
        self.encoding = encoding
        self.format = format
        self.title = title
        self.published = published
        self.publishedSource = publishedSource
        self.source = source
        self.canonicalURL = canonicalURL
        self.description = description
        self.text = text
        self.wordCount = wordCount
        self.duplicateCluster = duplicateCluster
        self.blocks = blocks
    }
}

/// What kind of file a document was decoded from.
public enum SourceFormat: String, Sendable, Equatable, CaseIterable {
    case text
    case html
}

/// Membership of a document in a cluster of copies of one report.
public struct DuplicateCluster: Sendable, Equatable {
    public var clusterID: String
    public var canonicalID: String
    /// Similarity to the canonical document, 1 for the canonical itself.
    public var similarity: Double

    public init(clusterID: String, canonicalID: String, similarity: Double) {
        self.clusterID = clusterID
        self.canonicalID = canonicalID
        self.similarity = similarity
    }
}
