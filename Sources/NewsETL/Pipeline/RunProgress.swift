/// How far a run is, reported after each batch so a terminal can show a
/// progress bar; `phase` is `decode` or the corpus stage streaming its spool,
/// one of `phases`, the run's phases in order.
public struct RunProgress: Sendable, Equatable {
    public typealias Handler = (RunProgress) -> Void

    public var phase: String
    public var done: Int
    public var total: Int
    public var phases: [String]

    public init(phase: String, done: Int, total: Int, phases: [String]? = nil) {
        self.phase = phase
        self.done = done
        self.total = total
        self.phases = phases ?? [phase]
    }

    /// 1-based position of `phase` in `phases`.
    public var phaseNumber: Int { (phases.firstIndex(of: phase) ?? 0) + 1 }
}
