import Foundation

/// Makes sure the output folder exists, can be written and is NewsETL's
/// before a run produces anything.
enum OutputFolder {
    /// Entries a new, empty output folder may already hold (a checkout's placeholder).
    private static let placeholders: Set<String> = [".gitkeep", ".gitignore"]

    /// Creates the folder when missing. An existing folder must be one
    /// NewsETL made (it has `.state`, `.lock` or a shard's `shards/.newsetl`), or empty, unless `adopt`:
    /// a run pointed at a home folder by mistake must not start filling it.
    static func prepare(_ path: String, adopt: Bool = false) throws -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw RunError.outputFolder("output folder \(path): not a folder") }
            if !adopt, !isOwn(path) {
                let foreign = ((try? FileSystem.listDirectory(path)) ?? []).filter { !placeholders.contains($0) }.sorted()
                if !foreign.isEmpty {
                    let shown = foreign.prefix(3).joined(separator: ", ") + (foreign.count > 3 ? ", …" : "")
                    throw RunError.outputFolder("output folder \(path) already holds files NewsETL did not write (\(shown)); "
                                                + "choose an empty or new folder, or pass --output-is-mine to use it "
                                                + "(NewsETL only ever removes files it wrote)")
                }
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw RunError.outputFolder("output folder \(path): cannot be created")
            }
        }
        guard FileManager.default.isWritableFile(atPath: path) else {
            throw RunError.outputFolder("output folder \(path): not writable")
        }
        return path
    }

    /// Whether an earlier run or a shard used the folder.
    private static func isOwn(_ path: String) -> Bool {
        FileSystem.exists("\(path)/.state") || FileSystem.exists("\(path)/.lock") || FileSystem.exists(PendingRun.ownMarker(path))
    }

    /// Removes hidden `.NAME.tmp-PID` files and folders (half-written
    /// outputs, spools, state, run and dataset folders) left by runs that
    /// were killed: their process no longer exists. At the top level only
    /// names NewsETL writes there are touched. Call it only while holding
    /// the folder's lock, after `OutputTransaction.recover`.
    static func sweepAbandonedTemporaryFiles(in path: String) {
        let topLevel = Set(PublishedDataset.publishableNames + ["current"])
        for folder in [path, "\(path)/.state", "\(path)/runs", "\(path)/datasets"] {
            guard let names = try? FileSystem.listDirectory(folder) else { continue }
            for name in names where name.hasPrefix(".") {
                guard let marker = name.range(of: ".tmp-", options: .backwards),
                      let pid = Int32(name[marker.upperBound...]), pid > 0, !FileSystem.processExists(pid) else { continue }
                if folder == path, !topLevel.contains(String(name[name.index(after: name.startIndex)..<marker.lowerBound])) { continue }
                FileSystem.removeTree("\(folder)/\(name)")
            }
        }
    }
}
