/// A file found in the input folder, before it is read.
public struct InputFile: Sendable, Equatable {
    /// Path relative to the input folder, `/`-separated; the sort key of the
    /// run. Bytes of a name that are not valid UTF-8 are written `%XX` (and
    /// `%` then `%25`), see `FileSystem.displayName`.
    public var relativePath: String
    /// The exact bytes of the path to open (any length, any bytes).
    public var systemPath: [UInt8]
    /// What the walk already knows is wrong with the entry (a FIFO, a symlink
    /// leaving the input folder); such entries are rejected without being opened.
    public var problem: Rejection.Reason?
    public var problemDetail: String
    /// Size and modification time seen by the walk (nil when the entry
    /// could not be examined): how a later run knows the file is unchanged.
    public var stamp: Stamp?

    public struct Stamp: Sendable, Equatable {
        public var size: Int
        public var modifiedNanoseconds: Int
    }

    public init(relativePath: String, systemPath: [UInt8], problem: Rejection.Reason? = nil, problemDetail: String = "",
                stamp: Stamp? = nil) {
        self.relativePath = relativePath
        self.systemPath = systemPath
        self.problem = problem
        self.problemDetail = problemDetail
        self.stamp = stamp
    }

    /// A file at an absolute path given as text (tools and evaluations).
    public init(relativePath: String, absolutePath: String, stamp: Stamp? = nil) {
        self.init(relativePath: relativePath, systemPath: Array(absolutePath.utf8), stamp: stamp)
    }
}
