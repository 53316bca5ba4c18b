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

@Suite struct CharacterWordScoringTests {
    /// Chinese and Japanese have no spaces between words: each character is
    /// a word, as the boilerplate benchmarks count them.
    @Test func countsEachChineseOrJapaneseCharacterAsAWord() {
        #expect(ShingleScore.words("港口周四重新开放").count == 8)
        #expect(ShingleScore.words("東京の港 reopened").count == 5)
        let half = ShingleScore(extracted: "港口周四重新开放", gold: "港口周四重新开放。风暴过后码头无损。")
        #expect(half.precision == 1 && half.recall > 0.2 && half.recall < 0.5)
        #expect(TextNormalizer.wordCount("港口周四重新开放, port 2") == 10)
    }

    @Test func explainSaysWhenThePageIsRejected() {
        let folder = TemporaryFolder()
        folder.write("menu.html", "<html><body><ul><li><a href='/a'>Home</a></li></ul><p>Share this article</p></body></html>")
        let lines = BoilerplateEvaluation().explain(path: folder.url("menu.html"))
        #expect(lines.first?.hasPrefix("rejected: clean removed every paragraph") == true)
        #expect(lines.dropFirst().allSatisfy { !$0.hasPrefix("KEEP") })
    }
}
