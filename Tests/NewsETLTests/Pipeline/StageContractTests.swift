import Foundation
import Testing
@testable import NewsETL

/// The runner knows stages only through what they declare; these laws keep
/// the declarations true.
@Suite struct StageContractTests {
    static func repositoryStages() throws -> [ConfiguredStage] {
        try PipelineConfig.load(path: RepositoryPaths.root + "/pipeline.json").stages
    }

    @Test func everyDocumentsColumnIsFilledBySomeStage() throws {
        let filled = Set(try Self.repositoryStages().flatMap { $0.kind.outputs.documentColumns })
        let declared = Set(Datasets.documentsLayout.dataset.columns.map(\.name))
        #expect(filled == declared)
    }

    /// Decode leaves the language to a later stage that sets it (clean),
    /// and identifies it itself when no such stage is enabled.
    @Test func decodeIdentifiesTheLanguageOnlyWhenNoLaterStageSetsIt() throws {
        let withClean = try PipelineConfig.testing(PipelineConfig.standardJSON)
        #expect(ExecutionPlan(stages: withClean.stages).decode.stage.identifiesLanguage == false)
        let cleanDisabled = try PipelineConfig.testing("""
            {"stages": [{"name": "decode"}, {"name": "clean", "enabled": false}, {"name": "dedupe"}, {"name": "export"}]}
            """)
        #expect(ExecutionPlan(stages: cleanDisabled.stages).decode.stage.identifiesLanguage == true)
    }

    @Test func everyDatasetIsAlwaysWrittenOrFilledByAStage() throws {
        let filled = Set(try Self.repositoryStages().flatMap { $0.kind.outputs.datasets })
        let always: Set = ["documents", "rejects", "duplicates"]
        #expect(always.union(filled) == Set(Datasets.names))
        #expect(always.isDisjoint(with: filled))
    }

    @Test func theStateFolderHoldsExactlyTheDeclaredFiles() throws {
        let output = TemporaryFolder()
        var config = try PipelineConfig.load(path: RepositoryPaths.root + "/pipeline.json")
        config.outputPath = output.path
        _ = try PipelineRunner(config: config).run()
        let declared = Set(config.stages.flatMap { $0.kind.outputs.stateFiles })
        let runner: Set = [".state/inputs.bin", ".state/records.bin", ".state/\(RowSpanIndex.fileName)"]
        let present = Set(try FileManager.default.contentsOfDirectory(atPath: output.url(".state")).map { ".state/\($0)" })
        #expect(present == declared.union(runner))
    }

    @Test func aStageLeftOutLeavesItsDatasetsOut() throws {
        let input = TemporaryFolder()
        input.write("a.txt", "The council of Leeds met on Monday.\n")
        let output = TemporaryFolder()
        var config = try PipelineConfig.testing(#"{"stages": [{"name": "decode"}, {"name": "clean", "options": {"keep_removed": false}}, {"name": "export"}]}"#)
        config.input.path = input.path
        config.outputPath = output.path
        _ = try PipelineRunner(config: config).run()
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".csv") }.sorted()
        #expect(names == ["documents.csv", "duplicates.csv", "rejects.csv"])
    }
}
