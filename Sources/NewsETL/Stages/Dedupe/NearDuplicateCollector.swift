/// Per-run state of the dedupe stage: the sketches of documents earlier runs
/// kept and of this run's documents, in one `SketchTable`, then the clusters
/// they form and what each of this run's documents becomes.
final class NearDuplicateCollector: CorpusCollector {
    private let stage: DedupeStage
    private let context: CorpusContext
    private let state: DedupeState?
    private var table: SketchTable
    private(set) var warnings: [String] = []

    init(stage: DedupeStage, context: CorpusContext) {
        self.stage = stage
        self.context = context
        state = stage.stateEnabled ? DedupeState(store: context.state, folder: stage.statePath) : nil
        table = NearDuplicateCollector.emptyTable(stage, context)
    }

    private static func emptyTable(_ stage: DedupeStage, _ context: CorpusContext) -> SketchTable {
        SketchTable(hashCount: stage.hashCount, bandWidth: stage.hashCount / stage.bands, folder: context.state.path)
    }

    func observe(_ summary: DedupeStage.Summary, of document: Document, ordinal: Int) {
        table.append(docID: document.docID, sourcePath: document.sourcePath,
                     day: summary.day, sketch: summary.sketch, ordinal: ordinal, runID: nil)
    }

    func finish() throws -> any CorpusResolver {
        loadEarlierRuns()
        let (clusters, links) = ClusterFinder(stage: stage).clusters(table)
        var decisions: [Int: Decision] = [:]
        var duplicates = Set<Int>()
        for cluster in clusters {
            let canonical = cluster.canonical
            let canonicalID = table.docID(canonical)
            let clusterID = "cluster-" + canonicalID.dropFirst("doc-".count)
            for index in cluster.members {
                guard let ordinal = table.ordinal(index) else { continue }
                let isCanonical = index == canonical
                if !isCanonical { duplicates.insert(index) }
                let similarity = isCanonical ? DedupeStage.Match(jaccard: 1, containment: 1, kind: .exact)
                    : stage.match(table, index, canonical) ?? links[index] ?? DedupeStage.Match(jaccard: 0, containment: 0, kind: .near)
                decisions[ordinal] = Decision(
                    clusterID: clusterID, canonicalID: canonicalID, canonicalPath: table.sourcePath(canonical),
                    canonicalRun: table.isFromEarlierRun(canonical) ? table.runID(canonical) : nil, isCanonical: isCanonical,
                    similarity: similarity.jaccard, containment: similarity.containment, kind: similarity.kind.rawValue)
            }
        }
        // Signatures that could not be read leave the clusters unknown: the run stops.
        if let failure = table.failure { throw failure }
        // What later runs see: documents kept before and not seen again, plus
        // this run's unique and canonical documents. Written now, streaming,
        // so that neither the sketches nor the file stay in memory for export.
        var savedState: Result<WrittenStateFile, any Error>?
        if let state {
            let table = table, runID = context.runID
            let kept = (0..<table.count).lazy.filter { !duplicates.contains($0) }.map { index in
                DedupeState.Entry(docID: table.docID(index), sourcePath: table.sourcePath(index), day: table.days[index],
                                  runID: table.runID(index) ?? runID, sketch: table.sketch(index))
            }
            savedState = Result { try state.write(kept) }
            if let failure = table.failure { throw failure }
        }
        table = NearDuplicateCollector.emptyTable(stage, context)
        return Resolver(action: stage.action, decisions: decisions, savedState: savedState)
    }

    /// Adds the documents earlier runs kept, except those whose path came
    /// again in this run: a document seen again replaces its earlier self.
    private func loadEarlierRuns() {
        guard let state, !context.startsFresh else { return }
        let current = Set((0..<table.count).map(table.docID))
        let loaded = state.load { entry in
            guard !current.contains(entry.docID) && !context.withdrawnDocIDs.contains(entry.docID) else { return }
            table.append(docID: entry.docID, sourcePath: entry.sourcePath, day: entry.day, sketch: entry.sketch,
                         ordinal: nil, runID: entry.runID)
        }
        switch loaded {
        case .success:
            break
        case .failure(.damaged(let detail)):
            warnings.append("dedupe state \(state.file.path) is unreadable (\(detail)); matching within this run only")
        case .failure(.missing):
            break
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
        /// The state for later runs, written when the clusters were found.
        let savedState: Result<WrittenStateFile, any Error>?

        /// A document in no cluster is kept as it is.
        func resolvesAsAlone(_ document: Document, ordinal: Int) -> Bool {
            decisions[ordinal] == nil
        }

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

        func persist(into transaction: OutputTransaction) throws {
            try savedState?.get().add(to: transaction)
        }
    }
}
