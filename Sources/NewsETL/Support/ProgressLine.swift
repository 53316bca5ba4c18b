/// The text of the one-line progress display, fitted to the terminal:
/// "decode [########        ] 410/1200 files  95/s  ETA 0:08" — the bar
/// narrows, then goes, then the phase, then the line is cut, so that it never reaches the
/// last column (a line that wraps can no longer be redrawn in place).
public enum ProgressLine {
    static let fullBar = 24

    public static func text(phase: String, done: Int, total: Int, rate: Double, remainingSeconds: Double, columns: Int) -> String {
        let share = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let seconds = max(0, Int(remainingSeconds))
        let counts = "\(done)/\(total) files  \(Int(rate))/s  ETA \(seconds / 60):" + (seconds % 60 < 10 ? "0" : "") + "\(seconds % 60)"
        let room = max(columns - 1, 1)
        let barRoom = room - phase.count - counts.count - 4
        let barWidth = min(fullBar, barRoom)
        let line: String
        if barWidth >= 5 {
            let filled = Int(share * Double(barWidth))
            line = "\(phase) [" + String(repeating: "#", count: filled) + String(repeating: " ", count: barWidth - filled) + "] " + counts
        } else if phase.count + 1 + counts.count <= room {
            line = "\(phase) " + counts
        } else {
            line = counts
        }
        return line.count <= room ? line : String(line.prefix(room))
    }
}
