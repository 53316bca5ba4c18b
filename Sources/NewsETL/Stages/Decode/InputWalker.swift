/// Lists the input files of a run in a stable order, every entry accounted for.
///
/// Walks the folder recursively, skipping hidden entries and the folders in
/// `excludedFolders` (the output folder when it lies inside the input).
/// Regular files and symlinks to regular files inside the folder become
/// inputs; every other entry becomes an input that is rejected without
/// being opened, with its own reason: a symlink that leaves the folder, a
/// symlink to a folder (not followed: inside the folder its files would be
/// read twice), a symlink loop, a FIFO, socket or device, a folder that
/// cannot be listed. Names need not be valid UTF-8 and paths may be longer
/// than `PATH_MAX` (see `FileSystem.displayName`).
public struct InputWalker: Sendable {
    public let options: InputOptions
    /// Real paths of folders under the input folder that are not input.
    public let excludedFolders: [String]

    public init(options: InputOptions, excludedFolders: [String] = []) {
        self.options = options
        self.excludedFolders = excludedFolders
    }

    /// Why the input folder itself cannot be walked.
    public struct FolderError: Error, CustomStringConvertible {
        public let description: String
    }

    /// What a walk found.
    public struct Listing: Sendable {
        /// All inputs, sorted by relative path (byte order of UTF-8).
        public var files: [InputFile] = []
        /// Relative paths of folders that could not be listed: the files
        /// earlier runs found in them are not known to be gone.
        public var unlistedFolders: [String] = []
        /// Relative paths of `excludedFolders` met on the way.
        public var skippedFolders: [String] = []
    }

    /// All inputs, sorted by relative path (byte order of UTF-8).
    public func walk() throws -> [InputFile] {
        try list().files
    }

    public func list() throws -> Listing {
        let root = options.path
        let rootReal: [UInt8]
        do {
            let rootStatus = try FileSystem.targetStatus(root)
            guard rootStatus.kind == .directory else { throw FolderError(description: "input folder \(root): not a folder") }
            rootReal = try FileSystem.realPath(bytes: Array(root.utf8))
        } catch let error as SystemError {
            throw FolderError(description: "input folder \(root): \(error.message)")
        }
        var listing = Listing()
        let excluded = Set(excludedFolders.map { Array($0.utf8) })
        let folder = InputFolderPath(rootReal)
        var pending: [(path: [UInt8], relativePrefix: String)] = [(rootReal, "")]
        while let (directory, prefix) = pending.popLast() {
            let names: [[UInt8]]
            do {
                names = try FileSystem.listDirectory(bytes: directory)
            } catch {
                guard !prefix.isEmpty else { throw FolderError(description: "input folder \(root): cannot be listed: \(error.message)") }
                let relative = String(prefix.dropLast())
                listing.unlistedFolders.append(relative)
                listing.files.append(InputFile(relativePath: relative, systemPath: directory,
                                               problem: .unreadable, problemDetail: "cannot list folder: \(error.message)"))
                continue
            }
            for name in names where name.first != UInt8(ascii: ".") {
                let absolute = directory + [UInt8(ascii: "/")] + name
                let relative = prefix + FileSystem.displayName(name)
                let file: InputFile?
                do {
                    let status = try FileSystem.linkStatus(bytes: absolute)
                    switch status.kind {
                    case .directory:
                        if excluded.contains(absolute) {
                            listing.skippedFolders.append(relative)
                        } else {
                            pending.append((absolute, relative + "/"))
                        }
                        continue
                    case .regular:
                        file = InputFile(relativePath: relative, systemPath: absolute, under: folder,
                                         stamp: InputFile.Stamp(status))
                    case .symlink:
                        file = resolveLink(absolute, relative: relative, rootReal: rootReal)
                    case .fifo, .socket, .device, .other:
                        file = InputFile(relativePath: relative, systemPath: absolute, under: folder,
                                         problem: .notRegularFile, problemDetail: "not a regular file (\(describe(status.kind)))",
                                         stamp: InputFile.Stamp(status))
                    }
                } catch {
                    file = InputFile(relativePath: relative, systemPath: absolute, under: folder,
                                     problem: .unreadable, problemDetail: error.message)
                }
                if let file, isSelected(file.relativePath) { listing.files.append(file) }
            }
        }
        listing.files.sort { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
        listing.unlistedFolders.sort()
        listing.skippedFolders.sort()
        return listing
    }

    private func resolveLink(_ absolute: [UInt8], relative: String, rootReal: [UInt8]) -> InputFile {
        func rejected(_ reason: Rejection.Reason, _ detail: String) -> InputFile {
            InputFile(relativePath: relative, systemPath: absolute, problem: reason, problemDetail: detail)
        }
        let target: [UInt8]
        do {
            target = try FileSystem.realPath(bytes: absolute)
        } catch {
            if error.isSymlinkLoop { return rejected(.symlinkLoop, "symlink loop (too many levels of symbolic links)") }
            if error.isMissing { return rejected(.unreadable, "broken symlink (its target does not exist)") }
            return rejected(.unreadable, "symlink cannot be resolved: \(error.message)")
        }
        guard target.starts(with: rootReal + [UInt8(ascii: "/")]) else {
            return rejected(.outsideInput, "symlink points outside the input folder")
        }
        guard let status = try? FileSystem.targetStatus(bytes: target) else {
            return rejected(.unreadable, "symlink target cannot be read")
        }
        switch status.kind {
        case .regular:
            return InputFile(relativePath: relative, systemPath: target,
                             stamp: InputFile.Stamp(status))
        case .directory:
            let inside = FileSystem.displayName(target.dropFirst(rootReal.count + 1))
            return rejected(.symlinkToFolder, "symlink to the folder \(inside) of the input, not followed (its files are read where they are)")
        default:
            return rejected(.notRegularFile, "symlink to \(describe(status.kind))")
        }
    }

    /// Whether the include and exclude patterns select `relativePath`.
    public func isSelected(_ relativePath: String) -> Bool {
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        func matches(_ pattern: String) -> Bool {
            FileSystem.matches(pattern.contains("/") ? relativePath : name, pattern: pattern)
        }
        return options.include.contains(where: matches) && !options.exclude.contains(where: matches)
    }

    private func describe(_ kind: FileSystem.Kind) -> String {
        switch kind {
        case .fifo: return "a FIFO"
        case .socket: return "a socket"
        case .device: return "a device"
        case .directory: return "a folder"
        default: return "a special file"
        }
    }
}

extension InputFile.Stamp {
    init(_ status: FileSystem.Status) {
        self.init(size: status.size, modifiedNanoseconds: status.modifiedNanoseconds)
    }
}
