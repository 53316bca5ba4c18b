/// One display name per site: the `og:site_name` most of a domain's pages
/// give (ties to the first in code-point order), counted across runs in
/// `.state/site-names.bin`, so that "washingtonpost.com" and "Washington
/// Post" are one outlet. A domain none of whose pages names itself is
/// shown as the domain.
struct SiteNames: Sendable {
    /// Pages giving each name, per domain.
    typealias Counts = [String: [String: Int]]

    static let format = BinaryFormat(name: "SITE-NAMES", version: 1)
    static let fileName = "site-names.bin"
    let file: StateFile

    init(store: StateStore) {
        file = store.file(SiteNames.fileName, format: SiteNames.format)
    }

    func load() -> Result<Counts, StateFile.Problem> {
        file.load { (reader: inout BinaryReader) throws(BinaryReader.Damage) in
            var counts = Counts()
            for _ in 0..<(try reader.count(itemSize: 16)) {
                let domain = try reader.string()
                var names: [String: Int] = [:]
                for _ in 0..<(try reader.count(itemSize: 16)) { names[try reader.string()] = try reader.integer() }
                counts[domain] = names
            }
            return counts
        }
    }

    /// Writes the counts under a temporary name for `transaction` to put in place.
    func save(_ counts: Counts, into transaction: OutputTransaction) throws {
        try file.save(into: transaction) { writer in
            writer.integer(counts.count)
            for (domain, names) in counts.sorted(by: { $0.key < $1.key }) {
                writer.string(domain)
                writer.integer(names.count)
                for (name, pages) in names.sorted(by: { $0.key < $1.key }) {
                    writer.string(name)
                    writer.integer(pages)
                }
            }
        }
    }

    /// The name most pages give.
    static func choose(_ names: [String: Int]) -> String? {
        names.min { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }?.key
    }
}
