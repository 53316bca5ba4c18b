/// What the clean stage learns about each site beside its boilerplate
/// paragraphs, kept across runs in `.state/sites.bin`:
/// - the `og:site_name` each domain's pages give, so that every page of a
///   domain gets one display name (the one most pages give, ties to the
///   first in code-point order), and "washingtonpost.com" and "Washington
///   Post" are one outlet; a domain none of whose pages names itself is
///   shown as the domain;
/// - how many titles of each source carry each leading or trailing segment
///   (`TitleAffix`), counted like paragraphs; as with paragraphs, segments
///   seen once are not kept.
struct SiteState: Sendable {
    struct Counts: Sendable, Equatable {
        /// Pages giving each name, per domain.
        var names: [String: [String: Int]] = [:]
        /// Titles carrying each affix (`TitleAffix.hash`), with the affix's source.
        var titleAffixes: [UInt64: LearningState.Seen] = [:]
    }

    static let format = BinaryFormat(name: "SITES", version: 1)
    static let fileName = "sites.bin"
    let file: StateFile

    init(store: StateStore) {
        file = store.file(SiteState.fileName, format: SiteState.format)
    }

    func load() -> Result<Counts, StateFile.Problem> {
        file.load { (reader: inout BinaryReader) throws(BinaryReader.Damage) in
            var counts = Counts()
            for _ in 0..<(try reader.count(itemSize: 16)) {
                let domain = try reader.string()
                var names: [String: Int] = [:]
                for _ in 0..<(try reader.count(itemSize: 16)) { names[try reader.string()] = try reader.integer() }
                counts.names[domain] = names
            }
            for _ in 0..<(try reader.count(itemSize: 24)) {
                let affix = try reader.unsigned()
                counts.titleAffixes[affix] = LearningState.Seen(source: try reader.unsigned(), count: try reader.integer())
            }
            return counts
        }
    }

    /// Writes the counts under a temporary name for `transaction` to put in place.
    func save(_ counts: Counts, into transaction: OutputTransaction) throws {
        try file.save(into: transaction) { writer in
            writer.integer(counts.names.count)
            for (domain, names) in counts.names.sorted(by: { $0.key < $1.key }) {
                writer.string(domain)
                writer.integer(names.count)
                for (name, pages) in names.sorted(by: { $0.key < $1.key }) {
                    writer.string(name)
                    writer.integer(pages)
                }
            }
            let repeated = counts.titleAffixes.filter { $0.value.count >= 2 }
            writer.integer(repeated.count)
            for (affix, seen) in repeated.sorted(by: { $0.key < $1.key }) {
                writer.unsigned(affix)
                writer.unsigned(seen.source)
                writer.integer(seen.count)
            }
        }
    }

    /// The name most pages give.
    static func choose(_ names: [String: Int]) -> String? {
        names.min { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }?.key
    }
}

/// What the clean stage knows of every source when it cleans a document.
struct SourceKnowledge: Sendable {
    /// Paragraph keys learned as boilerplate (`SourceLearning.paragraphHash`).
    var paragraphs: Set<UInt64> = []
    /// Title affixes learned as the site's name (`TitleAffix.hash`).
    var titleAffixes: Set<UInt64> = []
    /// Display name per domain.
    var siteNames: [String: String] = [:]

    static let none = SourceKnowledge()

    /// The `source` of a page of `domain`: the domain's name, else the
    /// page's own site name, else the domain.
    func source(domain: String, siteName: String?) -> String {
        siteNames[domain] ?? siteName ?? domain
    }
}
