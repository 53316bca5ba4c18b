/// Where one input file ended: the manifest lists one per input.
public struct FileOutcome: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case kept
        case duplicate
        case rejected
    }

    public var path: String
    public var sha256: String? {
        get { packedSHA256?.text }
        set { packedSHA256 = newValue.map(HexText.init) }
    }
    public var kind: Kind
    public var docID: String? {
        get { packedDocID?.text }
        set { packedDocID = newValue.map(HexText.init) }
    }
    /// The canonical document of a duplicate.
    public var canonicalID: String? {
        get { packedCanonicalID?.text }
        set { packedCanonicalID = newValue.map(HexText.init) }
    }
    /// The reason of a rejection.
    public var reason: Rejection.Reason?

    // A run keeps one outcome per input until it publishes: digests and ids as their value.
    private var packedSHA256: HexText?
    private var packedDocID: HexText?
    private var packedCanonicalID: HexText?

    public init(path: String, sha256: String? = nil, kind: Kind, docID: String? = nil, canonicalID: String? = nil,
                reason: Rejection.Reason? = nil) {
        self.path = path
        self.kind = kind
        self.reason = reason
        self.sha256 = sha256
        self.docID = docID
        self.canonicalID = canonicalID
    }
}
