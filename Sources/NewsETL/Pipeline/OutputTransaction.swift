/// Replaces a set of files and folders under the output folder as one step
/// that a crash cannot leave half done.
///
/// Everything is first written under temporary names. `commit` then writes a
/// journal listing the renames and removals (itself renamed into place, so
/// it exists whole or not at all), performs them, and deletes it. A run killed during
/// the renames leaves the journal behind; the next run calls `recover`
/// before anything else and completes them. Before the journal exists the
/// previous outputs are untouched and the temporaries are swept as
/// abandoned.
public final class OutputTransaction {
    let folder: String
    private var renames: [(temporary: String, final: String)] = []
    /// Files the commit removes after the renames (outputs a new config no longer makes).
    private var removals: [String] = []

    init(folder: String) {
        self.folder = folder
    }

    static func journalPath(in folder: String) -> String { "\(folder)/.state/commit-journal" }

    /// Registers a closed temporary file or folder to be renamed onto `finalPath`
    /// on commit; both must lie inside the output folder. Renames happen in
    /// the order they were added.
    public func add(_ temporaryPath: String, as finalPath: String) {
        renames.append((relative(temporaryPath), relative(finalPath)))
    }

    /// Registers a symbolic link at `path` holding `target`: made now under a
    /// temporary name, renamed onto `path` (replacing what is there) on commit.
    func add(link path: String, to target: String) throws {
        let temporary = AtomicFile.temporaryPath(for: path)
        try FileSystem.removeFile(temporary)
        try FileSystem.makeSymlink(at: temporary, to: target)
        add(temporary, as: path)
    }

    /// Registers a file, link or folder inside the output folder to be removed on commit.
    func remove(_ path: String) {
        removals.append(relative(path))
    }

    /// Commits every registered rename and removal; on return the new files
    /// are in place and on disk (the folders they were renamed into are
    /// synced, so the commit survives a power loss).
    func commit() throws {
        let journal = OutputTransaction.journalPath(in: folder)
        try FileSystem.makeFolder("\(folder)/.state")
        let file = try AtomicFile(path: journal)
        for rename in renames { try file.write(rename.temporary + "\t" + rename.final + "\n") }
        for path in removals { try file.write("\t" + path + "\n") }
        try file.close()
        try AtomicFile.rename(from: file.temporaryPath, to: journal)
        try FileSystem.syncFolder("\(folder)/.state")
        CrashPoint.reach("commit-journal")
        for (index, rename) in renames.enumerated() {
            try AtomicFile.rename(from: "\(folder)/\(rename.temporary)", to: "\(folder)/\(rename.final)")
            CrashPoint.reach("commit-rename-\(index + 1)")
        }
        try syncParents(of: renames.map(\.final))
        for path in removals { OutputTransaction.removeEntry("\(folder)/\(path)") }
        try FileSystem.syncFolder(folder)
        try FileSystem.removeFile(journal)
        try FileSystem.syncFolder("\(folder)/.state")
        renames = []
        removals = []
    }

    private func syncParents(of paths: [String]) throws {
        var parents = Set<String>()
        for path in paths {
            let slash = path.lastIndex(of: "/")
            parents.insert(slash.map { "\(folder)/\(path[..<$0])" } ?? folder)
        }
        for parent in parents.sorted() { try FileSystem.syncFolder(parent) }
    }

    /// Removals come after the renames: the new dataset is in place, and an
    /// entry that cannot be removed (an old dataset a reader holds open on
    /// a network share) is swept by a later run rather than failing this one.
    private static func removeEntry(_ path: String) {
        if FileSystem.isFolder(path) { FileSystem.removeTree(path) } else { try? FileSystem.removeFile(path) }
    }

    /// Removes every registered temporary.
    func abort() {
        for rename in renames { OutputTransaction.removeEntry("\(folder)/\(rename.temporary)") }
        renames = []
    }

    /// Completes the renames of a commit a killed run left unfinished.
    /// Returns how many it performed; nil when there was nothing to recover.
    static func recover(folder: String) throws -> Int? {
        let journal = journalPath(in: folder)
        guard let text = try? FileSystem.readText(journal) else { return nil }
        var performed = 0
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            if parts[0].isEmpty {
                removeEntry("\(folder)/\(parts[1])")
                continue
            }
            let temporary = "\(folder)/\(parts[0])"
            guard FileSystem.exists(temporary) else { continue }
            let final = "\(folder)/\(parts[1])"
            if FileSystem.isFolder(final) { FileSystem.removeTree(final) }
            try AtomicFile.rename(from: temporary, to: final)
            performed += 1
        }
        try FileSystem.syncFolder(folder)
        try FileSystem.removeFile(journal)
        return performed
    }

    private func relative(_ path: String) -> String {
        precondition(path.hasPrefix(folder + "/"), "\(path) is outside the output folder \(folder)")
        return String(path.dropFirst(folder.count + 1))
    }
}
