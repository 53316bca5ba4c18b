/// The enabled stages of a config arranged the way the runner executes them:
/// decode, then segments of per-document stages, each segment after the first
/// opened by a corpus stage, then export.
struct ExecutionPlan {
    struct Indexed<Stage: Sendable>: Sendable {
        /// Position of the stage in `config.stages`, which is also its place
        /// in the manifest's statistics.
        var index: Int
        var stage: Stage
    }

    struct Segment {
        var corpus: Indexed<any CorpusStage>?
        var documentStages: [Indexed<any DocumentStage>] = []
    }

    /// Whether an enabled clean stage records what it removes.
    var recordsRemovals: Bool
    /// Whether an enabled entities stage finds entities to export.
    var findsEntities: Bool

    var decode: Indexed<DecodeStage>
    var segments: [Segment]
    var export: Indexed<ExportStage>

    /// Config validation guarantees one enabled decode first and one enabled
    /// export last; a config built in code without them is a programming error.
    init(stages: [ConfiguredStage]) {
        var decode: Indexed<DecodeStage>?
        var export: Indexed<ExportStage>?
        var segments = [Segment()]
        var recordsRemovals = false
        var findsEntities = false
        for (index, configured) in stages.enumerated() where configured.enabled {
            switch configured.kind {
            case .decode(let stage): decode = Indexed(index: index, stage: stage)
            case .export(let stage): export = Indexed(index: index, stage: stage)
            case .document(let stage): segments[segments.count - 1].documentStages.append(Indexed(index: index, stage: stage))
            case .corpus(let stage): segments.append(Segment(corpus: Indexed(index: index, stage: stage)))
            }
            switch configured.kind {
            case .document(let stage as CleanStage), .corpus(let stage as CleanStage): recordsRemovals = stage.keepRemoved
            case .document(is EntitiesStage), .corpus(is EntitiesStage): findsEntities = true
            default: break
            }
        }
        guard let decode, let export else { preconditionFailure("a pipeline needs enabled decode and export stages") }
        self.decode = decode
        self.segments = segments
        self.recordsRemovals = recordsRemovals
        self.findsEntities = findsEntities
        self.export = export
    }
}
