import Foundation

/// A folder of its own under the system's temporary folder for an
/// evaluation's files (the dedupe stage's scratch signatures, a merge's
/// state), removed with everything in it when the value is released.
final class EvaluationFolder {
    let path: String

    init(_ name: String) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)").path
        try FileSystem.makeFolder(path)
    }

    deinit { FileSystem.removeTree(path) }
}
