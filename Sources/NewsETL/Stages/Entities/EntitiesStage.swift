/// The `entities` stage: people, organisations, places and other names
/// (MISC) by a statistical tagger trained here on freely licensed corpora
/// with gazetteer features; dates, times, sums of money, percentages and
/// quantities by rules, dates resolved against the publication date; each
/// mention with offsets into the clean text, a canonical name and an entity
/// id shared across reports.
///
/// ```json
/// { "name": "entities", "enabled": true,
///   "options": { "types": ["PER", "ORG", "LOC", "MISC", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"],
///                "gazetteers": { "ORG": ["Valmora Civil Protection Agency"], "PER": [], "LOC": [], "MISC": [] },
///                "aliases": { "Grushko": "Alexander Grushko" } } }
/// ```
/// `gazetteers` adds names that are always entities of their type, wherever
/// they appear; `aliases` maps a mention or canonical name to the canonical
/// name analysts want (applied before entity ids are made).
public struct EntitiesStage: DocumentStage {
    public var types: Set<EntityMention.Kind>
    public var aliases: [String: String]
    let extractor: EntityExtractor

    public init(types: Set<EntityMention.Kind> = Set(EntityMention.Kind.allCases), tagger: EntityTagger = .builtIn,
                names: [EntityMention.Kind: [String]] = [:], aliases: [String: String] = [:]) {
        self.types = types
        self.aliases = aliases
        extractor = EntityExtractor(tagger: tagger, userNames: names)
    }

    public init(options: OptionReader) {
        let kinds = EntityMention.Kind.allCases.map(\.rawValue)
        let names = options.stringList("types", default: kinds, allowed: kinds)
        let gazetteers = options.nested("gazetteers")
        var extra: [EntityMention.Kind: [String]] = [:]
        for kind in [EntityMention.Kind.person, .organization, .location, .miscellaneous] {
            let list = gazetteers.stringList(kind.rawValue, default: [])
            if !list.isEmpty { extra[kind] = list }
        }
        gazetteers.finish()
        var aliases: [String: String] = [:]
        switch options.value("aliases") {
        case nil: break
        case .object(let object)?:
            for (key, value) in object.sorted(by: { $0.key < $1.key }) {
                if case .string(let canonical) = value { aliases[key] = canonical } else {
                    options.problems.add("\(options.keyPath("aliases")).\(key)", "expected a string, got \(value.summary)")
                }
            }
        case let other?:
            options.problems.add(options.keyPath("aliases"), "expected an object of name: canonical name, got \(other.summary)")
        }
        self.init(types: Set(names.compactMap(EntityMention.Kind.init(rawValue:))), names: extra, aliases: aliases)
    }

    public func process(_ document: Document) -> DocumentOutcome {
        var tagged = document
        let found = extractor.mentions(in: document.text, published: document.published).filter { types.contains($0.mention.kind) }
        tagged.entities = EntityLinker.link(found, aliases: aliases)
        return .keep(tagged)
    }
}
