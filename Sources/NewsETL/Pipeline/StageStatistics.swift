/// What one stage did in a run.
public struct StageStatistics: Sendable, Equatable {
    public var name: String
    public var enabled: Bool
    public var input = 0
    public var output = 0
    public var rejected = 0
    public var duplicates = 0
    /// Documents on which the stage bounded its work (see `Document.boundedWork`).
    public var bounded = 0
    /// Time spent inside the stage, summed over workers.
    public var busySeconds = 0.0

    public init(name: String, enabled: Bool) {
        self.name = name
        self.enabled = enabled
    }
}
