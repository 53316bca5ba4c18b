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

    static let format = BinaryFormat(name: "CLEAN-LEARNING", version: 1)
    static let fileName = "clean-learning.bin"
    let file: StateFile

    init(store: StateStore) {
        file = store.file(LearningState.fileName, format: LearningState.format)
    }

    func load() -> Result<Counts, StateFile.Problem> {
        file.load { (reader: inout BinaryReader) throws(BinaryReader.Damage) in
            var counts = Counts(sources: [:], paragraphs: [:])
            for _ in 0..<(try reader.count(itemSize: 16)) {
                counts.sources[try reader.unsigned()] = try reader.integer()
            }
            for _ in 0..<(try reader.count(itemSize: 24)) {
                let paragraph = try reader.unsigned()
                counts.paragraphs[paragraph] = Seen(source: try reader.unsigned(), count: try reader.integer())
            }
            return counts
        }
    }

    /// Writes the counts under a temporary name for `transaction` to put in place.
    func save(_ counts: Counts, into transaction: OutputTransaction) throws {
        try file.save(into: transaction) { writer in
            writer.integer(counts.sources.count)
            for (source, documents) in counts.sources.sorted(by: { $0.key < $1.key }) {
                writer.unsigned(source)
                writer.integer(documents)
            }
            let repeated = counts.paragraphs.filter { $0.value.count >= 2 }
            writer.integer(repeated.count)
            for (paragraph, seen) in repeated.sorted(by: { $0.key < $1.key }) {
                writer.unsigned(paragraph)
                writer.unsigned(seen.source)
                writer.integer(seen.count)
            }
        }
    }
}
