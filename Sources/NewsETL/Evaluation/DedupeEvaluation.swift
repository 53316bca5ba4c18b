import Foundation

/// Scores the dedupe stage against labelled duplicate clusters
/// (`doc_id,cluster_id,…` CSV; files `<doc_id>.txt`): pairwise precision and
/// recall over all same-cluster document pairs, and signatures per second on
/// one core. Documents go through decode and clean as in a run; a `filed`
/// column, when present, gives each document its publication date.
public struct DedupeEvaluation {
    public let decode: DecodeStage
    public let clean: CleanStage
    public let dedupe: DedupeStage

    public init(decode: DecodeStage = DecodeStage(), clean: CleanStage = CleanStage(), dedupe: DedupeStage) {
        // Clean follows and identifies the language, as in a run's plan.
        var decode = decode
        decode.identifiesLanguage = false
        self.decode = decode
        self.clean = clean
        var stage = dedupe
        stage.stateEnabled = false
        self.dedupe = stage
    }

    public struct Report: Sendable {
        public var documents = 0
        public var goldPairs = 0
        public var foundPairs = 0
        public var truePairs = 0
        public var precision: Double { foundPairs == 0 ? 1 : Double(truePairs) / Double(foundPairs) }
        public var recall: Double { goldPairs == 0 ? 1 : Double(truePairs) / Double(goldPairs) }
        public var f1: Double { ShingleScore.f1(precision, recall) }
        public var sketchSeconds = 0.0
        public var clusterSeconds = 0.0
        /// Wrong and missed pairs, for looking at what goes wrong.
        public var falsePairs: [(String, String)] = []
        public var missedPairs: [(String, String)] = []
    }

    public func score(clustersPath: String, documentsFolder: String) throws -> Report {
        let records = try CSVParser.parse(Array(FileManager.default.contents(atPath: clustersPath) ?? Data()))
        guard let header = records.first, let idColumn = header.firstIndex(of: "doc_id"),
              let clusterColumn = header.firstIndex(of: "cluster_id") else {
            throw SystemError("read", path: clustersPath, code: EINVAL)
        }
        let filedColumn = header.firstIndex(of: "filed")
        var goldCluster: [String: String] = [:]
        var filed: [String: String] = [:]
        for record in records.dropFirst() where record.count > max(idColumn, clusterColumn) {
            goldCluster[record[idColumn]] = record[clusterColumn]
            if let filedColumn, filedColumn < record.count { filed[record[idColumn]] = record[filedColumn] }
        }
        let ids = goldCluster.keys.sorted()
        var documents: [Document] = []
        var names: [String] = []
        for id in ids {
            let file = InputFile(relativePath: "\(id).txt", absolutePath: "\(documentsFolder)/\(id).txt")
            guard case .success(let decoded) = decode.decode(file, maxFileBytes: 50_000_000),
                  case .keep(var cleaned) = clean.process(decoded) else { continue }
            // The filing time stands in for the publication date a feed's metadata carries.
            if let time = filed[id] { cleaned.published = DateParser.parseMachineDate(time) ?? cleaned.published }
            documents.append(cleaned)
            names.append(id)
        }
        var report = Report()
        report.documents = documents.count
        let clock = ContinuousClock()
        var summaries: [DedupeStage.Summary] = []
        report.sketchSeconds = clock.measure { summaries = documents.map(dedupe.summarize) }.seconds
        var predicted: [String: String] = [:]
        let folder = try EvaluationFolder("dedupe-eval")
        report.clusterSeconds = try clock.measure {
            let collector = dedupe.makeCollector(context: CorpusContext(outputFolder: folder.path, runID: "eval"))
            for (ordinal, document) in documents.enumerated() { collector.observe(summaries[ordinal], of: document, ordinal: ordinal) }
            let resolver = try collector.finish()
            for (ordinal, document) in documents.enumerated() {
                switch resolver.resolve(document, ordinal: ordinal) {
                case .keep(let kept): predicted[names[ordinal]] = kept.duplicateCluster?.clusterID
                case .duplicate(let copy, _, _): predicted[names[ordinal]] = copy.duplicateCluster?.clusterID
                case .reject: break
                }
            }
        }.seconds
        let goldPairs = pairs(names, by: goldCluster)
        let foundPairs = pairs(names, by: predicted)
        report.goldPairs = goldPairs.count
        report.foundPairs = foundPairs.count
        report.truePairs = goldPairs.intersection(foundPairs).count
        report.falsePairs = foundPairs.subtracting(goldPairs).sorted { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        report.missedPairs = goldPairs.subtracting(foundPairs).sorted { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        return report
    }

    private func pairs(_ names: [String], by cluster: [String: String]) -> Set<PairKey> {
        var members: [String: [String]] = [:]
        for name in names { if let id = cluster[name] { members[id, default: []].append(name) } }
        var result = Set<PairKey>()
        for group in members.values where group.count > 1 {
            let sorted = group.sorted()
            for i in sorted.indices { for j in sorted.indices where j > i { result.insert(PairKey(sorted[i], sorted[j])) } }
        }
        return result
    }
}

struct PairKey: Hashable {
    let first: String
    let second: String
    init(_ first: String, _ second: String) {
        self.first = first
        self.second = second
    }
}

private extension Set where Element == PairKey {
    func sorted(by areInIncreasingOrder: ((String, String), (String, String)) -> Bool) -> [(String, String)] {
        map { ($0.first, $0.second) }.sorted(by: areInIncreasingOrder)
    }
}
