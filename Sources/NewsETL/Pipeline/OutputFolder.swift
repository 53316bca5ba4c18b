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
}
