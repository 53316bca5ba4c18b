/// Every input processed so far, in `.state/inputs.bin`: path, size and
/// modification time (how a later run knows the file is unchanged without
/// reading it), SHA-256, outcome, and the run that processed it; plus the
/// SHA-256 of the config those runs used. A `StateFile`.
struct InputLedger: Equatable {
    struct Entry: Equatable {
        var size: Int
        var modifiedNanoseconds: Int
        var outcome: FileOutcome
        var runID: String
    }

    static let fileName = "inputs.bin"
    private static let magic = "NEWSETL-INPUTS-1\n"

    var configSHA256: String
    var entries: [String: Entry] = [:]

    init(configSHA256: String) {
        self.configSHA256 = configSHA256
    }

    static func load(path: String) -> Result<InputLedger, StateFile.Problem> {
        StateFile.read(path, magic: magic).map(decode)
    }

    private static func decode(_ payload: [UInt8]) -> InputLedger {
        var decoder = RecordDecoder(bytes: payload)
        var ledger = InputLedger(configSHA256: decoder.string())
        for _ in 0..<decoder.integer() {
            let path = decoder.string(), size = decoder.integer(), modified = decoder.integer(), runID = decoder.string()
            let sha256 = decoder.optional()
            let kind = FileOutcome.Kind(rawValue: decoder.string()) ?? .rejected
            let outcome = FileOutcome(path: path, sha256: sha256, kind: kind, docID: decoder.optional(), canonicalID: decoder.optional(),
                                      reason: decoder.optional().flatMap(Rejection.Reason.init(rawValue:)))
            ledger.entries[path] = Entry(size: size, modifiedNanoseconds: modified, outcome: outcome, runID: runID)
        }
        return ledger
    }

    /// Writes the ledger under a temporary name for `transaction` to put in place.
    func save(to path: String, into transaction: OutputTransaction) throws {
        var encoder = RecordEncoder()
        encoder.string(configSHA256)
        encoder.integer(entries.count)
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
            encoder.string(path)
            encoder.integer(entry.size)
            encoder.integer(entry.modifiedNanoseconds)
            encoder.string(entry.runID)
            encoder.optional(entry.outcome.sha256)
            encoder.string(entry.outcome.kind.rawValue)
            encoder.optional(entry.outcome.docID)
            encoder.optional(entry.outcome.canonicalID)
            encoder.optional(entry.outcome.reason?.rawValue)
        }
        try StateFile.write(encoder.bytes, magic: InputLedger.magic, to: path, into: transaction)
    }

    /// The outcomes in path order, for the cumulative manifest.
    var outcomes: [FileOutcome] {
        entries.keys.sorted().map { entries[$0]!.outcome }
    }
}
