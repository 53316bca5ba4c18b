import ArgumentParser
import Foundation
import NewsETL

struct TrainNERCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-ner",
        abstract: "Train the entity tagger on the freely licensed corpora in shared/ner and write the model file.")

    @Option(help: "Folder with wikigold/ and uner-en-ewt/ (shared/ner).")
    var ner = "../shared/ner"

    @Option(help: "Model file to write.")
    var model = "ner-model.bin"

    @Option(help: "Passes over the training data.")
    var epochs = 12

    func run() throws {
        let splits = try EntityEvaluation.splits(nerFolder: ner)
        let tagger = EntityTagger.train(splits.train, epochs: epochs)
        let bytes = tagger.serialized()
        try Data(bytes).write(to: URL(fileURLWithPath: model), options: .atomic)
        print("trained on \(splits.train.count) sentences; \(model): \(bytes.count) bytes")
        let report = EntityEvaluation.score(tagger, on: splits.test)
        EvalEntitiesCommand.print(report)
    }
}

struct EvalEntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "Score the entity tagger on the held-back parts of shared/ner: entity-level exact P/R/F1 per type, tokens/s.")

    @Option(help: "Folder with wikigold/ and uner-en-ewt/ (shared/ner).")
    var ner = "../shared/ner"

    @Option(help: "Model file.")
    var model = "ner-model.bin"

    @Option(help: "Also score recall of the mentions listed in this folder's GOLD.json (the seed reports).")
    var seeds: String?

    func run() throws {
        guard let data = FileManager.default.contents(atPath: model) else { throw ValidationError("cannot read \(model)") }
        let tagger = try EntityTagger(serialized: Array(data))
        EvalEntitiesCommand.print(EntityEvaluation.score(tagger, on: try EntityEvaluation.splits(nerFolder: ner).test))
        if let seeds {
            let report = try EntityEvaluation.scoreSeeds(folder: seeds, tagger: tagger)
            for (type, counts) in report.recall.sorted(by: { $0.key < $1.key }) {
                Swift.print(String(format: "seeds %@ recall %.3f (%d/%d)", type, Double(counts.found) / Double(max(counts.listed, 1)),
                                   counts.found, counts.listed))
            }
            for miss in report.misses { Swift.print("  missed \(miss)") }
        }
    }

    static func print(_ report: EntityEvaluation.Report) {
        for type in NERCorpus.types {
            let (precision, recall, f1) = report.scores([type])
            Swift.print(String(format: "  %@  P %.3f  R %.3f  F1 %.3f  (gold %d)", type, precision, recall, f1, report.counts[type]?.gold ?? 0))
        }
        let micro = report.scores(["PER", "ORG", "LOC"])
        Swift.print(String(format: "held-out micro PER/ORG/LOC: P %.3f  R %.3f  F1 %.3f; %d tokens in %.3f s, %.0f tokens/s on one core",
                           micro.precision, micro.recall, micro.f1, report.tokens, report.seconds, Double(report.tokens) / report.seconds))
    }
}
