#if canImport(Glibc)
import Glibc
#endif

/// The width of the terminal a descriptor writes to, so that a one-line
/// progress display never wraps (a wrapped line cannot be redrawn in place).
public enum TerminalSize {
    /// Columns of the terminal on `descriptor`, nil when it is not a terminal or does not say.
    public static func columns(ofDescriptor descriptor: Int32) -> Int? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
