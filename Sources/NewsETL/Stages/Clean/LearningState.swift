/// The clean stage's per-source paragraph counts, kept across runs in
/// `.state/clean-learning.bin` (a `StateFile`; an unreadable one is reported
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

    let folder: String
    var path: String { "\(folder)/clean-learning.bin" }
    private static let magic = "NEWSETL-CLEAN-LEARNING-1\n"

    func load() -> Result<Counts, StateFile.Problem> {
        StateFile.read(path, magic: LearningState.magic).map(decode)
    }

    private func decode(_ payload: [UInt8]) -> Counts {
        var decoder = RecordDecoder(bytes: payload)
        var counts = Counts(sources: [:], paragraphs: [:])
        for _ in 0..<decoder.integer() {
            counts.sources[UInt64(bitPattern: Int64(decoder.integer()))] = decoder.integer()
        }
        for _ in 0..<decoder.integer() {
            let paragraph = UInt64(bitPattern: Int64(decoder.integer()))
            counts.paragraphs[paragraph] = Seen(source: UInt64(bitPattern: Int64(decoder.integer())), count: decoder.integer())
        }
        return counts
    }

    /// Writes the counts under a temporary name for `transaction` to put in place.
    func save(_ counts: Counts, into transaction: OutputTransaction) throws {
        var encoder = RecordEncoder()
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
        try StateFile.write(encoder.bytes, magic: LearningState.magic, to: path, into: transaction)
    }
}
