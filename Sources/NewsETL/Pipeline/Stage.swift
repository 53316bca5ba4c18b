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

    /// The stage, when it has models to load ahead of its first document.
    var modelLoading: (any ModelLoadingStage)? {
        switch self {
        case .document(let stage): stage as? any ModelLoadingStage
        case .corpus(let stage): stage as? any ModelLoadingStage
        case .decode, .export: nil
        }
    }

    /// What the stage declares it fills and keeps.
    public var outputs: StageOutputs {
        switch self {
        case .decode(let stage): stage.outputs
        case .document(let stage): stage.outputs
        case .corpus(let stage): stage.outputs
        case .export: StageOutputs()
        }
    }
}

/// What a stage fills besides changing documents, declared by the stage so
/// the runner needs no knowledge of particular stages: the datasets it adds
/// (written only when an enabled stage fills them), the `documents` columns
/// it sets, and the files it keeps in the state folder across runs.
public struct StageOutputs: Sendable, Equatable {
    /// Datasets beyond documents, rejects and duplicates (which every run writes).
    public var datasets: [String] = []
    public var documentColumns: [String] = []
    /// Paths relative to the output folder.
    public var stateFiles: [String] = []

    public init(datasets: [String] = [], documentColumns: [String] = [], stateFiles: [String] = []) {
        self.datasets = datasets
        self.documentColumns = documentColumns
        self.stateFiles = stateFiles
    }
}

/// A stage whose work needs models or tables loaded once per process (the
/// entity tagger, its word clusters and gazetteers: tens of milliseconds):
/// a run starts `loadModels` on a background thread before it plans, so
/// that the first document finds them loaded rather than waiting.
public protocol ModelLoadingStage: Sendable {
    func loadModels()
}

/// A stage that handles one document at a time, independently of all others.
///
/// Implementations must be pure functions of the document and their own
/// options: the runner calls them concurrently and relies on the result not
/// depending on which thread or in which order documents arrive.
public protocol DocumentStage: Sendable {
    var outputs: StageOutputs { get }
    func process(_ document: Document) -> DocumentOutcome
}

public enum DocumentOutcome: Sendable {
    case keep(Document)
    case reject(Rejection)
}

/// A stage that decides about documents only after seeing the whole corpus,
/// in three steps: *summarise* each document on any worker (`summarize`,
/// after the stage's own per-document work in `prepare`), *combine* the
/// summaries in run order in one collector, which `finish`es into a
/// resolver, then *resolve* each document on any worker.
///
/// A summary is what memory holds per document while the corpus streams
/// by, so keep it compact (a few hashes, a signature): the full documents
/// wait in a spool file on disk. Its type is the stage's own (`Summary`);
/// the runner carries it without looking inside.
public protocol CorpusStage<Summary>: Sendable {
    associatedtype Summary: Sendable
    var outputs: StageOutputs { get }
    /// The stage's per-document work that needs no other document, done on
    /// the worker before `summarize`; what it returns is what is spooled
    /// and later resolved.
    func prepare(_ document: Document) -> Document
    func summarize(_ document: Document) -> Summary
    /// A fresh collector for one run.
    func makeCollector(context: CorpusContext) -> any CorpusCollector<Summary>
    /// The outcome a document gets when the rest of the corpus teaches the
    /// stage nothing about it (clean with nothing learned, dedupe with no
    /// copy), or nil when the stage cannot say without the corpus. A shard
    /// works ahead on that guess; the merge uses its work only where the
    /// resolver confirms it (`CorpusResolver.resolvesAsAlone`).
    func resolveAlone(_ document: Document) -> DocumentOutcome?
}

extension CorpusStage {
    public func prepare(_ document: Document) -> Document { document }
    public func resolveAlone(_ document: Document) -> DocumentOutcome? { nil }
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

/// Per-run state of a corpus stage: combines the summaries; used on one thread.
public protocol CorpusCollector<Summary>: AnyObject {
    associatedtype Summary
    /// Called once per document, in run order.
    func observe(_ summary: Summary, of document: Document, ordinal: Int)
    /// Called once after the last observation; throws when the stage
    /// cannot decide (its scratch data on disk unreadable), which stops the run.
    func finish() throws -> any CorpusResolver
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
    /// Whether `resolve` gives this document exactly the stage's
    /// `resolveAlone` outcome: the corpus taught nothing that touches it.
    /// False is always safe (the document is resolved again).
    func resolvesAsAlone(_ document: Document, ordinal: Int) -> Bool
    /// A document an earlier run kept, brought in line with what this run
    /// learned of the whole corpus (a name's type, a site's name), so that
    /// the cumulative dataset reads as if processed in one run. Called
    /// while the cumulative files are written; nothing else is redone.
    func revise(_ stored: Document) -> Document
}

extension CorpusResolver {
    public func resolvesAsAlone(_ document: Document, ordinal: Int) -> Bool { false }
    func persist(into transaction: OutputTransaction) throws {}
    public func revise(_ stored: Document) -> Document { stored }
}

public enum CorpusOutcome: Sendable {
    case keep(Document)
    case reject(Rejection)
    /// A copy of another document; `keepInOutput` false drops it from `documents.*`.
    case duplicate(Document, DuplicateRecord, keepInOutput: Bool)
}
