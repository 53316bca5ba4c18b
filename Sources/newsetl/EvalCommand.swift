import ArgumentParser
import Foundation
import NewsETL

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score a stage against hand-made gold data (development benchmarks).",
        subcommands: [EvalCleanCommand.self, EvalDedupeCommand.self, EvalDedupeScaleCommand.self, EvalMergeMemoryCommand.self, EvalHashCommand.self, EvalEntitiesCommand.self,
                      EvalLanguageCommand.self])
}

struct EvalCleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Score boilerplate removal: word 4-gram P/R/F1 over news pages with gold bodies, and the seed reports' GOLD.json.")

    @Option(help: "JSON lines with id and body (L3S-GN1 gold.jsonl).")
    var gold: String?

    @Option(help: "Folder of <id>.html pages for --gold.")
    var pages: String?

    @Option(help: "Folder with the seed reports and their GOLD.json.")
    var seeds: String?

    @Option(help: "Pipeline config whose decode and clean options to use (default: built-in defaults).")
    var config: String?

    @Option(help: "List this many worst pages.")
    var worst = 0

    @Option(help: "Score another tool's output instead: a folder of <id>.txt files, one per page of --gold.")
    var extracted: String?

    @Option(help: "Show every paragraph of one file with its verdict and layout scores.")
    var explain: String?

    func run() throws {
        var decode = DecodeStage()
        var clean = CleanStage()
        if let config {
            let pipeline = try PipelineConfig.load(path: config)
            for stage in pipeline.stages {
                switch stage.kind {
                case .decode(let configured): decode = configured
                case .document(let configured as CleanStage), .corpus(let configured as CleanStage): clean = configured
                default: break
                }
            }
        }
        let evaluation = BoilerplateEvaluation(decode: decode, clean: clean)
        if let gold, let pages {
            let report = try evaluation.scorePages(goldPath: gold, pagesFolder: pages, extractedFolder: extracted)
            print(String(format: "pages %d  precision %.3f  recall %.3f  F1 %.3f  empty %d", report.pages,
                         report.precision, report.recall, report.f1, report.emptyPages))
            print(String(format: "  against gold with repeated lines once: precision %.3f  recall %.3f  F1 %.3f",
                         report.uniquePrecision, report.uniqueRecall, report.uniqueF1))
            if extracted == nil { print(String(format: "one core: clean %.0f pages/s (%.3f s); decode+clean %.0f pages/s (%.3f s)",
                         Double(report.pages) / report.cleanSeconds, report.cleanSeconds,
                         Double(report.pages) / (report.decodeSeconds + report.cleanSeconds),
                         report.decodeSeconds + report.cleanSeconds)) }
            for entry in report.worst.prefix(worst) {
                print(String(format: "  %@  P %.3f  R %.3f", entry.id, entry.score.precision, entry.score.recall))
            }
        }
        if let seeds {
            let report = try evaluation.scoreSeeds(folder: seeds)
            print("seeds \(report.documents): boilerplate removed \(report.boilerplateRemoved)/\(report.boilerplateLines), "
                  + "article lines removed \(report.articleRemoved)/\(report.articleLines)")
            for miss in report.misses { print("  \(miss)") }
        }
        if let explain {
            for line in evaluation.explain(path: explain) { print(line) }
        }
        if gold == nil && seeds == nil && explain == nil {
            throw ValidationError("give --gold and --pages, or --seeds")
        }
    }
}

struct EvalDedupeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedupe",
        abstract: "Score near-duplicate detection: pairwise precision/recall/F1 against labelled clusters, and signatures/s.")

    @Option(help: "CSV with doc_id and cluster_id columns (reuters-dedup clusters.csv).")
    var clusters: String

    @Option(help: "Folder of <doc_id>.txt reports.")
    var docs: String

    @Option(help: "Pipeline config whose decode, clean and dedupe options to use (default: built-in defaults).")
    var config: String?

    @Option(help: "List this many wrong and missed pairs.")
    var show = 0

    func run() throws {
        var decode = DecodeStage()
        var clean = CleanStage()
        var dedupe = DedupeStage()
        if let config {
            for stage in try PipelineConfig.load(path: config).stages {
                switch stage.kind {
                case .decode(let configured): decode = configured
                case .document(let configured as CleanStage), .corpus(let configured as CleanStage): clean = configured
                case .corpus(let configured as DedupeStage): dedupe = configured
                default: break
                }
            }
        }
        let report = try DedupeEvaluation(decode: decode, clean: clean, dedupe: dedupe)
            .score(clustersPath: clusters, documentsFolder: docs)
        print(String(format: "documents %d  gold pairs %d  found %d  correct %d  precision %.3f  recall %.3f  F1 %.3f",
                     report.documents, report.goldPairs, report.foundPairs, report.truePairs,
                     report.precision, report.recall, report.f1))
        print(String(format: "one core: signatures %.0f docs/s (%.3f s); clustering %.3f s",
                     Double(report.documents) / report.sketchSeconds, report.sketchSeconds, report.clusterSeconds))
        for pair in report.falsePairs.prefix(show) { print("  wrong  \(pair.0) \(pair.1)") }
        for pair in report.missedPairs.prefix(show) { print("  missed \(pair.0) \(pair.1)") }
    }
}

struct EvalDedupeScaleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedupe-scale",
        abstract: "Run the dedupe stage over N synthetic ~3 KB reports with planted copies; report recall, time and peak memory.")

    @Option(help: "Number of synthetic reports.")
    var documents = 10_000

    @Option(help: "Worker threads for signatures (0 = one per core).")
    var workers = 0

    func run() throws {
        let threads = PipelineConfig.effectiveWorkers(workers)
        let report = try DedupeScaleEvaluation(stage: DedupeStage(), workers: threads).run(count: documents)
        print(String(format: "documents %d  planted copies %d  found %d  recall %.4f  false merges %d",
                     report.documents, report.plantedCopies, report.copiesFound, report.recall, report.falseMerges))
        for (kind, counts) in report.copiesFoundByKind.sorted(by: { $0.key < $1.key }) {
            print("  \(kind): \(counts.found)/\(counts.planted)")
        }
        print(String(format: "signatures %.2f s of thread time (%.0f docs/s per core; %d threads), clustering %.2f s, total %.2f s (generation included), peak RSS %.0f MB (%.0f bytes/doc)",
                     report.sketchSeconds, Double(report.documents) / report.sketchSeconds, threads, report.clusterSeconds,
                     report.totalSeconds, Double(report.peakResidentBytes) / 1e6,
                     Double(report.peakResidentBytes) / Double(max(report.documents, 1))))
    }
}

struct EvalMergeMemoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-memory",
        abstract: "Stream N synthetic reports past a config's corpus stages as a merge does (summaries only); report peak memory per report.")

    @Option(help: "Number of synthetic reports.")
    var documents = 100_000

    @Option(help: "The pipeline config whose corpus stages to drive.")
    var config = "pipeline.json"

    @Option(help: "Worker threads for summaries (0 = one per core).")
    var workers = 0

    func run() throws {
        let threads = PipelineConfig.effectiveWorkers(workers)
        let evaluation = MergeMemoryEvaluation(config: try PipelineConfig.load(path: config), workers: threads)
        let report = try evaluation.run(count: documents)
        print(String(format: "documents %d  stages %@  %.1f s  baseline RSS %.0f MB  peak RSS %.0f MB  %.0f bytes/report",
                     report.documents, report.stageNames.joined(separator: ","), report.seconds,
                     Double(report.baselineResidentBytes) / 1e6, Double(report.peakResidentBytes) / 1e6,
                     report.bytesPerDocument))
    }
}

struct EvalHashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash",
        abstract: "Time SHA-256 over a large buffer (MB/s) and over short strings (ns per digest, the size of ids and names); median of repeats.")

    @Option(help: "Size of the large buffer in MB.")
    var megabytes = 256

    @Option(help: "Repeats; the median is printed.")
    var repeats = 5

    func run() throws {
        let clock = ContinuousClock()
        let buffer = (0..<megabytes << 20).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let names = (0..<200_000).map { "person|anne-marie slaughter \($0)" }
        var throughput: [Double] = [], perDigest: [Double] = [], check = 0
        for _ in 0..<repeats {
            throughput.append(Double(megabytes) * 1.048576 / clock.measure { check &+= SHA256.hex(buffer).count }.seconds)
            perDigest.append(clock.measure { for name in names { check &+= SHA256.hex(name).count } }.seconds * 1e9 / Double(names.count))
        }
        let median = { (values: [Double]) in values.sorted()[values.count / 2] }
        print(String(format: "SHA-256: %.0f MB/s over %d MB, %.0f ns per %d-byte string (medians of %d; check %d)",
                     median(throughput), megabytes, median(perDigest), names[0].utf8.count, repeats, check))
    }
}

struct EvalLanguageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "language",
        abstract: "Score the language column: accuracy on whole texts, their first 200 and first 60 characters.")

    @Option(help: "JSON lines with id and body (the readability dev set's gold.jsonl).")
    var gold: String

    @Option(help: "id<TAB>ISO 639-1 code per text, und for placeholder text (bench/readability-languages.tsv).")
    var labels: String

    func run() throws {
        for bucket in try LanguageEvaluation().score(goldPath: gold, labelsPath: labels) {
            let confusions = bucket.confusions.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            print(String(format: "%-10@ texts %3d  correct %3d (%.3f)  und %2d  wrong %2d  %@", bucket.name, bucket.texts, bucket.correct,
                         bucket.accuracy, bucket.undetermined, bucket.wrong, confusions))
        }
    }
}
