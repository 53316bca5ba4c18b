/// The time left in the whole run, not only in the current phase: every
/// phase (decode, each corpus stage, writing the outputs) is a number of
/// documents times a relative cost per document, and the seconds per unit
/// of cost are measured on the work done so far, so the estimate adapts
/// to the machine and the input (HTML decodes slowly, plain text spends
/// its time on entities).
public struct RunEstimate: Sendable {
    /// Cost of one document in a phase relative to decoding it: medians of
    /// the stages' busy seconds per document on the dev sets (BENCHMARKS.md,
    /// HTML and plain text); phases not listed count 0.5.
    static let relativeCost: [String: Double] = ["decode": 1, "clean": 0.35, "dedupe": 0.1, "entities": 1.5, "write": 0.5]
    private var phases: [String]
    private var done: [Int]
    private var totals: [Int]

    public init(phases: [String]) {
        self.phases = phases + ["write"]
        done = Array(repeating: 0, count: self.phases.count)
        totals = Array(repeating: 0, count: self.phases.count)
    }

    /// Seconds left after `progress`, `elapsed` seconds into the run; nil
    /// until some work is done.
    public mutating func remainingSeconds(after progress: RunProgress, elapsed: Double) -> Double? {
        guard let current = phases.firstIndex(of: progress.phase) else { return nil }
        for earlier in 0..<current where done[earlier] < totals[earlier] { done[earlier] = totals[earlier] }
        done[current] = progress.done
        totals[current] = progress.total
        // Later phases see the documents this one passes on (duplicates and rejects may drop a few).
        for later in phases.indices where later > current { totals[later] = progress.total }
        let cost = phases.map { RunEstimate.relativeCost[$0] ?? 0.5 }
        let workDone = zip(done, cost).reduce(0) { $0 + Double($1.0) * $1.1 }
        let workTotal = zip(totals, cost).reduce(0) { $0 + Double($1.0) * $1.1 }
        guard workDone > 0, elapsed > 0 else { return nil }
        return max(0, workTotal - workDone) * elapsed / workDone
    }
}
