/// A non-canonical document and the canonical document it copies.
public struct DuplicateRecord: Sendable, Equatable {
    public var docID: String
    public var sourcePath: String
    public var canonicalID: String
    public var canonicalPath: String
    public var clusterID: String
    public var similarity: Double
    /// How the copy was recognised (`exact`: same normalised text).
    public var kind: String

    public init(docID: String, sourcePath: String, canonicalID: String, canonicalPath: String,
                clusterID: String, similarity: Double, kind: String) {
        self.docID = docID
        self.sourcePath = sourcePath
        self.canonicalID = canonicalID
        self.canonicalPath = canonicalPath
        self.clusterID = clusterID
        self.similarity = similarity
        self.kind = kind
    }
}
