/// Boilerplate learned per source: a short paragraph that recurs in many
/// documents of the same source (site, or sub-folder for plain text) is the
/// source's chrome, not anyone's article.
///
/// Only paragraphs of at most `maxWords` words are candidates, so that the
/// shared paragraphs of a story's updates and syndicated copies are never
/// learned as boilerplate.
public struct SourceLearning: Sendable, Equatable {
    public var enabled = true
    /// A paragraph must appear in at least this many documents of the source…
    public var minDocuments = 4
    /// …and in at least this share of them.
    public var minShare = 0.3
    public var maxWords = 20

    public init() {}

    init(options: OptionReader) {
        enabled = options.bool("enabled", default: true)
        minDocuments = options.integer("min_documents", default: 4, range: 2...1_000_000)
        minShare = options.number("min_share", default: 0.3, range: 0...1)
        maxWords = options.integer("max_words", default: 20, range: 1...10_000)
        options.finish()
    }

    func isCandidate(_ key: LineKey) -> Bool {
        !(key.wordCount == 0) && key.wordCount <= maxWords
    }

    /// The hash every paragraph key of the document's source starts from:
    /// the page's domain, else the source decode gave (the sub-folder).
    func sourceSeed(_ document: Document) -> UInt64 {
        let source = URLDomain.of(document.canonicalURL) ?? document.source ?? ""
        return StableHash.fnv1a(Array("source:\(source)".utf8) + [0])
    }

    func paragraphHash(_ key: LineKey, sourceSeed: UInt64) -> UInt64 {
        StableHash.fnv1a(key.bytes, seed: sourceSeed)
    }
}

/// Counts, per source, in how many documents each candidate paragraph
/// appears, then hands the clean stage the set it learned. The counts of
/// earlier runs come from the state folder (`clean-learning.bin`) and this
/// run's are added to them, so a night with a few new reports of a source
/// still knows the source's chrome.
final class SourceBoilerplateCollector: CorpusCollector {
    private let stage: CleanStage
    private let state: LearningState
    private let siteNameState: SiteNames
    private var siteNameCounts = SiteNames.Counts()
    private var documentsPerSource: [UInt64: Int] = [:]
    private var documentsPerParagraph: [UInt64: LearningState.Seen] = [:]
    private(set) var warnings: [String] = []

    init(stage: CleanStage, context: CorpusContext) {
        self.stage = stage
        state = LearningState(store: context.state)
        siteNameState = SiteNames(store: context.state)
        guard !context.startsFresh else { return }
        switch siteNameState.load() {
        case .success(let counts): siteNameCounts = counts
        case .failure(.damaged(let detail)):
            warnings.append("site names state \(siteNameState.file.path) is unreadable (\(detail)); naming sites from this run only")
        case .failure(.missing): break
        }
        switch state.load() {
        case .success(let counts):
            documentsPerSource = counts.sources
            documentsPerParagraph = counts.paragraphs
        case .failure(.damaged(let detail)):
            warnings.append("clean learning state \(state.file.path) is unreadable (\(detail)); learning from this run only")
        case .failure(.missing):
            break
        }
    }

    func observe(_ summary: CleanStage.Summary, of document: Document, ordinal: Int) {
        let source = summary.source
        documentsPerSource[source, default: 0] += 1
        if let site = summary.site { siteNameCounts[site.domain, default: [:]][site.name, default: 0] += 1 }
        for paragraph in summary.paragraphs {
            documentsPerParagraph[paragraph, default: LearningState.Seen(source: source, count: 0)].count += 1
        }
    }

    func finish() -> any CorpusResolver {
        let learning = stage.learning
        var learned = Set<UInt64>()
        for (paragraph, seen) in documentsPerParagraph {
            let sourceSize = documentsPerSource[seen.source] ?? 0
            if seen.count >= learning.minDocuments && Double(seen.count) >= learning.minShare * Double(sourceSize) {
                learned.insert(paragraph)
            }
        }
        let counts = LearningState.Counts(sources: documentsPerSource, paragraphs: documentsPerParagraph)
        documentsPerParagraph = [:]
        return Resolver(stage: stage, learned: learned, state: state, counts: counts,
                        siteNames: siteNameCounts.compactMapValues(SiteNames.choose), siteNameState: siteNameState, siteNameCounts: siteNameCounts)
    }

    private struct Resolver: CorpusResolver {
        let stage: CleanStage
        let learned: Set<UInt64>
        let state: LearningState
        let counts: LearningState.Counts
        let siteNames: [String: String]
        let siteNameState: SiteNames
        let siteNameCounts: SiteNames.Counts

        func persist(into transaction: OutputTransaction) throws {
            try state.save(counts, into: transaction)
            try siteNameState.save(siteNameCounts, into: transaction)
        }

        func resolve(_ document: Document, ordinal: Int) -> CorpusOutcome {
            switch stage.clean(document, learned: learned, siteNames: siteNames) {
            case .keep(let cleaned): return .keep(cleaned)
            case .reject(let rejection): return .reject(rejection)
            }
        }
    }
}
