import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// SIGTERM, SIGINT and SIGHUP as a request to stop: the handler only records
/// the signal, and the run stops at its next safe point, cleans up after
/// itself and exits 128 + the signal number. A second signal while the
/// first is pending ends the process at once (a second Ctrl-C); the next run
/// sweeps what it left.
public enum StopSignal {
    /// `systemctl stop`, a cron timeout, Ctrl-C, a closed terminal.
    public static let handled: [Int32] = [SIGTERM, SIGINT, SIGHUP]

    /// Installs the handlers and unblocks the signals (a parent may have
    /// left them blocked: they would then never arrive); call once, on the
    /// main thread, before the run starts its workers.
    public static func install() {
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        for number in handled { sigaddset(&unblocked, number) }
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
        for number in handled {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = recordStop
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(number, &action, nil)
        }
    }

    /// The stop signal received, if any.
    public static var received: Int32? {
        let number = pendingSignal.load(ordering: .acquiring)
        return number == 0 ? nil : number
    }

    /// The handled signal called `name` (`SIGTERM`, `SIGINT`, `SIGHUP`).
    public static func number(named name: String) -> Int32? {
        handled.first { self.name($0) == name }
    }

    /// Sends `number` to this process (the crash-test hook's way of stopping a run).
    static func raise(_ number: Int32) {
        _ = Glibc.raise(number)
    }

    /// Ends this process at once, as `kill -9` would.
    static func killNow() {
        _ = Glibc.raise(SIGKILL)
    }

    /// `SIGTERM`, `SIGINT`, `SIGHUP`, or the number.
    public static func name(_ number: Int32) -> String {
        switch number {
        case SIGTERM: return "SIGTERM"
        case SIGINT: return "SIGINT"
        case SIGHUP: return "SIGHUP"
        default: return "signal \(number)"
        }
    }
}

private let pendingSignal = Atomic<Int32>(0)

/// Async-signal-safe: one atomic exchange, and for a second signal the
/// default action restored and the signal raised again.
private func recordStop(_ number: Int32) {
    let (first, _) = pendingSignal.compareExchange(expected: 0, desired: number, ordering: .acquiringAndReleasing)
    if !first {
        signal(number, SIG_DFL)
        raise(number)
    }
}
