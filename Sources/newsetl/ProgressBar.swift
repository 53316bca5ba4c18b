import Foundation
import NewsETL

/// A one-line progress bar with counts, rate and ETA, drawn only when
/// stderr is a terminal (never into cron mail or log files), at most ten
/// times a second, fitted to the terminal's width (`ProgressLine`).
final class ProgressBar {
    private let terminal: TerminalLine
    private let clock = ContinuousClock()
    private var phaseStart: ContinuousClock.Instant
    private var phase = ""
    private var lastDrawn: ContinuousClock.Instant?

    init(terminal: TerminalLine) {
        self.terminal = terminal
        phaseStart = clock.now
    }

    func update(_ progress: RunProgress) {
        let now = clock.now
        if progress.phase != phase {
            phase = progress.phase
            phaseStart = now
        }
        if let lastDrawn, now - lastDrawn < .milliseconds(100), progress.done < progress.total { return }
        lastDrawn = now
        let elapsed = max((now - phaseStart).seconds, 0.001)
        let rate = Double(progress.done) / elapsed
        let remaining = rate > 0 ? Double(progress.total - progress.done) / rate : 0
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
