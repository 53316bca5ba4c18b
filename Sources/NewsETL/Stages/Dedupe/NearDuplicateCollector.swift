/// Per-run state of the dedupe stage: the sketches of this run's documents
/// and of the documents earlier runs kept, then the clusters they form.
final class NearDuplicateCollector: CorpusCollector {
    struct Member: Sendable {
        var docID: String
        var sourcePath: String
        var published: String?
        var sketch: DocumentSketch
        /// The run that kept it, for documents from earlier runs.
        var earlierRun: String?
        /// Position in this run, nil for documents from earlier runs.
        var ordinal: Int?
    }

    private let stage: DedupeStage
    private let context: CorpusContext
    private let state: DedupeState?
    private var members: [Member] = []
    private(set) var warnings: [String] = []

    init(stage: DedupeStage, context: CorpusContext) {
        self.stage = stage
        self.context = context
        state = stage.stateEnabled ? DedupeState(folder: PathResolution.resolve(stage.statePath, against: context.outputFolder)) : nil
    }

    func observe(_ summary: CorpusSummary, of document: Document, ordinal: Int) {
        guard let sketch = DocumentSketch(packed: summary.hashes) else { return }
        members.append(Member(docID: document.docID, sourcePath: document.sourcePath, published: summary.published,
                              sketch: sketch, earlierRun: nil, ordinal: ordinal))
    }

    func finish() -> any CorpusResolver {
        var all = earlierMembers() + members
        members = []
        let clusters = ClusterFinder(stage: stage).clusters(all)
        var outcomes: [Int: Decision] = [:]
        var canonicalOrdinals = Set<Int>()
        for cluster in clusters {
            let canonical = all[cluster.canonical]
            if let ordinal = canonical.ordinal { canonicalOrdinals.insert(ordinal) }
            let clusterID = "cluster-" + canonical.docID.dropFirst("doc-".count)
            for index in cluster.members {
                guard let ordinal = all[index].ordinal else { continue }
                let isCanonical = index == cluster.canonical
                let similarity = isCanonical ? (1, 1) : stage.match(all[index].sketch, canonical.sketch) ?? cluster.links[index] ?? (0, 0)
                outcomes[ordinal] = Decision(
                    clusterID: clusterID, canonicalID: canonical.docID, canonicalPath: canonical.sourcePath,
                    canonicalRun: canonical.earlierRun, isCanonical: isCanonical,
                    similarity: similarity.0, containment: similarity.1,
                    kind: all[index].sketch.contentKey == canonical.sketch.contentKey ? "exact" : "near")
            }
        }
        // What later runs see: documents kept before and not seen again, plus
        // this run's unique and canonical documents.
        let duplicateOrdinals = Set(outcomes.filter { !$0.value.isCanonical }.keys)
        all.removeAll { member in member.ordinal.map(duplicateOrdinals.contains) ?? false }
        let kept = all.map { member -> DedupeState.Entry in
            DedupeState.Entry(docID: member.docID, sourcePath: member.sourcePath, published: member.published,
                              runID: member.earlierRun ?? context.runID, sketch: member.sketch)
        }
        return Resolver(action: stage.action, decisions: outcomes, state: state, keptEntries: kept)
    }

    private func earlierMembers() -> [Member] {
        guard let state else { return [] }
        let currentIDs = Set(members.map(\.docID))
        switch state.load() {
        case .success(let entries):
            // A document seen again under the same path replaces its earlier self.
            return entries.filter { !currentIDs.contains($0.docID) }.map {
                Member(docID: $0.docID, sourcePath: $0.sourcePath, published: $0.published, sketch: $0.sketch,
                       earlierRun: $0.runID, ordinal: nil)
            }
        case .failure(let problem):
            if case .corrupt(let detail) = problem {
                warnings.append("dedupe state \(state.path) is unreadable (\(detail)); set aside and starting fresh")
            }
            return []
        }
    }

    struct Decision: Sendable {
        var clusterID: String
        var canonicalID: String
        var canonicalPath: String
        var canonicalRun: String?
        var isCanonical: Bool
        var similarity: Double
        var containment: Double
        var kind: String
    }

    private struct Resolver: CorpusResolver {
        let action: DedupeStage.Action
        let decisions: [Int: Decision]
        let state: DedupeState?
        let keptEntries: [DedupeState.Entry]

        func resolve(_ document: Document, ordinal: Int) -> CorpusOutcome {
            guard let decision = decisions[ordinal] else { return .keep(document) }
            var annotated = document
            annotated.duplicateCluster = DuplicateCluster(clusterID: decision.clusterID, canonicalID: decision.canonicalID,
                                                          similarity: decision.similarity)
            if decision.isCanonical { return .keep(annotated) }
            let record = DuplicateRecord(
                docID: document.docID, sourcePath: document.sourcePath, canonicalID: decision.canonicalID,
                canonicalPath: decision.canonicalPath, canonicalRun: decision.canonicalRun, clusterID: decision.clusterID,
                similarity: decision.similarity, containment: decision.containment, kind: decision.kind)
            return .duplicate(annotated, record, keepInOutput: action == .mark)
        }

        func persist() throws {
            try state?.save(keptEntries)
        }
    }
}
