import Foundation
import NewsETL

/// A one-line progress bar with counts, rate and ETA, drawn only when
/// stderr is a terminal (never into cron mail or log files), at most ten
/// times a second.
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
        let share = progress.total > 0 ? Double(progress.done) / Double(progress.total) : 1
        let width = 24
        let filled = Int(share * Double(width))
        let remaining = rate > 0 ? Double(progress.total - progress.done) / rate : 0
        let eta = String(format: "%d:%02d", Int(remaining) / 60, Int(remaining) % 60)
        terminal.showBar("\(phase) [\(String(repeating: "#", count: filled))\(String(repeating: " ", count: width - filled))] "
                         + "\(progress.done)/\(progress.total) files  \(Int(rate))/s  ETA \(eta)")
    }

    func finish() { terminal.clearBar() }
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
