/// Joins spelling variants of one person's name across reports into one
/// entity, when the reports' context agrees.
///
/// Two full names join when `NameVariant` accepts them, they never occur
/// together in one report (a report naming both "Julian Smith" and
/// "Julianne Smith" means two people), and the reports naming them share at
/// least `minSharedContext` other entities, one of them a person. A chain
/// of joins that would put two names of one report together is undone as a
/// whole: a missed merge is cheaper than a wrong one.
///
/// The names of earlier runs, with their context, come from the state
/// folder (`entity-names.bin`), so a variant in tonight's reports joins a
/// name first seen last week; the joined entity then keeps the spelling
/// (and id) earlier runs gave it, so rows already written stay right.
final class NameVariantCollector: CorpusCollector {
    typealias Summary = EntitiesStage.Summary

    static func summary(of document: Document) -> Summary {
        var names = Set<String>(), context = Set<UInt64>()
        for record in document.entities {
            switch record.mention.kind {
            case .person:
                context.insert(StableHash.fnv1a(record.entityID) | 1)
                if record.canonical.utf8.contains(UInt8(ascii: " ")) { names.insert(record.canonical) }
            case .organization, .location, .miscellaneous:
                context.insert(StableHash.fnv1a(record.entityID) & ~1)
            case .date, .time, .money, .percent, .quantity:
                break
            }
        }
        return Summary(names: names.sorted(), context: context.sorted())
    }

    struct Name: Equatable {
        var spellings: [String: Int] = [:]
        var documents = 0
        var context = Set<UInt64>()
        /// Written by an earlier run: its entity id is in earlier outputs.
        var isFromEarlierRun = false
    }

    /// Context kept per name: enough to judge, bounded for huge corpora.
    private static let contextLimit = 256
    private let minSharedContext: Int
    private let state: NameTableState?
    private var names: [String: Name] = [:]
    /// Folded name pairs (sorted) that one report names side by side.
    private var together = Set<[String]>()
    private(set) var warnings: [String] = []

    /// Without a context (tests, evaluation) nothing is read or kept across runs.
    init(minSharedContext: Int, context: CorpusContext? = nil) {
        self.minSharedContext = minSharedContext
        state = context.map { NameTableState(store: $0.state) }
        guard let state, let context, !context.startsFresh else { return }
        switch state.load() {
        case .success(let table):
            names = table.names.mapValues { name in
                var earlier = name
                earlier.isFromEarlierRun = true
                return earlier
            }
            together = table.together
        case .failure(.damaged(let detail)):
            warnings.append("entity name state \(state.file.path) is unreadable (\(detail)); joining name variants within this run only")
        case .failure(.missing):
            break
        }
    }

    func observe(_ summary: Summary, of document: Document, ordinal: Int) {
        let folded = summary.names.map(EntityLinker.fold)
        for (spelling, key) in zip(summary.names, folded) {
            var name = names[key] ?? Name()
            name.spellings[spelling, default: 0] += 1
            name.documents += 1
            let ownID = StableHash.fnv1a(EntityLinker.entityID(.person, spelling)) | 1
            for hash in summary.context where hash != ownID && name.context.count < Self.contextLimit {
                name.context.insert(hash)
            }
            names[key] = name
        }
        for (left, right) in NameVariant.candidatePairs(folded) where NameVariant.areVariants(left, right) {
            together.insert([left, right])
        }
    }

    func finish() -> any CorpusResolver {
        var groups = UnionFind(names.keys.sorted())
        for (left, right) in NameVariant.candidatePairs(names.keys) where agree(left, right) { groups.union(left, right) }
        var merged: [String: EntityLinker.Target] = [:]
        for members in groups.components() where members.count > 1 && !holdsTwoPeople(members) {
            let earlier = members.filter { names[$0]!.isFromEarlierRun }
            let target = canonical(of: earlier.isEmpty ? members : earlier)
            for member in members { merged[member] = target }
        }
        // Written now, so the table is not held while the documents are exported.
        let savedState = state.map { state in Result { try state.write(NameTableState.Table(names: names, together: together)) } }
        names = [:]
        together = []
        return Resolver(merged: merged, savedState: savedState)
    }

    private func agree(_ left: String, _ right: String) -> Bool {
        guard NameVariant.areVariants(left, right), !together.contains([left, right].sorted()),
              let leftContext = names[left]?.context, let rightContext = names[right]?.context else { return false }
        let shared = leftContext.intersection(rightContext)
        return shared.count >= minSharedContext && shared.contains { $0 & 1 == 1 }
    }

    private func holdsTwoPeople(_ members: [String]) -> Bool {
        for (index, left) in members.enumerated() {
            for right in members[(index + 1)...] where together.contains([left, right].sorted()) { return true }
        }
        return false
    }

    /// The spelling of the name most reports use; the longer, then the
    /// alphabetically first, on a tie.
    private func canonical(of members: [String]) -> EntityLinker.Target {
        var best: (documents: Int, spelling: String)?
        for member in members {
            let name = names[member]!
            let spelling = name.spellings.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
            if let current = best,
               (current.documents, current.spelling.count, spelling) >= (name.documents, spelling.count, current.spelling) {
                continue
            }
            best = (name.documents, spelling)
        }
        let spelling = best!.spelling
        return EntityLinker.Target(canonical: spelling, entityID: EntityLinker.entityID(.person, spelling))
    }

    private struct Resolver: CorpusResolver {
        let merged: [String: EntityLinker.Target]
        /// The table for later runs, written when the names were merged.
        let savedState: Result<WrittenStateFile, any Error>?

        func persist(into transaction: OutputTransaction) throws {
            try savedState?.get().add(to: transaction)
        }

        func resolve(_ document: Document, ordinal: Int) -> CorpusOutcome {
            guard !merged.isEmpty else { return .keep(document) }
            var linked = document
            for index in linked.entities.indices where linked.entities[index].mention.kind == .person {
                if let target = merged[EntityLinker.fold(linked.entities[index].canonical)] {
                    linked.entities[index].canonical = target.canonical
                    linked.entities[index].entityID = target.entityID
                }
            }
            return .keep(linked)
        }
    }
}

/// Disjoint sets over a fixed list of keys.
private struct UnionFind {
    private var sets: DisjointSets
    private let keys: [String]
    private let index: [String: Int]

    init(_ keys: [String]) {
        self.keys = keys
        sets = DisjointSets(count: keys.count)
        index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
    }

    mutating func union(_ left: String, _ right: String) {
        sets.union(index[left]!, index[right]!)
    }

    /// Groups of keys, each sorted, in order of their first key.
    mutating func components() -> [[String]] {
        var groups: [Int: [String]] = [:]
        for node in keys.indices { groups[sets.root(node), default: []].append(keys[node]) }
        return groups.keys.sorted().map { groups[$0]! }
    }
}
