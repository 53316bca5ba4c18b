import Testing
@testable import NewsETL

@Suite struct RunEstimateTests {
    /// A simulated run whose phases cost exactly what the model says: at
    /// every report the estimate is the true time left (the write phase included).
    @Test func isExactWhenPhasesCostWhatTheModelSays() throws {
        let phases = ["decode", "clean", "dedupe", "entities"]
        let documents = 200, secondsPerUnit = 0.01
        let cost = phases.map { RunEstimate.relativeCost[$0]! }
        let whole = Double(documents) * (cost.reduce(0, +) + RunEstimate.relativeCost["write"]!) * secondsPerUnit
        var estimate = RunEstimate(phases: phases)
        var elapsed = 0.0
        for (phase, unit) in zip(phases, cost) {
            for done in stride(from: 20, through: documents, by: 20) {
                elapsed += 20 * unit * secondsPerUnit
                let progress = RunProgress(phase: phase, done: done, total: documents, phases: phases)
                let left = try #require(estimate.remainingSeconds(after: progress, elapsed: elapsed) as Double?)
                #expect(abs(left - (whole - elapsed)) < 1e-9, "\(phase) \(done)")
            }
        }
    }

    @Test func coversTheWholeRunNotOnlyThePhase() throws {
        var estimate = RunEstimate(phases: ["decode", "entities"])
        // Decode done in 10 s: entities (1.5 per document) and writing (0.5) are still ahead.
        let decoded = estimate.remainingSeconds(after: RunProgress(phase: "decode", done: 100, total: 100, phases: ["decode", "entities"]),
                                                elapsed: 10)
        let left = try #require(decoded)
        #expect(abs(left - 20) < 1e-9)
        var fresh = RunEstimate(phases: ["decode"])
        #expect(fresh.remainingSeconds(after: RunProgress(phase: "decode", done: 0, total: 100), elapsed: 0) == nil)
    }
}
