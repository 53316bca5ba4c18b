import Foundation

/// The envelope of every file in the state folder: a magic line naming the
/// format, the payload, and the SHA-256 of both, so a damaged or foreign
/// file is recognised before anything decodes it. Files are written under
/// a temporary name and put in place by the run's transaction.
enum StateFile {
    enum Problem: Error, Equatable {
        case missing
        case corrupt(String)
    }

    /// The payload of the file at `path`, checked.
    static func read(_ path: String, magic: String) -> Result<[UInt8], Problem> {
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(.missing) }
        let bytes = Array(data), header = Array(magic.utf8)
        guard bytes.count >= header.count + 32, bytes.starts(with: header) else {
            return .failure(.corrupt("not a NewsETL \(magic.trimmingCharacters(in: .newlines)) file"))
        }
        var hasher = SHA256()
        hasher.update(bytes[..<(bytes.count - 32)])
        guard hasher.finalize().elementsEqual(bytes[(bytes.count - 32)...]) else { return .failure(.corrupt("checksum mismatch")) }
        return .success(Array(bytes[header.count..<(bytes.count - 32)]))
    }

    /// Writes `payload` in the envelope under a temporary name and adds it to `transaction`.
    static func write(_ payload: [UInt8], magic: String, to path: String, into transaction: OutputTransaction) throws {
        var bytes = Array(magic.utf8) + payload
        var hasher = SHA256()
        hasher.update(bytes)
        bytes.append(contentsOf: hasher.finalize())
        try FileSystem.makeFolder((path as NSString).deletingLastPathComponent)
        let file = try AtomicFile(path: path)
        try file.write(bytes)
        try file.close()
        transaction.add(file.temporaryPath, as: path)
    }
}
