/// Per-run state of the dedupe stage: one content key and one date per
/// document, then the cluster each document belongs to.
final class ExactDuplicateCollector: CorpusCollector {
    private struct Member {
        var ordinal: Int
        var docID: String
        var sourcePath: String
        var published: String?
    }

    private let action: DedupeStage.Action
    private var keyOfOrdinal: [Int: String] = [:]
    private var members: [String: [Member]] = [:]
    private var canonicalOfKey: [String: Member] = [:]

    init(action: DedupeStage.Action) {
        self.action = action
    }

    func observe(_ document: Document, ordinal: Int) {
        let key = DedupeStage.contentKey(document.text)
        keyOfOrdinal[ordinal] = key
        members[key, default: []].append(
            Member(ordinal: ordinal, docID: document.docID, sourcePath: document.sourcePath, published: document.published))
    }

    func finishObserving() {
        for (key, group) in members where group.count > 1 {
            canonicalOfKey[key] = group.min { earlier($0, $1) }
        }
        members = [:]
    }

    func resolve(_ document: Document, ordinal: Int) -> CorpusOutcome {
        guard let key = keyOfOrdinal[ordinal], let canonical = canonicalOfKey[key] else { return .keep(document) }
        var annotated = document
        let clusterID = "cluster-" + canonical.docID.dropFirst("doc-".count)
        annotated.duplicateCluster = DuplicateCluster(clusterID: clusterID, canonicalID: canonical.docID, similarity: 1)
        if canonical.ordinal == ordinal { return .keep(annotated) }
        let record = DuplicateRecord(
            docID: document.docID, sourcePath: document.sourcePath, canonicalID: canonical.docID,
            canonicalPath: canonical.sourcePath, clusterID: clusterID, similarity: 1, kind: "exact")
        return .duplicate(annotated, record, keepInOutput: action == .mark)
    }

    /// Earliest published first (ISO dates sort as text; undated last), then run order.
    private func earlier(_ left: Member, _ right: Member) -> Bool {
        switch (left.published, right.published) {
        case let (l?, r?) where l != r: return l < r
        case (.some, nil): return true
        case (nil, .some): return false
        default: return left.ordinal < right.ordinal
        }
    }
}
