import Testing
@testable import NewsETL

@Suite struct BoilerplateEvaluationTests {
    @Test func scoresWordFourGramsIgnoringCaseAndPunctuation() {
        let gold = "The port reopened on Thursday after the storm."
        #expect(ShingleScore(extracted: "the PORT reopened, on Thursday — after the storm!", gold: gold) == ShingleScore(precision: 1, recall: 1))
        let half = ShingleScore(extracted: "The port reopened on Thursday", gold: gold)
        #expect(half.precision == 1 && half.recall == 2.0 / 5.0)
        #expect(ShingleScore(extracted: "", gold: gold) == ShingleScore(precision: 0, recall: 0))
    }

    @Test func collapsesRepeatedGoldLines() {
        #expect(BoilerplateEvaluation.uniqueLines("a\nb\na\nc\nb") == "a\nb\nc")
    }

    /// All boilerplate lines of the seed reports go, and no article line.
    @Test(.enabled(if: RepositoryPaths.seeds != nil, "needs ../shared/seeds"))
    func cleansTheSeedReportsAsTheirGoldSays() throws {
        let seeds = try #require(RepositoryPaths.seeds)
        let report = try BoilerplateEvaluation().scoreSeeds(folder: seeds)
        #expect(report.documents == 5)
        #expect(report.boilerplateLines == 14 && report.boilerplateRemoved == 14)
        #expect(report.articleRemoved == 0)
        #expect(report.misses == [])
    }
}
