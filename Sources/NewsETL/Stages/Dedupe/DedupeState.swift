/// The sketches of documents earlier runs kept, so a copy arriving in a
/// later run is matched too: `dedupe-signatures.bin` in the stage's state
/// folder (`state.path`, `.state` by default), a `StateFile`.
struct DedupeState: Sendable {
    struct Entry: Sendable, Equatable {
        var docID: String
        var sourcePath: String
        /// Publication day (`DateParser.dayNumber`), NaN when unknown.
        var day: Double
        var runID: String
        var sketch: DocumentSketch
    }

    static let format = BinaryFormat(name: "DEDUPE-STATE", version: 2)
    static let fileName = "dedupe-signatures.bin"
    let file: StateFile

    init(store: StateStore, folder: String) {
        file = store.file(DedupeState.fileName, format: DedupeState.format, folder: folder)
    }

    /// Calls `visit` with each entry in file order, once the whole file has
    /// been checked: a damaged file gives no entries at all, and the entries
    /// (about a kilobyte each as values) are never all in memory.
    func load(_ visit: (Entry) -> Void) -> Result<Void, StateFile.Problem> {
        file.load { (reader: inout BinaryReader) throws(BinaryReader.Damage) in
            var check = reader
            try DedupeState.decode(&check) { _ in }
            try DedupeState.decode(&reader, visit)
        }
    }

    private static func decode(_ reader: inout BinaryReader, _ visit: (Entry) -> Void) throws(BinaryReader.Damage) {
        var words: [UInt64] = []
        for _ in 0..<(try reader.count(itemSize: 40)) {
            let docID = try reader.string(), sourcePath = try reader.string(), day = try reader.double()
            let runID = try reader.string()
            words.removeAll(keepingCapacity: true)
            for _ in 0..<(try reader.count(itemSize: 8)) { words.append(try reader.unsigned()) }
            guard let sketch = DocumentSketch(packed: words) else {
                throw BinaryReader.Damage(description: "malformed sketch of \(docID)")
            }
            visit(Entry(docID: docID, sourcePath: sourcePath, day: day, runID: runID, sketch: sketch))
        }
    }

    /// Writes the entries, made one at a time, under a temporary name for a transaction to put in place.
    func write(_ entries: some Collection<Entry>) throws -> WrittenStateFile {
        try file.write { writer in
            writer.integer(entries.count)
            for entry in entries {
                writer.string(entry.docID)
                writer.string(entry.sourcePath)
                writer.double(entry.day)
                writer.string(entry.runID)
                let words = entry.sketch.packed()
                writer.integer(words.count)
                for word in words { writer.unsigned(word) }
            }
        }
    }
}
