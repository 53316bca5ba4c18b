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
    private let siteState: SiteState
    private var siteCounts = SiteState.Counts()
    private var documentsPerSource: [UInt64: Int] = [:]
    private var documentsPerParagraph: [UInt64: LearningState.Seen] = [:]
    private(set) var warnings: [String] = []

    init(stage: CleanStage, context: CorpusContext) {
        self.stage = stage
        state = LearningState(store: context.state)
        siteState = SiteState(store: context.state)
        guard !context.startsFresh else { return }
        switch siteState.load() {
        case .success(let counts): siteCounts = counts
        case .failure(.damaged(let detail)):
            warnings.append("site state \(siteState.file.path) is unreadable (\(detail)); learning site names and titles from this run only")
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
        if let site = summary.site { siteCounts.names[site.domain, default: [:]][site.name, default: 0] += 1 }
        for affix in summary.titleAffixes {
            siteCounts.titleAffixes[affix, default: LearningState.Seen(source: source, count: 0)].count += 1
        }
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
        // A site's name recurs in its titles whatever share of them carry it.
        let titleAffixes = Set(siteCounts.titleAffixes.filter { $0.value.count >= learning.minDocuments }.keys)
        let known = SourceKnowledge(paragraphs: learned, titleAffixes: titleAffixes, siteNames: siteCounts.names.compactMapValues(SiteState.choose))
        return Resolver(stage: stage, known: known, state: state, counts: counts, siteState: siteState, siteCounts: siteCounts)
    }

    private struct Resolver: CorpusResolver {
        let stage: CleanStage
        let known: SourceKnowledge
        let state: LearningState
        let counts: LearningState.Counts
        let siteState: SiteState
        let siteCounts: SiteState.Counts

        func persist(into transaction: OutputTransaction) throws {
            try state.save(counts, into: transaction)
            try siteState.save(siteCounts, into: transaction)
        }

        func revise(_ stored: Document) -> Document {
            var revised = stored
            if let domain = URLDomain.of(stored.canonicalURL) { revised.source = known.source(domain: domain, siteName: stored.siteName) }
            return revised
        }

        /// What `clean` reads of the knowledge, asked of this document: none
        /// of its paragraphs learned, its title stripped the same, its
        /// source named the same as with nothing learned.
        func resolvesAsAlone(_ document: Document, ordinal: Int) -> Bool {
            let learning = stage.learning
            let seed = learning.sourceSeed(document)
            if !known.paragraphs.isEmpty {
                for paragraph in Paragraph.split(document.text) {
                    let key = LineKey(paragraph.text)
                    if learning.isCandidate(key), known.paragraphs.contains(learning.paragraphHash(key, sourceSeed: seed)) { return false }
                }
            }
            let domain = URLDomain.of(document.canonicalURL)
            if document.format == .html, let title = document.title, !known.titleAffixes.isEmpty {
                let learned = TitleAffix.strip(title, siteName: document.siteName, domain: domain) { affix in
                    known.titleAffixes.contains(TitleAffix.hash(affix, learning: learning, sourceSeed: seed))
                }
                if learned != TitleAffix.strip(title, siteName: document.siteName, domain: domain, isLearned: { _ in false }) { return false }
            }
            if let domain, known.source(domain: domain, siteName: document.siteName)
                != SourceKnowledge.none.source(domain: domain, siteName: document.siteName) { return false }
            return true
        }

        func resolve(_ document: Document, ordinal: Int) -> CorpusOutcome {
            switch stage.clean(document, knowing: known) {
            case .keep(let cleaned): return .keep(cleaned)
            case .reject(let rejection): return .reject(rejection)
            }
        }
    }
}
