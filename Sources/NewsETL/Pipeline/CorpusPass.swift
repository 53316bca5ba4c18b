/// A corpus stage as the runner drives it through one run, with the stage's
/// summary type out of sight: the runner moves summaries from the workers
/// to the collector without knowing what they are.
extension CorpusStage {
    /// The worker's part: the stage's own work on the document, then its summary.
    func prepareAndSummarize(_ document: Document) -> (document: Document, summary: any Sendable) {
        let prepared = prepare(document)
        return (prepared, summarize(prepared))
    }

    /// The summary alone, for a document a shard already prepared.
    func summarizeAny(_ document: Document) -> any Sendable { summarize(document) }

    /// The collecting part, for the runner's thread.
    func makePass(context: CorpusContext) -> any CorpusPass {
        TypedCorpusPass(collector: makeCollector(context: context))
    }
}

/// One run's collector of one corpus stage, behind a type the runner can hold.
protocol CorpusPass: AnyObject {
    /// `summary` is what this stage's `prepareAndSummarize` returned for the document.
    func observe(_ summary: any Sendable, of document: Document, ordinal: Int)
    func finish() throws -> any CorpusResolver
    var warnings: [String] { get }
}

private final class TypedCorpusPass<Summary>: CorpusPass {
    private let collector: any CorpusCollector<Summary>

    init(collector: any CorpusCollector<Summary>) {
        self.collector = collector
    }

    func observe(_ summary: any Sendable, of document: Document, ordinal: Int) {
        // Summaries reach the pass of the stage that made them: the type is the stage's own by construction.
        collector.observe(summary as! Summary, of: document, ordinal: ordinal)
    }

    func finish() throws -> any CorpusResolver { try collector.finish() }
    var warnings: [String] { collector.warnings }
}
