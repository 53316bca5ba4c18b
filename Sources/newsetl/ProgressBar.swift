import Foundation
import NewsETL

/// A one-line progress bar with the phase, counts, rate and the ETA of the
/// whole run (`RunEstimate`), drawn only when stderr is a terminal (never
/// into cron mail or log files), at most ten times a second, fitted to the
/// terminal's width (`ProgressLine`).
final class ProgressBar {
    private let terminal: TerminalLine
    private let clock = ContinuousClock()
    private let runStart: ContinuousClock.Instant
    private var phaseStart: ContinuousClock.Instant
    private var phase = ""
    private var estimate: RunEstimate?
    private var lastDrawn: ContinuousClock.Instant?

    init(terminal: TerminalLine) {
        self.terminal = terminal
        runStart = clock.now
        phaseStart = runStart
    }

    func update(_ progress: RunProgress) {
        let now = clock.now
        if progress.phase != phase {
            phase = progress.phase
            phaseStart = now
        }
        if estimate == nil { estimate = RunEstimate(phases: progress.phases) }
        let remaining = estimate?.remainingSeconds(after: progress, elapsed: (now - runStart).seconds) ?? 0
        if let lastDrawn, now - lastDrawn < .milliseconds(100), progress.done < progress.total { return }
        lastDrawn = now
        let rate = Double(progress.done) / max((now - phaseStart).seconds, 0.001)
        let phase = progress.phases.count > 1 ? "\(progress.phase) \(progress.phaseNumber)/\(progress.phases.count)" : progress.phase
        // Asked at every redraw: the window may have been resized.
        let columns = TerminalSize.columns(ofDescriptor: 2) ?? 80
        terminal.showBar(ProgressLine.text(phase: phase, done: progress.done, total: progress.total, rate: rate,
                                           remainingSeconds: remaining, columns: columns))
    }

    func finish() { terminal.clearBar() }
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
