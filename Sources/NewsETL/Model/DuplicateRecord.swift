/// A non-canonical document and the canonical document it copies.
public struct DuplicateRecord: Sendable, Equatable {
    public var docID: String
    public var sourcePath: String
    public var canonicalID: String
    public var canonicalPath: String
    /// The earlier run that kept the canonical document; nil when it is in this run.
    public var canonicalRun: String?
    public var clusterID: String
    /// Estimated Jaccard similarity of the two documents' word shingles.
    public var similarity: Double
    /// Estimated share of the smaller document's shingles inside the larger.
    public var containment: Double
    /// `exact` (same normalised words) or `near`.
    public var kind: String

    public init(docID: String, sourcePath: String, canonicalID: String, canonicalPath: String, canonicalRun: String? = nil,
                clusterID: String, similarity: Double, containment: Double, kind: String) {
        self.docID = docID
        self.sourcePath = sourcePath
        self.canonicalID = canonicalID
        self.canonicalPath = canonicalPath
        self.canonicalRun = canonicalRun
        self.clusterID = clusterID
        self.similarity = similarity
        self.containment = containment
        self.kind = kind
    }
}
