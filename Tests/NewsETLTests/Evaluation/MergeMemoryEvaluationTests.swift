import Testing
@testable import NewsETL

@Suite struct MergeMemoryEvaluationTests {
    /// The corpus stages of the default config see every report and hand
    /// back resolvers; memory is read from the kernel on Linux.
    @Test func drivesEveryCorpusStageOfTheConfig() throws {
        let config = try PipelineConfig.parse(Array(StarterConfig.text.utf8), configPath: "pipeline.json", baseDirectory: "/tmp")
        let evaluation = MergeMemoryEvaluation(config: config, workers: 2)
        #expect(evaluation.stages.count == 3)
        let report = try evaluation.run(count: 300)
        #expect(report.documents == 300)
        #expect(report.stageNames == ["CleanStage", "DedupeStage", "EntitiesStage"])
        #expect(report.baselineResidentBytes > 0)
        #expect(report.peakResidentBytes >= report.baselineResidentBytes)
    }
}
