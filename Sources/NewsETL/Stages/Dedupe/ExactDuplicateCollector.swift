/// Per-run state of the dedupe stage: one content key and one date per
/// document, then the cluster each document belongs to.
final class ExactDuplicateCollector: CorpusCollector {
    private struct Member: Sendable {
        var ordinal: Int
        var docID: String
        var sourcePath: String
        var published: String?
    }

    private let action: DedupeStage.Action
    private var keyOfOrdinal: [Int: [UInt64]] = [:]
    private var members: [[UInt64]: [Member]] = [:]

    init(action: DedupeStage.Action) {
        self.action = action
    }

    func observe(_ summary: CorpusSummary, of document: Document, ordinal: Int) {
        keyOfOrdinal[ordinal] = summary.hashes
        members[summary.hashes, default: []].append(
            Member(ordinal: ordinal, docID: document.docID, sourcePath: document.sourcePath, published: summary.published))
    }

    func finish() -> any CorpusResolver {
        var canonicalOfOrdinal: [Int: Member] = [:]
        for group in members.values where group.count > 1 {
            let canonical = group.min { ExactDuplicateCollector.earlier($0, $1) }!
            for member in group { canonicalOfOrdinal[member.ordinal] = canonical }
        }
        members = [:]
        keyOfOrdinal = [:]
        return Resolver(action: action, canonicalOfOrdinal: canonicalOfOrdinal)
    }

    /// Earliest published first (ISO dates sort as text; undated last), then run order.
    private static func earlier(_ left: Member, _ right: Member) -> Bool {
        switch (left.published, right.published) {
        case let (l?, r?) where l != r: return l < r
        case (.some, nil): return true
        case (nil, .some): return false
        default: return left.ordinal < right.ordinal
        }
    }

    private struct Resolver: CorpusResolver {
        let action: DedupeStage.Action
        let canonicalOfOrdinal: [Int: Member]

        func resolve(_ document: Document, ordinal: Int) -> CorpusOutcome {
            guard let canonical = canonicalOfOrdinal[ordinal] else { return .keep(document) }
            var annotated = document
            let clusterID = "cluster-" + canonical.docID.dropFirst("doc-".count)
            annotated.duplicateCluster = DuplicateCluster(clusterID: clusterID, canonicalID: canonical.docID, similarity: 1)
            if canonical.ordinal == ordinal { return .keep(annotated) }
            let record = DuplicateRecord(
                docID: document.docID, sourcePath: document.sourcePath, canonicalID: canonical.docID,
                canonicalPath: canonical.sourcePath, clusterID: clusterID, similarity: 1, kind: "exact")
            return .duplicate(annotated, record, keepInOutput: action == .mark)
        }
    }
}
