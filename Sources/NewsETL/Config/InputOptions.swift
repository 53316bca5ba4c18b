/// Which files of the input folder a run reads, from the `input` block.
public struct InputOptions: Sendable, Equatable {
    /// The folder to read; relative paths are taken from the config file's folder.
    public var path: String
    /// Glob patterns (`fnmatch`); a pattern with `/` matches the relative path,
    /// one without matches the file name. A file is read if it matches an
    /// include pattern and no exclude pattern; others are not inputs at all.
    public var include: [String]
    public var exclude: [String]
    /// Files larger than this are rejected as `too_large` without being read.
    public var maxFileBytes: Int
    /// A run that would remove more than this share of the files the
    /// dataset knows stops instead (an unmounted or emptied input folder
    /// looks like every file deleted); `--allow-deletions` overrides.
    public var maxDeletedShare: Double

    public static let defaultMaxFileBytes = 50 * 1024 * 1024

    public init(path: String = "input", include: [String] = ["*"], exclude: [String] = [],
                maxFileBytes: Int = InputOptions.defaultMaxFileBytes, maxDeletedShare: Double = 0.5) {
        self.path = path
        self.include = include
        self.exclude = exclude
        self.maxFileBytes = maxFileBytes
        self.maxDeletedShare = maxDeletedShare
    }

    init(reader: OptionReader, baseDirectory: String) {
        let rawPath = reader.string("path", default: "input")
        self.init(
            path: PathResolution.resolve(rawPath, against: baseDirectory),
            include: reader.stringList("include", default: ["*"]),
            exclude: reader.stringList("exclude", default: []),
            maxFileBytes: reader.integer("max_file_bytes", default: InputOptions.defaultMaxFileBytes, range: 1...Int.max),
            maxDeletedShare: reader.number("max_deleted_share", default: 0.5, range: 0...1)
        )
        reader.finish()
    }
}
