/// How far a run is, reported after each batch so a terminal can show a
/// progress bar; `phase` is `decode` or the corpus stage streaming its spool.
public struct RunProgress: Sendable, Equatable {
    public typealias Handler = (RunProgress) -> Void

    public var phase: String
    public var done: Int
    public var total: Int

    public init(phase: String, done: Int, total: Int) {
        self.phase = phase
        self.done = done
        self.total = total
    }
}
