import Foundation

/// The train and held-out splits of `shared/ner/` and entity-level scoring.
///
/// Training: UNER English-EWT dev and the first 80% of WikiGold's
/// sentences. Held back, never trained on: UNER test and WikiGold's last 20%.
public enum EntityEvaluation {
    public struct Splits: Sendable {
        public var train: [LabelledSentence]
        public var test: [LabelledSentence]
    }

    public static func splits(nerFolder: String) throws -> Splits {
        let wikigold = try NERCorpus.readWikiGold(nerFolder + "/wikigold/wikigold.conll.txt")
        let unerDev = try NERCorpus.readUNER(nerFolder + "/uner-en-ewt/en_ewt-ud-dev.iob2")
        let unerTest = try NERCorpus.readUNER(nerFolder + "/uner-en-ewt/en_ewt-ud-test.iob2")
        let cut = wikigold.count * 8 / 10
        return Splits(train: unerDev + wikigold[..<cut], test: unerTest + wikigold[cut...])
    }

    public struct Report: Sendable {
        /// Per type: (correct, predicted, gold).
        public var counts: [String: (correct: Int, predicted: Int, gold: Int)] = [:]
        public var tokens = 0
        public var seconds = 0.0

        public func scores(_ types: [String]) -> (precision: Double, recall: Double, f1: Double) {
            let total = types.reduce((0, 0, 0)) { sum, type in
                let count = counts[type] ?? (0, 0, 0)
                return (sum.0 + count.correct, sum.1 + count.predicted, sum.2 + count.gold)
            }
            let precision = total.1 == 0 ? 0 : Double(total.0) / Double(total.1)
            let recall = total.2 == 0 ? 0 : Double(total.0) / Double(total.2)
            return (precision, recall, ShingleScore.f1(precision, recall))
        }
    }

    /// Entity-level exact match (same type, same first and last token).
    public static func score(_ tagger: EntityTagger, on sentences: [LabelledSentence]) -> Report {
        var report = Report()
        let clock = ContinuousClock()
        var predictions: [[String]] = []
        report.seconds = clock.measure { predictions = sentences.map { tagger.tag($0.words) } }.seconds
        for (sentence, predicted) in zip(sentences, predictions) {
            report.tokens += sentence.words.count
            let gold = NERCorpus.spans(sentence.tags)
            let found = NERCorpus.spans(predicted)
            for span in gold { report.counts[span.type, default: (0, 0, 0)].gold += 1 }
            for span in found {
                report.counts[span.type, default: (0, 0, 0)].predicted += 1
                if gold.contains(where: { $0.type == span.type && $0.start == span.start && $0.end == span.end }) {
                    report.counts[span.type, default: (0, 0, 0)].correct += 1
                }
            }
        }
        return report
    }
}

extension EntityEvaluation {
    public struct SeedReport: Sendable {
        /// Per type: (found, listed).
        public var recall: [String: (found: Int, listed: Int)] = [:]
        public var misses: [String] = []
    }

    /// Recall of the mentions the seeds' GOLD.json lists, per type: a listed
    /// mention counts as found when a mention of its type has the same text
    /// or contains it. Reports go through decode and clean first.
    public static func scoreSeeds(folder: String, tagger: EntityTagger) throws -> SeedReport {
        let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/GOLD.json"))) as? [String: Any]
        let documents = gold?["documents"] as? [String: [String: Any]] ?? [:]
        var report = SeedReport()
        for name in documents.keys.sorted() {
            let file = InputFile(relativePath: name, absolutePath: "\(folder)/\(name)")
            guard case .success(let decoded) = DecodeStage().decode(file, maxFileBytes: 50_000_000),
                  case .keep(let document) = CleanStage().process(decoded) else { continue }
            let found = EntityExtractor(tagger: tagger).mentions(in: document.text, published: document.published).map(\.mention)
            let listed = documents[name]?["entities"] as? [String: [String]] ?? [:]
            for (type, mentions) in listed {
                for mention in mentions {
                    let hit = found.contains { $0.kind.rawValue == type && ($0.text == mention || $0.text.contains(mention)) }
                    report.recall[type, default: (0, 0)].listed += 1
                    if hit { report.recall[type, default: (0, 0)].found += 1 } else { report.misses.append("\(name) \(type): \(mention)") }
                }
            }
        }
        return report
    }
}
