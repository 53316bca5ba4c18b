/// What a run has to do, from the input folder as walked and the ledger of
/// earlier runs: a file whose path, size and modification time match the
/// ledger is unchanged and not read again; any other is processed (new, or
/// changed — its earlier records are replaced; so is a file earlier runs
/// could not read); a ledger path no longer in
/// the folder is deleted (its records leave the cumulative outputs). A
/// full run processes every file but counts them the same way.
struct ChangeSet {
    typealias Stamp = InputFile.Stamp

    /// Files to process, in run order.
    var files: [InputFile] = []
    var new = 0
    var changed = 0
    var unchanged = 0
    var deleted: [String] = []
    /// Why everything is processed again, when it is.
    var fullReason: String?

    var isEmpty: Bool { files.isEmpty && deleted.isEmpty }

    /// Ledger paths inside `unlistedFolders` (folders the walk could not
    /// list) are not known to be gone: an incremental run keeps them.
    init(files walked: [InputFile], ledger: InputLedger?, fullReason: String?, unlistedFolders: [String] = []) {
        self.fullReason = fullReason
        var present = Set<String>()
        for file in walked {
            present.insert(file.relativePath)
            let status = file.stamp
            let stamp = status ?? Stamp(size: -1, modifiedNanoseconds: -1)
            if let earlier = ledger?.entry(file.relativePath) {
                // A file that could not be read is tried again: a permission fix does not change its time.
                if status != nil, Stamp(size: earlier.size, modifiedNanoseconds: earlier.modifiedNanoseconds) == stamp,
                   earlier.outcome.reason != .unreadable {
                    unchanged += 1
                    if fullReason == nil { continue }
                } else {
                    changed += 1
                }
            } else {
                new += 1
            }
            files.append(file)
        }
        let hidden = fullReason == nil ? unlistedFolders.map { $0 + "/" } : []
        // The ledger is in path order already.
        deleted = (ledger?.outcomes ?? []).lazy.map(\.path).filter { path in
            !present.contains(path) && !hidden.contains(where: { path.hasPrefix($0) })
        }
    }

    /// Paths whose earlier records this run replaces or removes.
    var replacedPaths: Set<String> {
        Set(files.map(\.relativePath)).union(deleted)
    }
}
