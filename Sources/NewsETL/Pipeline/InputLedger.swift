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
    /// One per path, in path order (`String` order, as the file keeps
    /// them): a sorted array, looked up by a search, costs a third of a
    /// dictionary at a million inputs.
    private(set) var entries: [Entry] = []

    /// With `entries` in any order; of two with one path the later is kept.
    init(configSHA256: String, entries: [Entry] = []) {
        self.configSHA256 = configSHA256
        self.entries = InputLedger.sortedUnique(entries)
    }

    var count: Int { entries.count }

    /// The entry of `path`, if the ledger has one.
    func entry(_ path: String) -> Entry? {
        let index = position(of: path)
        return index < entries.count && entries[index].outcome.path == path ? entries[index] : nil
    }

    /// This ledger less the entries of `replaced` paths, plus `added`
    /// (which win over an entry of the same path).
    func updated(removing replaced: Set<String>, adding added: [Entry], configSHA256: String) -> InputLedger {
        let added = InputLedger.sortedUnique(added)
        var merged: [Entry] = []
        merged.reserveCapacity(entries.count + added.count)
        var earlier = entries.startIndex, next = added.startIndex
        while earlier < entries.endIndex || next < added.endIndex {
            if earlier < entries.endIndex, replaced.contains(entries[earlier].outcome.path) {
                earlier += 1
            } else if next == added.endIndex
                        || (earlier < entries.endIndex && entries[earlier].outcome.path < added[next].outcome.path) {
                merged.append(entries[earlier])
                earlier += 1
            } else {
                if earlier < entries.endIndex, entries[earlier].outcome.path == added[next].outcome.path { earlier += 1 }
                merged.append(added[next])
                next += 1
            }
        }
        var ledger = InputLedger(configSHA256: configSHA256)
        ledger.entries = merged
        return ledger
    }

    /// Where `path` is or would go in `entries`.
    private func position(of path: String) -> Int {
        entries.partitionPoint { $0.outcome.path < path }
    }

    private static func sortedUnique(_ entries: [Entry]) -> [Entry] {
        if zip(entries, entries.dropFirst()).allSatisfy({ $0.outcome.path < $1.outcome.path }) { return entries }
        // A stable sort keeps equal paths in their order; the last of each run is kept.
        let sorted = entries.indices.sorted { (entries[$0].outcome.path, $0) < (entries[$1].outcome.path, $1) }.map { entries[$0] }
        return sorted.indices.compactMap { index in
            index + 1 < sorted.count && sorted[index + 1].outcome.path == sorted[index].outcome.path ? nil : sorted[index]
        }
    }

    static func load(_ file: StateFile) -> Result<InputLedger, StateFile.Problem> {
        file.load { (reader: inout BinaryReader) throws(BinaryReader.Damage) in
            let config = try reader.string()
            var entries: [Entry] = []
            for _ in 0..<(try reader.count(itemSize: 44)) {
                let path = try reader.string(), size = try reader.integer(), modified = try reader.integer()
                let runID = try reader.string(), sha256 = try reader.optional()
                let kind = try reader.value(FileOutcome.Kind.self)
                let outcome = FileOutcome(path: path, sha256: sha256, kind: kind, docID: try reader.optional(),
                                          canonicalID: try reader.optional(),
                                          reason: try reader.optional().flatMap(Rejection.Reason.init(rawValue:)))
                entries.append(Entry(size: size, modifiedNanoseconds: modified, outcome: outcome, runID: runID))
            }
            return InputLedger(configSHA256: config, entries: entries)
        }
    }

    /// Writes the ledger under a temporary name for `transaction` to put in place.
    func save(to file: StateFile, into transaction: OutputTransaction) throws {
        try file.save(into: transaction) { writer in
            writer.string(configSHA256)
            writer.integer(entries.count)
            for entry in entries {
                writer.string(entry.outcome.path)
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

    /// The outcomes in path order, for the cumulative manifest: `candidate`
    /// itself when it holds exactly those (a first run's outcomes, its files
    /// listed in path order), so that the two share one array; at a million
    /// inputs a copy is ~170 MB at the run's peak.
    func outcomes(sharing candidate: [FileOutcome]) -> [FileOutcome] {
        guard candidate.count == entries.count, zip(candidate, entries).allSatisfy({ $0 == $1.outcome }) else {
            return entries.map(\.outcome)
        }
        return candidate
    }
}
