/// One row per entity across every written document: its type, name,
/// aliases, how many documents and mentions, first and last publication
/// date. Built while documents are written; small (per entity, not per mention).
struct EntitySummary {
    private struct Entry {
        var kind: String
        /// Each canonical name and its mentions: most entities have one, so a
        /// list searched in order costs less than hashing the name each time.
        var canonicalCounts: [(name: String, count: Int)] = []
        var aliases = Set<String>()
        /// The spelling last added to `aliases`: an entity's mentions mostly repeat one.
        var lastAlias: String?
        var documents = 0
        var copies = 0
        var mentions = 0
        var lastDocument = ""
        var firstPublished: String?
        var lastPublished: String?
    }

    private var entries: [String: Entry] = [:]

    mutating func add(_ document: Document) {
        let isCopy = document.duplicateCluster.map { $0.canonicalID != document.docID } ?? false
        for record in document.entities {
            // In place: an entry copied out and back would copy its counts and aliases at every mention.
            Self.add(record, of: document, isCopy: isCopy, to: &entries[record.entityID, default: Entry(kind: record.mention.kind.rawValue)])
        }
    }

    private static func add(_ record: EntityRecord, of document: Document, isCopy: Bool, to entry: inout Entry) {
        if let index = entry.canonicalCounts.firstIndex(where: { $0.name == record.canonical }) {
            entry.canonicalCounts[index].count += 1
        } else {
            entry.canonicalCounts.append((record.canonical, 1))
        }
        if record.mention.text != entry.lastAlias {
            entry.aliases.insert(record.mention.text)
            entry.lastAlias = record.mention.text
        }
        entry.mentions += 1
        guard entry.lastDocument != document.docID else { return }
        if isCopy { entry.copies += 1 } else { entry.documents += 1 }
        entry.lastDocument = document.docID
        if let published = document.published {
            entry.firstPublished = min(entry.firstPublished ?? published, published)
            entry.lastPublished = max(entry.lastPublished ?? published, published)
        }
    }

    /// One entity of the summary, as `Datasets.entitySummaryLayout` writes it.
    struct Row {
        var entityID: String
        var type: String
        var name: String
        /// The other spellings, sorted, `; `-separated.
        var aliases: String
        /// Kept documents (unique reports and canonical copies) that mention it.
        var documents: Int
        /// Marked copies of other reports that mention it.
        var copies: Int
        var mentions: Int
        var firstPublished: String?
        var lastPublished: String?
    }

    /// Rows in entity-id order: the most used canonical name (longest, then
    /// alphabetical, on a tie) and the other spellings as aliases.
    func rows() -> [Row] {
        entries.keys.sorted().map { id in
            let entry = entries[id]!
            let name = entry.canonicalCounts.max { left, right in
                (left.count, left.name.count, right.name) < (right.count, right.name.count, left.name)
            }!.name
            let aliases = entry.aliases.subtracting([name]).sorted().joined(separator: "; ")
            return Row(entityID: id, type: entry.kind, name: name, aliases: aliases, documents: entry.documents,
                       copies: entry.copies, mentions: entry.mentions, firstPublished: entry.firstPublished, lastPublished: entry.lastPublished)
        }
    }
}
