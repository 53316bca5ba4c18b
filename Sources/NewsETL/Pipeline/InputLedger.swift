/// Every input processed so far, in `.state/inputs.bin`: path, size and
/// modification time (how a later run knows the file is unchanged without
/// reading it), SHA-256, outcome, and the run that processed it; plus the
/// SHA-256 of the config those runs used. A `StateFile`; the runner's own.
struct InputLedger: Equatable {
    struct Entry: Equatable {
        var size: Int
        var modifiedNanoseconds: Int
        var outcome: FileOutcome
        var runID: String
    }

    static let format = BinaryFormat(name: "INPUTS", version: 1)

    var configSHA256: String
    var entries: [String: Entry] = [:]

    init(configSHA256: String) {
        self.configSHA256 = configSHA256
    }

    static func load(_ file: StateFile) -> Result<InputLedger, StateFile.Problem> {
        file.load { (reader: inout BinaryReader) throws(BinaryReader.Damage) in
            var ledger = InputLedger(configSHA256: try reader.string())
            for _ in 0..<(try reader.count(itemSize: 44)) {
                let path = try reader.string(), size = try reader.integer(), modified = try reader.integer()
                let runID = try reader.string(), sha256 = try reader.optional()
                let kind = try reader.value(FileOutcome.Kind.self)
                let outcome = FileOutcome(path: path, sha256: sha256, kind: kind, docID: try reader.optional(),
                                          canonicalID: try reader.optional(),
                                          reason: try reader.optional().flatMap(Rejection.Reason.init(rawValue:)))
                ledger.entries[path] = Entry(size: size, modifiedNanoseconds: modified, outcome: outcome, runID: runID)
            }
            return ledger
        }
    }

    /// Writes the ledger under a temporary name for `transaction` to put in place.
    func save(to file: StateFile, into transaction: OutputTransaction) throws {
        try file.save(into: transaction) { writer in
            writer.string(configSHA256)
            writer.integer(entries.count)
            for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
                writer.string(path)
                writer.integer(entry.size)
                writer.integer(entry.modifiedNanoseconds)
                writer.string(entry.runID)
                writer.optional(entry.outcome.sha256)
                writer.string(entry.outcome.kind.rawValue)
                writer.optional(entry.outcome.docID)
                writer.optional(entry.outcome.canonicalID)
                writer.optional(entry.outcome.reason?.rawValue)
            }
        }
    }

    /// The outcomes in path order, for the cumulative manifest.
    var outcomes: [FileOutcome] {
        entries.keys.sorted().map { entries[$0]!.outcome }
    }
}
