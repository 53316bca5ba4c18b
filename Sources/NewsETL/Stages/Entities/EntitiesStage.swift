/// The `entities` stage: people, organisations, places and other names
/// (MISC) by a statistical tagger trained here on freely licensed corpora
/// with gazetteer features; dates, times, sums of money, percentages and
/// quantities by rules, dates resolved against the publication date; each
/// mention with offsets into the clean text, a canonical name and an entity
/// id shared across reports.
///
/// ```json
/// { "name": "entities", "enabled": true, "options": { "types": ["PER", "ORG", "LOC", "MISC", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"] } }
/// ```
public struct EntitiesStage: DocumentStage {
    public var types: Set<EntityMention.Kind>
    let extractor: EntityExtractor

    public init(types: Set<EntityMention.Kind> = Set(EntityMention.Kind.allCases), tagger: EntityTagger = .builtIn) {
        self.types = types
        extractor = EntityExtractor(tagger: tagger)
    }

    public init(options: OptionReader) {
        let names = options.stringList("types", default: EntityMention.Kind.allCases.map(\.rawValue),
                                       allowed: EntityMention.Kind.allCases.map(\.rawValue))
        self.init(types: Set(names.compactMap(EntityMention.Kind.init(rawValue:))))
    }

    public func process(_ document: Document) -> DocumentOutcome {
        var tagged = document
        let found = extractor.mentions(in: document.text, published: document.published).filter { types.contains($0.mention.kind) }
        tagged.entities = EntityLinker.link(found)
        return .keep(tagged)
    }
}
