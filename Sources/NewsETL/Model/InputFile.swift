/// A file found in the input folder, before it is read.
public struct InputFile: Sendable, Equatable {
    /// Path relative to the input folder, `/`-separated; the sort key of the
    /// run. Bytes of a name that are not valid UTF-8 are written `%XX` (and
    /// `%` then `%25`), see `FileSystem.displayName`.
    public var relativePath: String
    /// The exact bytes of the path to open (any length, any bytes).
    public var systemPath: [UInt8] {
        switch location {
        case .exact(let path): path
        case .under(let folder): folder.bytes + [UInt8(ascii: "/")] + Array(relativePath.utf8)
        }
    }
    /// A million files kept their paths twice (as text and as bytes); a
    /// path that is the walked folder's plus the relative path is made
    /// when opened instead.
    private let location: Location
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

    private enum Location: Sendable, Equatable {
        case exact([UInt8])
        case under(InputFolderPath)
    }

    /// `under`: the folder the walk started from, when `systemPath` lies in it.
    public init(relativePath: String, systemPath: [UInt8], under folder: InputFolderPath? = nil, problem: Rejection.Reason? = nil,
                problemDetail: String = "", stamp: Stamp? = nil) {
        self.relativePath = relativePath
        if let folder, folder.contains(systemPath, as: relativePath) {
            location = .under(folder)
        } else {
            location = .exact(systemPath)
        }
        self.problem = problem
        self.problemDetail = problemDetail
        self.stamp = stamp
    }

    /// A file at an absolute path given as text (tools and evaluations).
    public init(relativePath: String, absolutePath: String, stamp: Stamp? = nil) {
        self.init(relativePath: relativePath, systemPath: Array(absolutePath.utf8), stamp: stamp)
    }
}

/// The exact bytes of the folder a walk started from, shared by the files found in it.
public final class InputFolderPath: Sendable, Equatable {
    public let bytes: [UInt8]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Whether `path` is this folder's path, a slash and `relativePath`'s bytes.
    func contains(_ path: [UInt8], as relativePath: String) -> Bool {
        let relative = relativePath.utf8
        return path.count == bytes.count + 1 + relative.count && path.starts(with: bytes)
            && path[bytes.count] == UInt8(ascii: "/") && path[(bytes.count + 1)...].elementsEqual(relative)
    }

    public static func == (left: InputFolderPath, right: InputFolderPath) -> Bool { left.bytes == right.bytes }
}
