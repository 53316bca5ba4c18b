/// Where one input file ended: the manifest lists one per input.
public struct FileOutcome: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case kept
        case duplicate
        case rejected
    }

    public var path: String
    public var sha256: String?
    public var kind: Kind
    public var docID: String?
    /// The canonical document of a duplicate.
    public var canonicalID: String?
    /// The reason of a rejection.
    public var reason: Rejection.Reason?
}
