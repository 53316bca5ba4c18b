/// The entities stage's view of the corpus: type votes first (a name's
/// type settles which entity it is), then the joining of person-name
/// variants; either may be switched off.
final class EntityCorpusCollector: CorpusCollector {
    typealias Summary = EntitiesStage.Summary

    private let types: EntityTypeCollector?
    private let variants: NameVariantCollector?

    init(types: EntityTypeCollector?, variants: NameVariantCollector?) {
        self.types = types
        self.variants = variants
    }

    var warnings: [String] { (types?.warnings ?? []) + (variants?.warnings ?? []) }

    func observe(_ summary: Summary, of document: Document, ordinal: Int) {
        types?.observe(summary.votes)
        variants?.observe(summary, of: document, ordinal: ordinal)
    }

    func finish() -> any CorpusResolver {
        Resolver(types: types?.finish(), variants: variants?.finish())
    }

    private struct Resolver: CorpusResolver {
        let types: EntityTypeCollector.Resolver?
        let variants: (any CorpusResolver)?

        func persist(into transaction: OutputTransaction) throws {
            try types?.persist(into: transaction)
            try variants?.persist(into: transaction)
        }

        func revise(_ stored: Document) -> Document {
            types?.retype(stored) ?? stored
        }

        func resolve(_ document: Document, ordinal: Int) -> CorpusOutcome {
            let retyped = types?.retype(document) ?? document
            return variants?.resolve(retyped, ordinal: ordinal) ?? .keep(retyped)
        }
    }
}
