import Foundation

/// Named points where a run can be killed or signalled on purpose, so tests
/// can show that a `kill -9` or a `systemctl stop` at that moment leaves
/// outputs and state consistent. `NEWSETL_CRASH_AT=POINT` kills the process
/// there; `NEWSETL_SIGNAL_AT=POINT:SIGNAL` (SIGTERM, SIGINT, SIGHUP) sends
/// it that signal. Points: `decode`, `export`, `state`, `commit-journal`,
/// `commit-rename-N`. Unset, `reach` does nothing.
enum CrashPoint {
    private static let crashTarget: String? = ProcessInfo.processInfo.environment["NEWSETL_CRASH_AT"]
    private static let signalTarget: (point: String, signal: Int32)? = {
        guard let value = ProcessInfo.processInfo.environment["NEWSETL_SIGNAL_AT"] else { return nil }
        let parts = value.split(separator: ":").map(String.init)
        guard parts.count == 2, let signal = StopSignal.number(named: parts[1]) else { return nil }
        return (parts[0], signal)
    }()

    static func reach(_ name: @autoclosure () -> String) {
        guard crashTarget != nil || signalTarget != nil else { return }
        let point = name()
        if crashTarget == point { StopSignal.killNow() }
        if let signalTarget, signalTarget.point == point { StopSignal.raise(signalTarget.signal) }
    }
}
