import Foundation

/// The train and held-out splits of `shared/ner/` and entity-level scoring.
///
/// Each corpus keeps a part it is never trained on: UNER English-EWT its
/// test split (dev is trained on); WikiGold, UNER English-PUD and each
/// section of the Broad Twitter Corpus their last 20% of sentences;
/// WNUT-17 its test split. `test` is the held-out part of WikiGold and
/// UNER-EWT, the figure earlier versions reported.
public enum EntityEvaluation {
    public struct Splits: Sendable {
        public var train: [LabelledSentence]
        public var test: [LabelledSentence]
        public var corpora: [CorpusSplit]
    }

    /// One corpus's training and held-out sentences.
    public struct CorpusSplit: Sendable {
        public var name: String
        public var train: [LabelledSentence]
        public var test: [LabelledSentence]
    }

    /// The training mix: the edited corpora (encyclopaedia, web and news
    /// sentences) twice, the social-media corpora once. Tweets teach
    /// precision but, alone at equal weight, make the tagger shy of names it
    /// has never seen in edited copy ("Valmora", "Sergei").
    public static let defaultTraining = ["wikigold", "uner-ewt", "uner-pud", "wikigold", "uner-ewt", "uner-pud", "btc", "wnut17"]

    /// `only` names the corpora to train on (`wikigold`, `uner-ewt`,
    /// `uner-pud`, `btc`, `wnut17`), a corpus named twice counting twice.
    public static func splits(nerFolder: String, only: [String] = defaultTraining) throws -> Splits {
        func tail(_ sentences: [LabelledSentence]) -> (train: [LabelledSentence], test: [LabelledSentence]) {
            let cut = sentences.count * 8 / 10
            return (Array(sentences[..<cut]), Array(sentences[cut...]))
        }
        let wikigold = tail(try NERCorpus.readWikiGold(nerFolder + "/wikigold/wikigold.conll.txt"))
        let pud = tail(try NERCorpus.readUNER(nerFolder + "/uner-en-pud/en_pud-ud-test.iob2"))
        var btc: (train: [LabelledSentence], test: [LabelledSentence]) = ([], [])
        for section in ["a", "b", "e", "f", "g", "h"] {
            let split = tail(try NERCorpus.readTabbed(nerFolder + "/btc/\(section).conll"))
            btc.train += split.train
            btc.test += split.test
        }
        let unerEWT = CorpusSplit(name: "uner-ewt", train: try NERCorpus.readUNER(nerFolder + "/uner-en-ewt/en_ewt-ud-dev.iob2"),
                                  test: try NERCorpus.readUNER(nerFolder + "/uner-en-ewt/en_ewt-ud-test.iob2"))
        let corpora = [
            CorpusSplit(name: "wikigold", train: wikigold.train, test: wikigold.test),
            unerEWT,
            CorpusSplit(name: "uner-pud", train: pud.train, test: pud.test),
            CorpusSplit(name: "btc", train: btc.train, test: btc.test),
            CorpusSplit(name: "wnut17", train: try NERCorpus.readTabbed(nerFolder + "/wnut17/wnut17train.conll")
                            + NERCorpus.readTabbed(nerFolder + "/wnut17/emerging.dev.conll"),
                        test: try NERCorpus.readTabbed(nerFolder + "/wnut17/emerging.test.annotated")),
        ]
        let chosen = only.flatMap { name in corpora.filter { $0.name == name } }
        return Splits(train: chosen.flatMap(\.train),
                      test: unerEWT.test + wikigold.test, corpora: corpora)
    }

    public struct Report: Sendable {
        /// Per type: (correct, predicted, gold).
        public var counts: [String: (correct: Int, predicted: Int, gold: Int)] = [:]
        public var tokens = 0
        /// Tagging time, the tables' one-off load (`loadSeconds`) excluded.
        public var seconds = 0.0
        public var loadSeconds = 0.0

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
        // The tables load once per process (gazetteer, word clusters); time the tagging only.
        report.loadSeconds = clock.measure { _ = sentences.first.map { tagger.tag($0.words) } }.seconds
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
    /// The mentions the extractor finds in one text with a given tagger,
    /// as `TYPE:text` — for trying a model on a sentence (`eval entities --text`).
    public static func mentions(in text: String, tagger: EntityTagger) -> [String] {
        EntityExtractor(tagger: tagger).mentions(in: text, published: nil).map { "\($0.mention.kind.rawValue):\($0.mention.text)" }
    }

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
