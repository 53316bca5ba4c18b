/// A file found in the input folder, before it is read.
public struct InputFile: Sendable, Equatable {
    /// Path relative to the input folder, `/`-separated; the sort key of the run.
    public var relativePath: String
    public var absolutePath: String
    /// What the walk already knows is wrong with the entry (a FIFO, a symlink
    /// leaving the input folder); such entries are rejected without being opened.
    public var problem: Rejection.Reason?
    public var problemDetail: String

    public init(relativePath: String, absolutePath: String, problem: Rejection.Reason? = nil, problemDetail: String = "") {
        self.relativePath = relativePath
        self.absolutePath = absolutePath
        self.problem = problem
        self.problemDetail = problemDetail
    }
}
