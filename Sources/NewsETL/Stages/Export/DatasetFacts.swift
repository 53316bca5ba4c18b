/// What the run report shows beyond the manifest, gathered while the
/// export session writes the rows: per source, per publication day, per
/// clean rule, the clusters of copies and the rejected files' folders.
/// Small: per source, day, rule and cluster, never per document.
struct DatasetFacts {
    struct Source {
        var documents = 0
        var copies = 0
        var words = 0
        var keptCharacters = 0
        var removedCharacters = 0
        /// Share of the decoded text clean removed (0 when nothing was there).
        var removedShare: Double {
            let total = keptCharacters + removedCharacters
            return total > 0 ? Double(removedCharacters) / Double(total) : 0
        }
    }

    struct Rule {
        var paragraphs = 0
        var characters = 0

        mutating func add(_ other: Rule) {
            paragraphs += other.paragraphs
            characters += other.characters
        }
    }

    struct Cluster {
        var canonicalID: String
        var canonicalPath: String
        var copies: [(path: String, similarity: Double)] = []
    }

    private(set) var sources: [String: Source] = [:]
    /// Documents per publication date (`YYYY-MM-DD`); undated ones under "".
    private(set) var days: [String: Int] = [:]
    private(set) var rules: [String: Rule] = [:]
    private(set) var clusters: [String: Cluster] = [:]
    /// Rejected files per top-level input folder ("" for files at the top).
    private(set) var rejectedFolders: [String: Int] = [:]
    /// Rejected files per reason.
    private(set) var rejectedReasons: [String: Int] = [:]

    mutating func add(_ document: Document) {
        let isCopy = document.duplicateCluster.map { $0.canonicalID != document.docID } ?? false
        var source = sources[document.source ?? "", default: Source()]
        if isCopy { source.copies += 1 } else { source.documents += 1 }
        source.words += document.wordCount
        source.keptCharacters += document.text.scalarCount
        for run in document.removed.runsByRule {
            let characters = run.paragraphs.reduce(0) { $0 + $1.text.scalarCount }
            source.removedCharacters += characters
            rules[run.rule, default: Rule()].add(Rule(paragraphs: run.paragraphs.count, characters: characters))
        }
        sources[document.source ?? ""] = source
        if !isCopy { days[PublicationTime.date(document.published) ?? "", default: 0] += 1 }
    }

    mutating func add(_ duplicate: DuplicateRecord) {
        clusters[duplicate.clusterID, default: Cluster(canonicalID: duplicate.canonicalID, canonicalPath: duplicate.canonicalPath)]
            .copies.append((duplicate.sourcePath, duplicate.similarity))
    }

    mutating func add(_ rejection: Rejection) {
        let folder = rejection.path.firstIndex(of: "/").map { String(rejection.path[..<$0]) } ?? ""
        rejectedFolders[folder, default: 0] += 1
        rejectedReasons[rejection.reason.rawValue, default: 0] += 1
    }
}
