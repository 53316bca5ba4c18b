import Foundation

/// The merge's memory at a scale no test folder reaches. A merge streams
/// documents from the shard files and holds, per document, only the
/// bookkeeping of its input file (the file, its outcome, its ledger entry)
/// and what the corpus stages keep of it. This drives the corpus stages of
/// a config exactly that way over `count` synthetic reports (one per
/// outlet of 500, a tenth planted copies, a dozen named mentions each from
/// a long-tailed pool of names) made on the fly and dropped: summaries on
/// worker threads, combined in run order, each collector finished into its
/// resolver. What it leaves out is the per-document work itself (decode,
/// cleaning, tagging), which a merge streams and does not hold.
public struct MergeMemoryEvaluation {
    public let stages: [any CorpusStage]
    public let workers: Int

    public init(config: PipelineConfig, workers: Int) {
        stages = config.stages.compactMap { configured in
            guard configured.enabled, case .corpus(let stage) = configured.kind else { return nil }
            return stage
        }
        self.workers = workers
    }

    public struct Report: Sendable {
        public var documents = 0
        public var stageNames: [String] = []
        /// Resident memory once the generator and the stages were set up.
        public var baselineResidentBytes = 0
        public var peakResidentBytes = 0
        public var seconds = 0.0
        public var bytesPerDocument: Double {
            Double(peakResidentBytes - baselineResidentBytes) / Double(max(documents, 1))
        }
    }

    public func run(count: Int) throws -> Report {
        let corpus = SyntheticCorpus(count: count, wordsPerReport: 300)
        let names = MentionPool()
        let folder = try EvaluationFolder("merge-memory")
        let context = CorpusContext(outputFolder: folder.path, runID: "run-merge-memory", startsFresh: true)
        let passes = stages.map { $0.makePass(context: context) }
        var report = Report()
        report.documents = count
        report.stageNames = stages.map { String(describing: type(of: $0)) }
        report.baselineResidentBytes = ProcessMemory.residentBytes
        let clock = ContinuousClock()
        let started = clock.now

        var files: [InputFile] = []
        var outcomes: [FileOutcome] = []
        var stamps: [InputFile.Stamp] = []
        files.reserveCapacity(count)
        outcomes.reserveCapacity(count)
        stamps.reserveCapacity(count)
        let batch = 4096
        let stages = self.stages
        for start in stride(from: 0, to: count, by: batch) {
            let indices = Array(start..<min(start + batch, count))
            let summarized = WorkerPool.map(indices, workers: workers) { index -> (Document, [any Sendable]) in
                let document = names.plant(in: corpus.report(index).document, index: index)
                return (document, stages.map { $0.summarizeAny(document) })
            }
            for (ordinal, (document, summaries)) in zip(indices, summarized) {
                for (pass, summary) in zip(passes, summaries) { pass.observe(summary, of: document, ordinal: ordinal) }
                let path = document.sourcePath
                let outcome = FileOutcome(path: path, sha256: document.sha256, kind: .kept, docID: document.docID)
                let stamp = InputFile.Stamp(size: document.byteCount, modifiedNanoseconds: ordinal)
                files.append(InputFile(relativePath: path, absolutePath: "/data/input/" + path, stamp: stamp))
                outcomes.append(outcome)
                stamps.append(stamp)
            }
        }
        let ledger = InputLedger(configSHA256: String(repeating: "0", count: 64), outcomes: outcomes, stamps: stamps,
                                 runIDs: Array(repeating: context.runID, count: outcomes.count))
        let resolvers = try passes.map { try $0.finish() }
        report.seconds = (clock.now - started).seconds
        report.peakResidentBytes = ProcessMemory.peakResidentBytes
        // Everything above must still be alive at the peak reading.
        withExtendedLifetime((files, outcomes, ledger, resolvers)) {}
        return report
    }
}

/// Outlets, a digest and named mentions for a synthetic report, so that
/// clean counts per source and entities see names the way they do in news:
/// a few names in most reports, most names in one or two.
private struct MentionPool: Sendable {
    private let given: [String]
    private let surnames: [String]

    init() {
        var random = SplitMix(seed: 11)
        let syllables = ["ba", "cor", "del", "fen", "gar", "hol", "ist", "jan", "kel", "lun", "mar", "nor", "pel", "quin", "ros",
                         "sten", "tor", "ul", "ven", "wyn"]
        func word(_ parts: ClosedRange<Int>) -> String {
            let text = (0..<Int.random(in: parts, using: &random)).map { _ in syllables.randomElement(using: &random)! }.joined()
            return text.prefix(1).uppercased() + text.dropFirst()
        }
        given = (0..<2_000).map { _ in word(1...2) }
        surnames = (0..<200_000).map { _ in word(2...3) }
    }

    func plant(in document: Document, index: Int) -> Document {
        var random = SplitMix(seed: UInt64(index) &* 0x9E37_79B9 &+ 5)
        var planted = document
        planted.source = "Outlet \(index % 500)"
        planted.sha256 = String(format: "%016llx", UInt64(index) &* 0x9E37_79B9_7F4A_7C15) + String(repeating: "0", count: 48)
        var text = document.text + "\n\n"
        var offset = text.unicodeScalars.count
        for mention in 0..<12 {
            // Zipf-like ranks: a few names recur across the corpus, most are rare.
            let rank = Int(Double(surnames.count) * pow(Double.random(in: 0..<1, using: &random), 4))
            let kind: EntityMention.Kind = [.person, .person, .organization, .location][mention % 4]
            let name = switch kind {
            case .person: given[rank % given.count] + " " + surnames[rank]
            case .organization: surnames[rank] + " Holdings"
            default: surnames[rank] + "ville"
            }
            let length = name.unicodeScalars.count
            let mentioned = EntityMention(kind: kind, text: name, start: offset, end: offset + length)
            planted.entities.append(EntityRecord(mention: mentioned, sentence: 0, canonical: name,
                                                 entityID: EntityLinker.entityID(kind, name)))
            text += name + ". "
            offset += length + 2
        }
        planted.text = text
        return planted
    }
}
