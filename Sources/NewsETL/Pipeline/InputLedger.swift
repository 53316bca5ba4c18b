/// Every input processed so far, in `.state/inputs.bin`: path, size and
/// modification time (how a later run knows the file is unchanged without
/// reading it), SHA-256, outcome, and the run that processed it; plus the
/// SHA-256 of the config those runs used. A `StateFile`; the runner's own.
///
/// Kept by column, one per field, in path order (`String` order, as the
/// file keeps them): a sorted array, looked up by a search, costs a third
/// of a dictionary at a million inputs, and a first run's ledger holds the
/// run summary's own array of outcomes rather than a copy of each.
struct InputLedger: Equatable {
    /// One input's line of the ledger.
    struct Entry: Equatable {
        var size: Int
        var modifiedNanoseconds: Int
        var outcome: FileOutcome
        var runID: String
    }

    static let format = BinaryFormat(name: "INPUTS", version: 1)

    var configSHA256: String
    /// The outcome of each input, one per path, in path order.
    private(set) var outcomes: [FileOutcome]
    /// Beside `outcomes`: the size and modification time each input had.
    private var stamps: [InputFile.Stamp]
    /// Beside `outcomes`: the run that processed each input.
    private var runIDs: [String]

    /// With columns of one length, in any order; of two with one path the
    /// later is kept. Columns already in path order are kept as they are.
    init(configSHA256: String, outcomes: [FileOutcome], stamps: [InputFile.Stamp], runIDs: [String]) {
        precondition(outcomes.count == stamps.count && stamps.count == runIDs.count, "ledger columns of unequal length")
        self.configSHA256 = configSHA256
        if zip(outcomes, outcomes.dropFirst()).allSatisfy({ $0.path < $1.path }) {
            (self.outcomes, self.stamps, self.runIDs) = (outcomes, stamps, runIDs)
            return
        }
        // A stable sort keeps equal paths in their order; the last of each run is kept.
        let sorted = outcomes.indices.sorted { (outcomes[$0].path, $0) < (outcomes[$1].path, $1) }
        let kept = sorted.indices.compactMap { index in
            index + 1 < sorted.count && outcomes[sorted[index + 1]].path == outcomes[sorted[index]].path ? nil : sorted[index]
        }
        (self.outcomes, self.stamps, self.runIDs) = (kept.map { outcomes[$0] }, kept.map { stamps[$0] }, kept.map { runIDs[$0] })
    }

    var count: Int { outcomes.count }

    /// The entry of `path`, if the ledger has one.
    func entry(_ path: String) -> Entry? {
        let index = outcomes.partitionPoint { $0.path < path }
        return index < outcomes.count && outcomes[index].path == path ? entry(at: index) : nil
    }

    private func entry(at index: Int) -> Entry {
        Entry(size: stamps[index].size, modifiedNanoseconds: stamps[index].modifiedNanoseconds, outcome: outcomes[index],
              runID: runIDs[index])
    }

    /// This ledger less the entries of `replaced` paths, plus those of
    /// `added` (which win over an entry of the same path).
    func updated(removing replaced: Set<String>, adding added: InputLedger, configSHA256: String) -> InputLedger {
        var merged = InputLedger(configSHA256: configSHA256, outcomes: [], stamps: [], runIDs: [])
        let capacity = count + added.count
        merged.outcomes.reserveCapacity(capacity)
        merged.stamps.reserveCapacity(capacity)
        merged.runIDs.reserveCapacity(capacity)
        func take(_ index: Int, of ledger: InputLedger) {
            merged.outcomes.append(ledger.outcomes[index])
            merged.stamps.append(ledger.stamps[index])
            merged.runIDs.append(ledger.runIDs[index])
        }
        var earlier = 0, next = 0
        while earlier < count || next < added.count {
            if earlier < count, replaced.contains(outcomes[earlier].path) {
                earlier += 1
            } else if next == added.count || (earlier < count && outcomes[earlier].path < added.outcomes[next].path) {
                take(earlier, of: self)
                earlier += 1
            } else {
                if earlier < count, outcomes[earlier].path == added.outcomes[next].path { earlier += 1 }
                take(next, of: added)
                next += 1
            }
        }
        return merged
    }

    static func load(_ file: StateFile) -> Result<InputLedger, StateFile.Problem> {
        file.load { (reader: inout BinaryReader) throws(BinaryReader.Damage) in
            let config = try reader.string()
            let count = try reader.count(itemSize: 44)
            var outcomes: [FileOutcome] = [], stamps: [InputFile.Stamp] = [], runIDs: [String] = []
            outcomes.reserveCapacity(count)
            stamps.reserveCapacity(count)
            runIDs.reserveCapacity(count)
            for _ in 0..<count {
                let path = try reader.string(), size = try reader.integer(), modified = try reader.integer()
                let runID = try reader.string(), sha256 = try reader.optional()
                let kind = try reader.value(FileOutcome.Kind.self)
                outcomes.append(FileOutcome(path: path, sha256: sha256, kind: kind, docID: try reader.optional(),
                                            canonicalID: try reader.optional(),
                                            reason: try reader.optional().flatMap(Rejection.Reason.init(rawValue:))))
                stamps.append(InputFile.Stamp(size: size, modifiedNanoseconds: modified))
                // Most inputs share a run: they share its id's storage too.
                runIDs.append(runIDs.last == runID ? runIDs[runIDs.count - 1] : runID)
            }
            return InputLedger(configSHA256: config, outcomes: outcomes, stamps: stamps, runIDs: runIDs)
        }
    }

    /// Writes the ledger under a temporary name for `transaction` to put in place.
    func save(to file: StateFile, into transaction: OutputTransaction) throws {
        try file.save(into: transaction) { writer in
            writer.string(configSHA256)
            writer.integer(count)
            for (outcome, (stamp, runID)) in zip(outcomes, zip(stamps, runIDs)) {
                writer.string(outcome.path)
                writer.integer(stamp.size)
                writer.integer(stamp.modifiedNanoseconds)
                writer.string(runID)
                writer.optional(outcome.sha256)
                writer.string(outcome.kind.rawValue)
                writer.optional(outcome.docID)
                writer.optional(outcome.canonicalID)
                writer.optional(outcome.reason?.rawValue)
            }
        }
    }
}
