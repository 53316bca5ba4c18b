/// One name, one type: every mention of a canonical name in the corpus gets
/// the type the evidence of all its mentions supports, not the type the
/// tagger gave it in one sentence. Each mention votes for its own type
/// (weight 1); a title or honorific before a person mention ("Mr",
/// "Senator", "spokeswoman") and a full name that starts with a known
/// first name vote harder for a person (a tagger's ORG for "Mitt Romney"
/// in a headline loses to his PER in the body), and a company's name with
/// its legal form ("Chrysler Corp") votes for the bare name ("Chrysler")
/// as an organisation. The most weight wins; on a
/// tie PER, ORG, LOC, MISC in that order. Votes of earlier runs come from
/// `.state/entity-types.bin`, so tonight's mentions join the type the
/// corpus settled on.
enum EntityTypeVotes {
    struct Vote: Sendable, Equatable {
        /// Folded canonical name (`EntityLinker.fold`).
        var name: String
        var kind: EntityMention.Kind
        var weight: Int
    }

    static let namedKinds: [EntityMention.Kind] = [.person, .organization, .location, .miscellaneous]
    static let honorificWeight = 3
    static let firstNameWeight = 2
    static let companyStemWeight = 3

    /// Words that, right before a name, say it is a person's.
    static let honorifics: Set<String> = [
        "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "sen", "senator", "rep", "representative", "gov",
        "governor", "president", "minister", "chancellor", "mayor", "judge", "justice", "pope", "king", "queen", "prince",
        "princess", "gen", "general", "col", "colonel", "capt", "captain", "lt", "sgt", "prof", "professor", "rev",
        "reverend", "coach", "manager", "striker", "midfielder", "defender", "goalkeeper", "spokesman", "spokeswoman",
        "spokesperson", "candidate", "nominee", "secretary", "ambassador", "chairman", "chairwoman", "ceo", "director",
        "actor", "actress", "singer", "rapper", "author", "sheikh", "ayatollah", "cardinal", "bishop", "archbishop",
    ]

    /// The votes one report casts, summed per name and type, sorted.
    static func votes(in document: Document) -> [Vote] {
        var weights: [String: [EntityMention.Kind: Int]] = [:]
        // Mentions come in text order: one walk over the text finds the word before each person.
        let scalars = document.text.unicodeScalars
        var cursor = (index: scalars.startIndex, offset: 0)
        for record in document.entities where namedKinds.contains(record.mention.kind) {
            var weight = 1
            if record.mention.kind == .person, record.mention.start >= cursor.offset {
                cursor.index = scalars.index(cursor.index, offsetBy: record.mention.start - cursor.offset, limitedBy: scalars.endIndex) ?? scalars.endIndex
                cursor.offset = record.mention.start
                if honorifics.contains(wordBefore(cursor.index, in: scalars)) { weight += honorificWeight }
                let words = record.canonical.split(separator: " ")
                if words.count >= 2, Gazetteer.shared.contains(String(words[0]), in: .firstName) { weight += firstNameWeight }
            }
            weights[EntityLinker.fold(record.canonical), default: [:]][record.mention.kind, default: 0] += weight
            // "Chrysler Corp" says what "Chrysler" alone is.
            if record.mention.kind == .organization, NonEntities.endsLikeACompany(record.canonical) {
                let stem = record.canonical.split(separator: " ").dropLast().joined(separator: " ")
                weights[EntityLinker.fold(stem), default: [:]][.organization, default: 0] += companyStemWeight
            }
        }
        var votes: [Vote] = []
        for (name, kinds) in weights {
            for (kind, weight) in kinds { votes.append(Vote(name: name, kind: kind, weight: weight)) }
        }
        return votes.sorted { ($0.name, $0.kind.rawValue) < ($1.name, $1.kind.rawValue) }
    }

    /// The lower-cased word that ends right before `index` (skipping spaces and a full stop).
    private static func wordBefore(_ index: String.UnicodeScalarView.Index, in scalars: String.UnicodeScalarView) -> String {
        var end = index
        while end > scalars.startIndex, case let previous = scalars[scalars.index(before: end)], previous == " " || previous == "." {
            end = scalars.index(before: end)
        }
        var start = end
        var length = 0
        while start > scalars.startIndex, length <= 20, scalars[scalars.index(before: start)].properties.isAlphabetic {
            start = scalars.index(before: start)
            length += 1
        }
        guard length <= 20 else { return "" }
        return String(scalars[start..<end]).lowercased()
    }

    /// The winning type of one name's summed votes.
    static func decide(_ weights: [EntityMention.Kind: Int]) -> EntityMention.Kind? {
        var best: EntityMention.Kind?
        for kind in namedKinds {
            if let weight = weights[kind], weight > (best.flatMap { weights[$0] } ?? 0) { best = kind }
        }
        return best
    }
}

/// Sums the corpus's type votes (with earlier runs' from the state file)
/// and retypes each mention to its name's winner.
final class EntityTypeCollector {
    private let state: EntityTypeState?
    private var weights: [String: [EntityMention.Kind: Int]] = [:]
    private(set) var warnings: [String] = []

    init(context: CorpusContext?) {
        state = context.map { EntityTypeState(store: $0.state) }
        guard let state, let context, !context.startsFresh else { return }
        switch state.load() {
        case .success(let loaded): weights = loaded
        case .failure(.damaged(let detail)):
            warnings.append("entity type state \(state.file.path) is unreadable (\(detail)); deciding types from this run only")
        case .failure(.missing): break
        }
    }

    func observe(_ votes: [EntityTypeVotes.Vote]) {
        for vote in votes { weights[vote.name, default: [:]][vote.kind, default: 0] += vote.weight }
    }

    func finish() -> Resolver {
        var winners: [String: EntityMention.Kind] = [:]
        for (name, kinds) in weights where kinds.count > 1 { winners[name] = EntityTypeVotes.decide(kinds) }
        return Resolver(winners: winners, state: state, weights: weights)
    }

    struct Resolver: Sendable {
        /// Only names whose mentions disagree; the rest keep their type.
        let winners: [String: EntityMention.Kind]
        let state: EntityTypeState?
        let weights: [String: [EntityMention.Kind: Int]]

        func persist(into transaction: OutputTransaction) throws {
            try state?.save(weights, into: transaction)
        }

        func retype(_ document: Document) -> Document {
            guard !winners.isEmpty else { return document }
            var retyped = document
            for index in retyped.entities.indices {
                let record = retyped.entities[index]
                guard EntityTypeVotes.namedKinds.contains(record.mention.kind),
                      let winner = winners[EntityLinker.fold(record.canonical)], winner != record.mention.kind else { continue }
                retyped.entities[index].mention.kind = winner
                retyped.entities[index].entityID = EntityLinker.entityID(winner, record.canonical)
            }
            return retyped
        }
    }
}

/// The summed type votes per folded name, in `.state/entity-types.bin`.
struct EntityTypeState: Sendable {
    static let format = BinaryFormat(name: "ENTITY-TYPES", version: 1)
    static let fileName = "entity-types.bin"
    let file: StateFile

    init(store: StateStore) {
        file = store.file(EntityTypeState.fileName, format: EntityTypeState.format)
    }

    func load() -> Result<[String: [EntityMention.Kind: Int]], StateFile.Problem> {
        file.load { (reader: inout BinaryReader) throws(BinaryReader.Damage) in
            var weights: [String: [EntityMention.Kind: Int]] = [:]
            for _ in 0..<(try reader.count(itemSize: 16)) {
                let name = try reader.string()
                var kinds: [EntityMention.Kind: Int] = [:]
                for _ in 0..<(try reader.count(itemSize: 16)) { kinds[try reader.value(EntityMention.Kind.self)] = try reader.integer() }
                weights[name] = kinds
            }
            return weights
        }
    }

    func save(_ weights: [String: [EntityMention.Kind: Int]], into transaction: OutputTransaction) throws {
        try file.save(into: transaction) { writer in
            writer.integer(weights.count)
            for (name, kinds) in weights.sorted(by: { $0.key < $1.key }) {
                writer.string(name)
                writer.integer(kinds.count)
                for (kind, weight) in kinds.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    writer.string(kind.rawValue)
                    writer.integer(weight)
                }
            }
        }
    }
}
