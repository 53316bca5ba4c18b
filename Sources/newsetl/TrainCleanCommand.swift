import ArgumentParser
import Foundation
import NewsETL

struct TrainCleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-clean",
        abstract: "Train the clean stage's block model on page sets with gold text; print held-out scores.")

    @Option(name: .customLong("set"), help: "A folder with gold.jsonl and pages/ (repeat: shared/devsets/l3s-gn1, shared/devsets/readability).")
    var sets: [String] = []

    @Option(help: "Boosting rounds (trees).")
    var rounds = 150

    @Option(help: "Cross-validation folds over the pages of every set (0: none).")
    var folds = 5

    @Option(help: "Log-odds a block needs to stay; several (comma-separated) are each scored in cross-validation, the first is shipped.")
    var thresholds = "0"

    @Flag(help: "Also train on all but one set and score that set (leave one set out).")
    var leaveOneSetOut = false

    @Option(help: "Also write the model trained on every page as a Swift source file (BlockModelWeights.swift).")
    var embed: String?

    func run() throws {
        guard !sets.isEmpty else { throw ValidationError("give at least one --set") }
        let training = CleanModelTraining(decode: DecodeStage(), clean: CleanStage())
        let pageSets = sets.map(CleanModelTraining.PageSet.init(folder:))
        let pages = try pageSets.map { set in
            let pages = try training.examples(set)
            print("\(set.name): \(pages.count) pages, \(pages.reduce(0) { $0 + $1.blocks.count }) blocks")
            return pages
        }
        func line(_ label: String, _ precision: Double, _ recall: Double) -> String {
            "  " + label.padding(toLength: 28, withPad: " ", startingAt: 0) + String(format: " P %.3f  R %.3f  F1 %.3f", precision, recall,
                   precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall))
        }
        func train(_ keep: (Int, String) -> Bool) -> BlockModel {
            BlockModel.train(pages.enumerated().flatMap { set, pages in pages.filter { keep(set, $0.id) }.flatMap(\.blocks) }, rounds: rounds)
        }
        let cutoffs = thresholds.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !cutoffs.isEmpty else { throw ValidationError("--thresholds: expected numbers, e.g. 0,0.5") }
        var heldOut: [[[BoilerplateEvaluation.PageSetReport]]] = pageSets.map { _ in cutoffs.map { _ in [] } }
        for fold in 0..<folds {
            var model = train { _, id in CleanModelTraining.fold(of: id, folds: folds) != fold }
            for (index, set) in pageSets.enumerated() {
                let ids = Set(pages[index].map(\.id).filter { CleanModelTraining.fold(of: $0, folds: folds) == fold })
                for (position, cutoff) in cutoffs.enumerated() {
                    model.threshold = cutoff
                    heldOut[index][position].append(try training.score(set, model: model, only: ids))
                }
            }
        }
        for (index, set) in pageSets.enumerated() {
            print("\(set.name):")
            let alone = try training.score(set, model: nil)
            print(line("layout alone", alone.precision, alone.recall))
            let shipped = try training.score(set, model: .shipped)
            print(line("shipped model", shipped.precision, shipped.recall))
            for (position, cutoff) in cutoffs.enumerated() where folds > 1 {
                let reports = heldOut[index][position]
                let count = Double(reports.reduce(0) { $0 + $1.pages })
                let precision = reports.reduce(0) { $0 + $1.precision * Double($1.pages) } / count
                let recall = reports.reduce(0) { $0 + $1.recall * Double($1.pages) } / count
                print(line("\(folds)-fold, threshold \(cutoff)", precision, recall))
            }
            if leaveOneSetOut && pageSets.count > 1 {
                let other = try training.score(set, model: train { other, _ in other != index })
                print(line("trained without this set", other.precision, other.recall))
            }
        }
        if let embed {
            var model = train { _, _ in true }
            model.threshold = cutoffs[0]
            let source = model.swiftSource(trainedOn: "\(rounds) rounds on " + pageSets.map(\.name).joined(separator: ", "))
            try Data(source.utf8).write(to: URL(fileURLWithPath: embed), options: .atomic)
            print("\(embed): \(model.trees.count) trees")
        }
    }
}
