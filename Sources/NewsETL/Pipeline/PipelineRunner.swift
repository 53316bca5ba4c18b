import Foundation

/// Runs a validated pipeline over its input folder and writes its outputs.
///
/// Files are decoded and passed through per-document stages in batches on
/// `workers` threads; results are consumed in input order, so outputs are
/// byte-identical at any worker count. Before a corpus stage (dedupe) the
/// documents are spooled to a temporary file while the stage keeps only a
/// compact summary of each; after it, they stream on from the spool. Memory
/// therefore holds one batch of documents plus a few hundred bytes per input
/// file (its outcome for the manifest, the corpus stage's key).
public struct PipelineRunner {
    public let config: PipelineConfig

    public init(config: PipelineConfig) {
        self.config = config
    }

    public func run() throws -> RunSummary {
        let startedAt = Date()
        let files: [InputFile]
        do {
            files = try InputWalker(options: config.input).walk()
        } catch let error as InputWalker.FolderError {
            throw RunError.inputFolder(error.description)
        }
        let folder = try OutputFolder.prepare(config.outputPath)
        LibXML.initialize()
        let plan = ExecutionPlan(stages: config.stages)
        let session: ExportSession
        do {
            session = try plan.export.stage.openSession(folder: folder)
        } catch {
            throw RunError.outputFolder("output folder \(folder): \(error)")
        }
        let run = PipelineRun(config: config, plan: plan, files: files, session: session, folder: folder)
        do {
            try run.execute()
            let summary = run.summary(startedAt: startedAt, finishedAt: Date(), outputFiles: session.outputPaths)
            try session.commit(manifest: summary.manifestJSON())
            return summary
        } catch let error as RunError {
            session.abort()
            throw error
        } catch {
            session.abort()
            throw RunError.output("writing outputs failed, previous outputs left intact: \(error)")
        }
    }
}

/// The mutable state of one run; used on the calling thread only.
private final class PipelineRun {
    private let config: PipelineConfig
    private let plan: ExecutionPlan
    private let files: [InputFile]
    private let session: ExportSession
    private let folder: String
    private let workers: Int
    private let batchSize: Int
    private var outcomes: [FileOutcome?]
    private var statistics: [StageStatistics]
    private var documentsWritten = 0

    init(config: PipelineConfig, plan: ExecutionPlan, files: [InputFile], session: ExportSession, folder: String) {
        self.config = config
        self.plan = plan
        self.files = files
        self.session = session
        self.folder = folder
        workers = config.effectiveWorkers
        batchSize = max(64, config.effectiveWorkers * 32)
        outcomes = Array(repeating: nil, count: files.count)
        statistics = config.stages.map { StageStatistics(name: $0.name, enabled: $0.enabled) }
    }

    /// Where documents leaving a segment go next.
    private enum Destination {
        case export
        case corpus(DocumentSpool, any CorpusCollector, statIndex: Int)
    }

    func execute() throws {
        var destination = try destination(afterSegment: 0)
        try decodeAll(into: destination)
        for segmentIndex in plan.segments.indices.dropFirst() {
            guard case .corpus(let spool, let collector, let statIndex) = destination else { break }
            try spool.finishWriting()
            defer { spool.remove() }
            let clock = ContinuousClock()
            let observeEnd = clock.measure { collector.finishObserving() }
            statistics[statIndex].busySeconds += observeEnd.seconds
            destination = try self.destination(afterSegment: segmentIndex)
            try streamSpool(spool, through: collector, statIndex: statIndex,
                            segment: plan.segments[segmentIndex], into: destination)
        }
    }

    private func destination(afterSegment index: Int) throws -> Destination {
        let next = index + 1
        guard next < plan.segments.count, let corpus = plan.segments[next].corpus else { return .export }
        let spool = try DocumentSpool(folder: folder, name: config.stages[corpus.index].name)
        return .corpus(spool, corpus.stage.makeCollector(), statIndex: corpus.index)
    }

    // MARK: - Phases

    private func decodeAll(into destination: Destination) throws {
        let decode = plan.decode
        let stages = plan.segments[0].documentStages
        let maxFileBytes = config.input.maxFileBytes
        let clock = ContinuousClock()
        for start in stride(from: 0, to: files.count, by: batchSize) {
            let batch = Array(files[start..<min(start + batchSize, files.count)].enumerated().map { (start + $0.offset, $0.element) })
            let results = WorkerPool.map(batch, workers: workers) { ordinal, file -> Processed in
                var decoded: Result<Document, Rejection> = .failure(Rejection(path: file.relativePath, reason: .unreadable, detail: ""))
                let elapsed = clock.measure { decoded = decode.stage.decode(file, maxFileBytes: maxFileBytes) }
                var processed = Processed(ordinal: ordinal, timings: [elapsed.seconds])
                switch decoded {
                case .failure(let rejection):
                    processed.result = .failure(rejection)
                    processed.rejectedAt = decode.index
                case .success(let document):
                    processed.apply(stages, to: document, clock: clock)
                }
                return processed
            }
            for processed in results {
                statistics[decode.index].input += 1
                statistics[decode.index].busySeconds += processed.timings[0]
                if processed.rejectedAt == decode.index {
                    statistics[decode.index].rejected += 1
                } else {
                    statistics[decode.index].output += 1
                }
                try record(processed, stages: stages, timingOffset: 1, into: destination)
            }
        }
    }

    private func streamSpool(_ spool: DocumentSpool, through collector: any CorpusCollector, statIndex: Int,
                             segment: ExecutionPlan.Segment, into destination: Destination) throws {
        let reader = try SpoolReader(spool: spool)
        let clock = ContinuousClock()
        while case let batch = try reader.nextBatch(limit: batchSize), !batch.isEmpty {
            var survivors: [(Int, Document)] = []
            for (ordinal, document) in batch {
                var outcome = CorpusOutcome.keep(document)
                let elapsed = clock.measure { outcome = collector.resolve(document, ordinal: ordinal) }
                statistics[statIndex].busySeconds += elapsed.seconds
                switch outcome {
                case .keep(let kept):
                    statistics[statIndex].output += 1
                    survivors.append((ordinal, kept))
                case .duplicate(let copy, let record, let keepInOutput):
                    statistics[statIndex].duplicates += 1
                    outcomes[ordinal] = FileOutcome(path: copy.sourcePath, sha256: copy.sha256, kind: .duplicate,
                                                    docID: copy.docID, canonicalID: record.canonicalID)
                    try session.write(record)
                    if keepInOutput { survivors.append((ordinal, copy)) }
                }
            }
            let stages = segment.documentStages
            let results = WorkerPool.map(survivors, workers: workers) { ordinal, document -> Processed in
                var processed = Processed(ordinal: ordinal, timings: [])
                processed.apply(stages, to: document, clock: clock)
                return processed
            }
            for processed in results {
                try record(processed, stages: stages, timingOffset: 0, into: destination)
            }
        }
    }

    /// Books one processed item in order: statistics, outcome, and its next stop.
    private func record(_ processed: Processed, stages: [ExecutionPlan.Indexed<any DocumentStage>],
                        timingOffset: Int, into destination: Destination) throws {
        for (position, stage) in stages.enumerated() where position + timingOffset < processed.timings.count {
            statistics[stage.index].input += 1
            statistics[stage.index].busySeconds += processed.timings[position + timingOffset]
            if processed.rejectedAt == stage.index {
                statistics[stage.index].rejected += 1
            } else {
                statistics[stage.index].output += 1
            }
        }
        switch processed.result {
        case .failure(let rejection):
            outcomes[processed.ordinal] = FileOutcome(path: rejection.path, sha256: rejection.sha256, kind: .rejected,
                                                      reason: rejection.reason)
            try session.write(rejection)
        case .success(let document):
            switch destination {
            case .export:
                if outcomes[processed.ordinal] == nil {
                    outcomes[processed.ordinal] = FileOutcome(path: document.sourcePath, sha256: document.sha256,
                                                              kind: .kept, docID: document.docID)
                }
                let clock = ContinuousClock()
                let elapsed = try clock.measure { try session.write(document) }
                statistics[plan.export.index].input += 1
                statistics[plan.export.index].output += 1
                statistics[plan.export.index].busySeconds += elapsed.seconds
                documentsWritten += 1
            case .corpus(let spool, let collector, let statIndex):
                statistics[statIndex].input += 1
                let clock = ContinuousClock()
                let elapsed = clock.measure { collector.observe(document, ordinal: processed.ordinal) }
                statistics[statIndex].busySeconds += elapsed.seconds
                try spool.append(document, ordinal: processed.ordinal)
            }
        }
    }

    func summary(startedAt: Date, finishedAt: Date, outputFiles: [String]) -> RunSummary {
        RunSummary(
            configSHA256: config.sha256, startedAt: startedAt, finishedAt: finishedAt, stages: statistics,
            files: outcomes.enumerated().map { index, outcome in
                outcome ?? FileOutcome(path: files[index].relativePath, kind: .rejected, reason: .unreadable)
            },
            documentsWritten: documentsWritten,
            outputFiles: outputFiles.map { ($0 as NSString).lastPathComponent })
    }
}

/// One item's trip through a run of per-document stages on a worker.
private struct Processed: Sendable {
    var ordinal: Int
    var result: Result<Document, Rejection> = .failure(Rejection(path: "", reason: .unreadable, detail: ""))
    /// The statistics index of the stage that rejected the item.
    var rejectedAt: Int?
    /// Seconds per stage, in the order the stages ran.
    var timings: [Double]

    mutating func apply(_ stages: [ExecutionPlan.Indexed<any DocumentStage>], to document: Document, clock: ContinuousClock) {
        var current = document
        for stage in stages {
            var outcome = DocumentOutcome.keep(current)
            let elapsed = clock.measure { outcome = stage.stage.process(current) }
            timings.append(elapsed.seconds)
            switch outcome {
            case .keep(let kept):
                current = kept
            case .reject(let rejection):
                result = .failure(rejection)
                rejectedAt = stage.index
                return
            }
        }
        result = .success(current)
    }
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
