/// Why a run could not start or finish. Bad input files are never errors
/// (they are rejections); these are problems with the run as a whole.
public enum RunError: Error, Sendable, CustomStringConvertible {
    /// The input folder is missing or not a folder.
    case inputFolder(String)
    /// The output folder cannot be created or written.
    case outputFolder(String)
    /// Writing an output file failed mid-run; previous outputs are intact.
    case output(String)
    /// Another run holds the output folder.
    case locked(String)
    /// The folders given cannot work together (an input inside the output).
    case config(String)
    /// The shards of the pending run are missing, incomplete or made for
    /// another run; the merge changed nothing.
    case shards(String)
    /// A stop signal arrived before the commit; nothing was changed.
    case stopped(signal: Int32)

    public var description: String {
        switch self {
        case .inputFolder(let message), .outputFolder(let message), .output(let message), .locked(let message), .config(let message),
             .shards(let message):
            return message
        case .stopped(let signal):
            return "stopped by \(StopSignal.name(signal)) before the commit: nothing was changed, the outputs are as the last run left them"
        }
    }
}
