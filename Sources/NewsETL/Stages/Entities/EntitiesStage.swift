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
///                "aliases": { "Grushko": "Alexander Grushko" },
///                "merge_variants": { "enabled": true, "min_shared_context": 3 },
///                "one_type_per_name": true, "max_words": 1000000 } }
/// ```
/// `gazetteers` adds names that are always entities of their type, wherever
/// they appear; `aliases` maps a mention or canonical name to the canonical
/// name analysts want (applied before entity ids are made), on top of the
/// built-in country variants (`CountryNames`: "U.S.", "USA", "America" →
/// "United States"). Demonyms and nationality adjectives ("American",
/// "Russians") are always MISC, named as written, never the country.
/// Words that name nothing ("The", "Don" of "Don't", "TV") and lone first
/// names are dropped (`NonEntities`). With `one_type_per_name` on, every
/// mention of a name in the corpus gets the type all its mentions vote
/// for (`EntityTypeVotes`). With
/// `merge_variants` on, the stage sees the whole corpus before linking, so
/// that spelling variants of a person's name join one entity when the
/// reports share `min_shared_context` other entities (`NameVariantCollector`).
/// A document longer than `max_words` (no news report is: a book is
/// ~100,000 words) has its entities found in its first `max_words` words
/// only, and says so (`Document.boundedWork`): time and memory per document
/// stay bounded whatever lands in the input folder.
public struct EntitiesStage: DocumentStage, CorpusStage, ModelLoadingStage {
    public var types: Set<EntityMention.Kind>
    public var aliases: [String: String]
    /// Minimum number of other entities the reports of two name variants
    /// must share to join them; nil leaves variants apart.
    public var minSharedContext: Int?
    /// Words per document the stage reads at most.
    public var maxWords: Int
    /// Whether all mentions of a name in the corpus get one type.
    public var oneTypePerName: Bool
    let extractor: EntityExtractor

    public init(types: Set<EntityMention.Kind> = Set(EntityMention.Kind.allCases), tagger: EntityTagger? = nil,
                names: [EntityMention.Kind: [String]] = [:], aliases: [String: String] = [:], minSharedContext: Int? = 3,
                maxWords: Int = 1_000_000, oneTypePerName: Bool = true) {
        self.types = types
        self.maxWords = maxWords
        self.oneTypePerName = oneTypePerName
        self.aliases = CountryNames.canonical.merging(aliases) { $1 }
        self.minSharedContext = minSharedContext
        extractor = EntityExtractor(tagger: tagger, userNames: names)
    }

    public func loadModels() { extractor.loadModels() }

    public var mergesNameVariants: Bool { minSharedContext != nil }
    /// Whether the stage must see the corpus (it then runs as a corpus stage).
    public var seesCorpus: Bool { mergesNameVariants || oneTypePerName }

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
        let merge = options.nested("merge_variants")
        let mergeEnabled = merge.bool("enabled", default: true)
        let minShared = merge.integer("min_shared_context", default: 3, range: 1...1000)
        merge.finish()
        let maxWords = options.integer("max_words", default: 1_000_000, range: 1...Int.max)
        self.init(types: Set(names.compactMap(EntityMention.Kind.init(rawValue:))), names: extra, aliases: aliases,
                  minSharedContext: mergeEnabled ? minShared : nil, maxWords: maxWords,
                  oneTypePerName: options.bool("one_type_per_name", default: true))
    }

    public func process(_ document: Document) -> DocumentOutcome {
        .keep(prepare(document))
    }

    /// Finds and links the document's entities within the report.
    public func prepare(_ document: Document) -> Document {
        var tagged = document
        guard EntitiesStage.readsLanguage(document.language) else { return tagged }
        var text = document.text
        if document.wordCount > maxWords, let cut = TextNormalizer.offset(afterWords: maxWords, in: text) {
            text = String(text.unicodeScalars.prefix(cut))
            tagged.boundedWork.append("entities found in the first \(maxWords) of its \(document.wordCount) words only (entities.max_words)")
        }
        let found = extractor.mentions(in: text, published: document.published).compactMap(EntitiesStage.screen)
            .filter { types.contains($0.mention.kind) }
        tagged.entities = EntityLinker.link(found, aliases: aliases).filter { !NonEntities.isLoneFirstName($0) }
        return tagged
    }

    /// Drops a leading function word ("In January") and a name that names
    /// nothing; makes a demonym MISC and a name ending in a company's legal
    /// form ORG.
    static func screen(_ found: EntityExtractor.Found) -> EntityExtractor.Found? {
        guard EntityTypeVotes.namedKinds.contains(found.mention.kind) else { return found }
        var screened = found
        let leading = NonEntities.leadingFunctionWord(found.mention.text)
        if leading > 0 {
            screened.mention.text = String(found.mention.text.dropFirst(leading))
            screened.mention.start += leading
        }
        let text = screened.mention.text
        if NonEntities.namesNothing(text) { return nil }
        if NonEntities.endsLikeACompany(text) {
            screened.mention.kind = .organization
        } else if screened.mention.kind != .miscellaneous, Gazetteer.shared.contains(text, in: .demonym) {
            screened.mention.kind = .miscellaneous
        }
        return screened
    }

    /// Whether the stage reads a report in `language`: English, or too
    /// little text to tell. The tagger, its gazetteers and the date and
    /// number rules are English; on other languages they would find wrong
    /// names and misread numbers ("1.000" is a thousand in German), so such
    /// reports get no entities (the manifest's `documents_by_language`
    /// counts them).
    static func readsLanguage(_ language: String) -> Bool {
        language == "en" || language == LanguageIdentifier.undetermined
    }

    public var outputs: StageOutputs {
        StageOutputs(datasets: ["entities", "entity_summary"], documentColumns: ["people", "organizations", "places"],
                     stateFiles: (mergesNameVariants ? [".state/" + NameTableState.fileName] : [])
                        + (oneTypePerName ? [".state/" + EntityTypeState.fileName] : []))
    }

    /// What joining name variants keeps of one document.
    public struct Summary: Sendable {
        /// Its full person names (canonical spellings), sorted.
        var names: [String]
        /// Hashes of the ids of its named entities, persons with the lowest bit set, sorted.
        var context: [UInt64]
        /// Its type votes (`EntityTypeVotes`), empty unless `one_type_per_name`.
        var votes: [EntityTypeVotes.Vote] = []
    }

    public func summarize(_ document: Document) -> Summary {
        var summary = NameVariantCollector.summary(of: document)
        if oneTypePerName { summary.votes = EntityTypeVotes.votes(in: document) }
        return summary
    }

    public func makeCollector(context: CorpusContext) -> any CorpusCollector<Summary> {
        EntityCorpusCollector(
            types: oneTypePerName ? EntityTypeCollector(context: context) : nil,
            variants: minSharedContext.map { NameVariantCollector(minSharedContext: $0, context: context) })
    }
}
