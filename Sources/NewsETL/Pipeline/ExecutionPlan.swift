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

    /// The datasets enabled stages fill beyond documents, rejects and duplicates.
    var filledDatasets: Set<String>

    var decode: Indexed<DecodeStage>
    var segments: [Segment]
    var export: Indexed<ExportStage>

    /// Config validation guarantees one enabled decode first and one enabled
    /// export last; a config built in code without them is a programming error.
    init(stages: [ConfiguredStage]) {
        var decode: Indexed<DecodeStage>?
        var export: Indexed<ExportStage>?
        var segments = [Segment()]
        var filledDatasets = Set<String>()
        for (index, configured) in stages.enumerated() where configured.enabled {
            switch configured.kind {
            case .decode(let stage): decode = Indexed(index: index, stage: stage)
            case .export(let stage): export = Indexed(index: index, stage: stage)
            case .document(let stage): segments[segments.count - 1].documentStages.append(Indexed(index: index, stage: stage))
            case .corpus(let stage): segments.append(Segment(corpus: Indexed(index: index, stage: stage)))
            }
            filledDatasets.formUnion(configured.kind.outputs.datasets)
        }
        guard var decode, let export else { preconditionFailure("a pipeline needs enabled decode and export stages") }
        decode.stage.identifiesLanguage = !stages.contains { configured in
            guard configured.enabled else { return false }
            if case .decode = configured.kind { return false }
            return configured.kind.outputs.documentColumns.contains("language")
        }
        self.decode = decode
        self.segments = segments
        self.filledDatasets = filledDatasets
        self.export = export
    }
}
