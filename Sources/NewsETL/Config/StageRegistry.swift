/// Every stage NewsETL knows, in the only order in which they can run.
///
/// Adding a stage means writing its folder under `Stages/` and adding one line
/// here. A stage reads its own options from the reader it is given; problems go
/// to the reader, so the whole config is checked before anything runs.
public enum StageRegistry {
    public typealias Factory = @Sendable (OptionReader) -> StageKind

    public static let stages: [(name: String, make: Factory)] = [
        ("decode", { .decode(DecodeStage(options: $0)) }),
        ("clean", { options in
            let stage = CleanStage(options: options)
            return stage.learnsPerSource ? .corpus(stage) : .document(stage)
        }),
        ("dedupe", { .corpus(DedupeStage(options: $0)) }),
        ("entities", { options in
            let stage = EntitiesStage(options: options)
            return stage.seesCorpus ? .corpus(stage) : .document(stage)
        }),
        ("export", { .export(ExportStage(options: $0)) }),
    ]

    /// Stages a pipeline cannot do without.
    public static let required: Set<String> = ["decode", "export"]

    public static var names: [String] { stages.map(\.name) }

    static func factory(named name: String) -> Factory? {
        stages.first { $0.name == name }?.make
    }

    static func rank(of name: String) -> Int? {
        stages.firstIndex { $0.name == name }
    }
}
