#if canImport(Glibc)
import Glibc
#endif

/// Named points where a run can be killed on purpose, so tests can show a
/// `kill -9` at that moment leaves outputs and state consistent. Set
/// `NEWSETL_CRASH_AT` to a point's name (`decode`, `export`, `commit-journal`,
/// `commit-rename-N`); unset, `reach` does nothing.
enum CrashPoint {
    private static let target: String? = {
        guard let value = getenv("NEWSETL_CRASH_AT") else { return nil }
        return String(cString: value)
    }()

    static func reach(_ name: @autoclosure () -> String) {
        guard let target, target == name() else { return }
        raise(SIGKILL)
    }
}
