/// How the runner schedules a configured stage. Every stage is an immutable
/// value built from its JSON block; its role decides where the runner calls it.
public enum StageKind: Sendable {
    /// Turns one input file into a document or a rejection; runs on any worker.
    case decode(DecodeStage)
    /// Changes or rejects one document at a time; runs on any worker.
    case document(any DocumentStage)
    /// Must see every document before deciding about any (dedupe).
    case corpus(any CorpusStage)
    /// Receives every result in run order and writes the datasets; runs last.
    case export(ExportStage)
}

/// A stage that handles one document at a time, independently of all others.
///
/// Implementations must be pure functions of the document and their own
/// options: the runner calls them concurrently and relies on the result not
/// depending on which thread or in which order documents arrive.
public protocol DocumentStage: Sendable {
    func process(_ document: Document) -> DocumentOutcome
}

public enum DocumentOutcome: Sendable {
    case keep(Document)
    case reject(Rejection)
}

/// A stage that decides about documents only after seeing the whole corpus.
///
/// The runner calls `summarize` on worker threads, then feeds the summaries
/// to one collector in run order, then applies the collector's resolver to
/// every document again on worker threads. Summaries are what memory holds
/// per document, so keep them compact (a few hashes, a signature): the full
/// documents wait in a spool file on disk.
public protocol CorpusStage: Sendable {
    /// The stage's per-document work that needs no other document, done on
    /// the worker before `summarize`; what it returns is what is spooled
    /// and later resolved.
    func prepare(_ document: Document) -> Document
    func summarize(_ document: Document) -> CorpusSummary
    /// A fresh collector for one run.
    func makeCollector(context: CorpusContext) -> any CorpusCollector
}

extension CorpusStage {
    public func prepare(_ document: Document) -> Document { document }
}

/// What a corpus stage knows about the run it is part of.
public struct CorpusContext: Sendable {
    /// The files a stage keeps across runs; the runner owns where they live.
    public var state: StateStore
    /// `run-20261122T204500Z`: names the run in state other runs read.
    public var runID: String
    /// A full run: state that earlier runs left is not to be used.
    public var startsFresh: Bool
    /// Documents of inputs deleted since earlier runs: to be forgotten.
    public var withdrawnDocIDs: Set<String>

    public init(outputFolder: String, runID: String, startsFresh: Bool = false, withdrawnDocIDs: Set<String> = []) {
        state = StateStore(output: outputFolder)
        self.runID = runID
        self.startsFresh = startsFresh
        self.withdrawnDocIDs = withdrawnDocIDs
    }
}

/// What a corpus stage keeps of one document while it sees the corpus.
public struct CorpusSummary: Sendable, Equatable {
    public var hashes: [UInt64]
    /// The document's published date, for stages whose decisions depend on time.
    public var published: String?
    /// Names or keys the stage must compare as text, not by hash.
    public var strings: [String]

    public init(hashes: [UInt64], published: String? = nil, strings: [String] = []) {
        self.hashes = hashes
        self.published = published
        self.strings = strings
    }
}

/// Per-run state of a corpus stage; used on one thread.
public protocol CorpusCollector: AnyObject {
    /// Called once per document, in run order.
    func observe(_ summary: CorpusSummary, of document: Document, ordinal: Int)
    /// Called once after the last observation.
    func finish() -> any CorpusResolver
    /// Problems the run should report but that did not stop it (a corrupt
    /// state file that was set aside, say); read after `finish`.
    var warnings: [String] { get }
}

extension CorpusCollector {
    public var warnings: [String] { [] }
}

/// The corpus stage's decisions, applied to each document on any worker.
public protocol CorpusResolver: Sendable {
    func resolve(_ document: Document, ordinal: Int) -> CorpusOutcome
    /// Writes what later runs need under temporary names and adds them to
    /// the run's transaction, which puts them in place with the outputs.
    func persist(into transaction: OutputTransaction) throws
}

extension CorpusResolver {
    func persist(into transaction: OutputTransaction) throws {}
}

public enum CorpusOutcome: Sendable {
    case keep(Document)
    case reject(Rejection)
    /// A copy of another document; `keepInOutput` false drops it from `documents.*`.
    case duplicate(Document, DuplicateRecord, keepInOutput: Bool)
}
