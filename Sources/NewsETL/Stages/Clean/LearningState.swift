import Foundation

/// The clean stage's per-source paragraph counts, kept across runs in
/// `.state/clean-learning.bin` (checksummed; an unreadable file is reported
/// and learning restarts from the run's own documents). A changed input
/// counts again when it is processed again: the counts are evidence of
/// recurrence, not an index of documents. Paragraphs seen in one document
/// only (most sentences of most articles) are not kept, so the file grows
/// with a corpus's repeated lines, not with its size.
struct LearningState: Sendable {
    struct Seen: Sendable, Equatable {
        var source: UInt64
        var count: Int
    }

    struct Counts: Sendable, Equatable {
        var sources: [UInt64: Int]
        var paragraphs: [UInt64: Seen]
    }

    enum LoadProblem: Error {
        case missing
        case corrupt(String)
    }

    let folder: String
    var path: String { "\(folder)/clean-learning.bin" }
    private static let magic = Array("NEWSETL-CLEAN-LEARNING-1\n".utf8)

    func load() -> Result<Counts, LoadProblem> {
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(.missing) }
        let bytes = Array(data)
        let magic = LearningState.magic
        guard bytes.count >= magic.count + 32, bytes.starts(with: magic) else { return .failure(.corrupt("not a NewsETL learning state")) }
        var hasher = SHA256()
        hasher.update(bytes[..<(bytes.count - 32)])
        guard hasher.finalize().elementsEqual(bytes[(bytes.count - 32)...]) else { return .failure(.corrupt("checksum mismatch")) }
        var decoder = RecordDecoder(bytes: Array(bytes[magic.count..<(bytes.count - 32)]))
        var counts = Counts(sources: [:], paragraphs: [:])
        for _ in 0..<decoder.integer() {
            counts.sources[UInt64(bitPattern: Int64(decoder.integer()))] = decoder.integer()
        }
        for _ in 0..<decoder.integer() {
            let paragraph = UInt64(bitPattern: Int64(decoder.integer()))
            counts.paragraphs[paragraph] = Seen(source: UInt64(bitPattern: Int64(decoder.integer())), count: decoder.integer())
        }
        return .success(counts)
    }

    /// Writes the counts under a temporary name for `transaction` to put in place.
    func save(_ counts: Counts, into transaction: OutputTransaction) throws {
        var encoder = RecordEncoder()
        encoder.bytes = LearningState.magic
        encoder.integer(counts.sources.count)
        for (source, documents) in counts.sources.sorted(by: { $0.key < $1.key }) {
            encoder.integer(Int(Int64(bitPattern: source)))
            encoder.integer(documents)
        }
        let repeated = counts.paragraphs.filter { $0.value.count >= 2 }
        encoder.integer(repeated.count)
        for (paragraph, seen) in repeated.sorted(by: { $0.key < $1.key }) {
            encoder.integer(Int(Int64(bitPattern: paragraph)))
            encoder.integer(Int(Int64(bitPattern: seen.source)))
            encoder.integer(seen.count)
        }
        var hasher = SHA256()
        hasher.update(encoder.bytes)
        try FileSystem.makeFolder(folder)
        let file = try AtomicFile(path: path)
        try file.write(encoder.bytes + hasher.finalize())
        try file.close()
        transaction.add(file.temporaryPath, as: path)
    }
}
