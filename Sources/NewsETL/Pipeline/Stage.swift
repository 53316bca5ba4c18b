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
public protocol CorpusStage: Sendable {
    /// A fresh collector for one run; the runner feeds it on one thread.
    func makeCollector() -> any CorpusCollector
}

/// Per-run state of a corpus stage. The runner calls `observe` for every
/// document in run order, then `finishObserving` once, then `resolve` for every
/// document again in run order. Keep only a compact summary per document
/// (a hash, a signature): the runner streams the full documents from disk.
public protocol CorpusCollector: AnyObject {
    func observe(_ document: Document, ordinal: Int)
    func finishObserving()
    func resolve(_ document: Document, ordinal: Int) -> CorpusOutcome
}

public enum CorpusOutcome: Sendable {
    case keep(Document)
    /// A copy of another document; `keepInOutput` false drops it from `documents.*`.
    case duplicate(Document, DuplicateRecord, keepInOutput: Bool)
}
