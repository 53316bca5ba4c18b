import Foundation
import Logging
import NewsETL

/// Where `newsetl run` sends its log lines: stderr, as `newsetl: warning: …`
/// text for people and cron mail, or one JSON object per line for log
/// collectors. A progress bar on a terminal shares the last line; a log
/// line clears it first.
struct LogOutput: LogHandler {
    enum Format: String, CaseIterable {
        case text, json
    }

    let format: Format
    let terminal: TerminalLine
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        switch format {
        case .text:
            let prefix = switch event.level {
            case .info, .notice: ""
            case .trace, .debug: "debug: "
            case .warning: "warning: "
            case .error, .critical: "error: "
            }
            let details = merged.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
            terminal.printLine("newsetl: \(prefix)\(event.message)\(details)")
        case .json:
            var fields = [
                "\"time\":\(JSONText.quoted(Self.timestamp()))",
                "\"level\":\(JSONText.quoted(event.level.rawValue))",
                "\"message\":\(JSONText.quoted(event.message.description))",
            ]
            for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
                fields.append("\(JSONText.quoted(key)):\(JSONText.quoted(value.description))")
            }
            terminal.printLine("{" + fields.joined(separator: ",") + "}")
        }
    }

    private static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }
}

/// stderr, shared by log lines and the progress bar.
final class TerminalLine: @unchecked Sendable {
    private let lock = NSLock()
    private var barShown = false
    let isTerminal = isatty(STDERR_FILENO) == 1

    func printLine(_ line: String) {
        lock.withLock {
            write((barShown ? "\r\u{1B}[K" : "") + line + "\n")
            barShown = false
        }
    }

    /// Replaces the bar in place; only on a terminal.
    func showBar(_ text: String) {
        guard isTerminal else { return }
        lock.withLock {
            write("\r\u{1B}[K" + text)
            barShown = true
        }
    }

    func clearBar() {
        lock.withLock {
            if barShown { write("\r\u{1B}[K") }
            barShown = false
        }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
