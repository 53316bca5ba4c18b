/// What written documents add up to, for the manifest: one place that
/// counts, used for a run's new rows and for the cumulative dataset alike.
public struct DatasetCounts: Sendable, Equatable {
    public var documents = 0
    /// Entity mentions in the written documents.
    public var entityMentions = 0
    /// Paragraphs the clean stage removed from written documents, per rule.
    public var removalsByRule: [String: Int] = [:]
    /// Written documents per `language` code; the entity tagger reads only `en` and `und`.
    public var documentsByLanguage: [String: Int] = [:]

    public init() {}

    mutating func add(_ document: Document) {
        documents += 1
        entityMentions += document.entities.count
        for run in document.removed.runsByRule { removalsByRule[run.rule, default: 0] += run.paragraphs.count }
        documentsByLanguage[document.language, default: 0] += 1
    }
}
