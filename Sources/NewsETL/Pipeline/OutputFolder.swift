import Foundation

/// Makes sure the output folder exists and can be written before a run
/// produces anything.
enum OutputFolder {
    static func prepare(_ path: String) throws -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw RunError.outputFolder("output folder \(path): not a folder") }
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

    /// Removes hidden `.NAME.tmp-PID` files and folders (half-written
    /// outputs, spools, state, run folders) left by runs that were killed:
    /// their process no longer exists. Call it only while holding the
    /// folder's lock, after `OutputTransaction.recover`.
    static func sweepAbandonedTemporaryFiles(in path: String) {
        for folder in [path, "\(path)/.state", "\(path)/runs"] {
            guard let names = try? FileSystem.listDirectory(folder) else { continue }
            for name in names where name.hasPrefix(".") {
                guard let marker = name.range(of: ".tmp-", options: .backwards),
                      let pid = Int32(name[marker.upperBound...]), pid > 0, !FileSystem.processExists(pid) else { continue }
                FileSystem.removeTree("\(folder)/\(name)")
            }
        }
    }
}
