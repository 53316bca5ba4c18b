import Foundation
import Testing
@testable import NewsETL

@Suite struct RunReportPageTests {
    @Test func showsTheManifestsNumbersAndNothingFetched() throws {
        let output = TemporaryFolder()
        var config = try PipelineConfig.testing(PipelineConfig.standardJSON)
        config.input.path = RepositoryPaths.sampleInput
        config.outputPath = output.path
        let summary = try PipelineRunner(config: config).run()
        for page in [output.read("report.html"), output.read("runs/\(summary.runID)/report.html")] {
            #expect(page.contains("<b data-manifest=\"counts.inputs\">18</b>"))
            #expect(page.contains("<b data-manifest=\"counts.documents_written\">16</b>"))
            #expect(page.contains("data-manifest=\"rejected_by_reason.binary\">1<"))
            #expect(page.contains("<svg"))
            #expect(page.contains("Ilse Brandvik"))
            // Self-contained: no script, no stylesheet or image from anywhere.
            #expect(!page.contains("<script") && !page.contains("src=") && !page.contains("<link"))
            #expect(!page.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http"))
        }
        #expect(output.read("report.html").contains("the whole dataset after run \(summary.runID)"))
        #expect(output.read("runs/\(summary.runID)/report.html").contains("NewsETL report: run \(summary.runID)"))
    }

    @Test func escapesWhatTheInputNames() {
        var facts = DatasetFacts()
        facts.add(Rejection(path: "<img src=x onerror=alert(1)>/a.txt", reason: .empty, detail: "empty"))
        let summary = RunSummary(runID: "run-1", changes: .init(), configSHA256: "", startedAt: Date(timeIntervalSince1970: 0),
                                 finishedAt: Date(timeIntervalSince1970: 1), stages: [], files: [], written: DatasetCounts(),
                                 warnings: ["<b>bold</b>"], outputFiles: [])
        let page = RunReportPage(summary: summary, facts: facts, entities: [], history: []).html
        #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;/"))
        #expect(!page.contains("<img") && !page.contains("<b>bold"))
    }

    @Test func labelsRunsByDayAndTime() {
        #expect(RunReportPage.shortLabel("run-20261126T020000Z") == "11-26 02:00")
        #expect(RunReportPage.shortLabel("run-20261126T020000Z-2") == "11-26 02:00-2")
        #expect(RunReportPage.shortLabel("nightly") == "nightly")
    }

    @Test func chartsAreTheSameBytesForTheSameData() {
        let bars = [("2025-03-04", 5), ("2025-03-05", 0), ("2025-03-06", 3)]
        let chart = SVGBarChart(title: "t", bars: bars).svg
        #expect(chart == SVGBarChart(title: "t", bars: bars).svg)
        #expect(chart.components(separatedBy: "<rect").count == 4)
    }
}
