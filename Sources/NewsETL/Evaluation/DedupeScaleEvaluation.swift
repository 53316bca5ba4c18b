import Foundation

/// Runs the dedupe stage over a `SyntheticCorpus` of `count` reports:
/// signatures on worker threads, the collector on one thread, as in a run,
/// and reports recall of planted copies, false merges, time and peak memory.
public struct DedupeScaleEvaluation {
    public let stage: DedupeStage
    public let workers: Int

    public init(stage: DedupeStage, workers: Int) {
        var configured = stage
        configured.stateEnabled = false
        self.stage = configured
        self.workers = workers
    }

    public struct Report: Sendable {
        public var documents = 0
        public var plantedCopies = 0
        public var copiesFound = 0
        public var copiesFoundByKind: [String: (found: Int, planted: Int)] = [:]
        /// Base reports merged with another base report.
        public var falseMerges = 0
        /// Time inside `summarize`, summed over threads: signatures per core.
        public var sketchSeconds = 0.0
        public var clusterSeconds = 0.0
        public var totalSeconds = 0.0
        public var peakResidentBytes = 0
        public var recall: Double { plantedCopies == 0 ? 1 : Double(copiesFound) / Double(plantedCopies) }
    }

    public func run(count: Int) throws -> Report {
        let corpus = SyntheticCorpus(count: count)
        let clock = ContinuousClock()
        var report = Report()
        let started = clock.now
        let folder = try EvaluationFolder("dedupe-scale")
        let collector = stage.makeCollector(context: CorpusContext(outputFolder: folder.path, runID: "scale"))
        var copies: [Int: (Int, SyntheticCorpus.CopyKind)] = [:]
        let batch = 4096
        for start in stride(from: 0, to: count, by: batch) {
            let indices = Array(start..<min(start + batch, count))
            let stage = self.stage
            let sketched = WorkerPool.map(indices, workers: workers) { index -> (SyntheticCorpus.Report, DedupeStage.Summary, Double) in
                let synthetic = corpus.report(index)
                var summary: DedupeStage.Summary?
                let elapsed = clock.measure { summary = stage.summarize(synthetic.document) }
                return (synthetic, summary!, elapsed.seconds)
            }
            for (ordinal, (synthetic, summary, seconds)) in zip(indices, sketched) {
                report.sketchSeconds += seconds
                collector.observe(summary, of: synthetic.document, ordinal: ordinal)
                if let copyOf = synthetic.copyOf { copies[ordinal] = copyOf }
            }
        }
        let clusterStarted = clock.now
        let resolver = try collector.finish()
        report.clusterSeconds = (clock.now - clusterStarted).seconds
        var clusterOf: [Int: String] = [:]
        for ordinal in 0..<count {
            let document = Document(docID: DecodeStage.docID(forRelativePath: "synthetic/\(ordinal).txt"),
                                    sourcePath: "synthetic/\(ordinal).txt", sha256: "", byteCount: 0, encoding: "utf-8",
                                    format: .text, title: nil, published: nil, source: nil, canonicalURL: nil, text: "", wordCount: 0)
            switch resolver.resolve(document, ordinal: ordinal) {
            case .keep(let kept): if let cluster = kept.duplicateCluster { clusterOf[ordinal] = cluster.clusterID }
            case .duplicate(let copy, _, _): clusterOf[ordinal] = copy.duplicateCluster?.clusterID
            case .reject: break
            }
        }
        report.totalSeconds = (clock.now - started).seconds
        report.documents = count
        report.plantedCopies = copies.count
        var membersPerCluster: [String: [Int]] = [:]
        for (ordinal, cluster) in clusterOf { membersPerCluster[cluster, default: []].append(ordinal) }
        for (ordinal, (original, kind)) in copies {
            let found = clusterOf[ordinal] != nil && clusterOf[ordinal] == clusterOf[original]
            if found { report.copiesFound += 1 }
            report.copiesFoundByKind[kind.rawValue, default: (0, 0)].planted += 1
            if found { report.copiesFoundByKind[kind.rawValue, default: (0, 0)].found += 1 }
        }
        for members in membersPerCluster.values {
            let bases = members.filter { copies[$0] == nil }
            if bases.count > 1 { report.falseMerges += bases.count - 1 }
        }
        report.peakResidentBytes = ProcessMemory.peakResidentBytes
        return report
    }
}
