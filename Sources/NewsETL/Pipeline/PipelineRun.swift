import Foundation

/// The mutable state of one run; used on the calling thread only.
final class PipelineRun {
    private let config: PipelineConfig
    private let plan: ExecutionPlan
    private let files: [InputFile]
    private let session: ExportSession
    /// Where corpus stages' spools are written (the state folder).
    private let spoolFolder: String
    private let workers: Int
    private let batchSize: Int
    /// Input bytes (or spooled text) in flight at most, beyond one document.
    private let batchBytes: Int
    private(set) var outcomes: [FileOutcome?]
    private var statistics: [StageStatistics]
    private let context: CorpusContext
    private let records: RecordStoreWriter
    private let progress: RunProgress.Handler?
    private let checkStop: () throws -> Void
    private var documentsWritten = 0
    private var entityMentions = 0
    private var removalsByRule: [String: Int] = [:]
    private var warnings: [String] = []
    /// Work stages bounded, by stage and message, with the first file and
    /// how many files: one warning each, however many files it concerns.
    private var boundedWork: [(key: BoundedWorkKey, firstPath: String, documents: Int)] = []

    private var boundedIndex: [BoundedWorkKey: Int] = [:]

    private struct BoundedWorkKey: Hashable {
        var stage: Int
        var message: String
    }
    /// Records completed before the last segment (rejections, dropped
    /// copies), held until the last segment reaches their place in run order.
    private var pendingRecords = PendingRecords()
    /// Duplicate records of documents still on their way to export.
    private var duplicateOf: [Int: DuplicateRecord] = [:]
    /// Corpus stages' decisions, kept to save their state after the outputs.
    private(set) var resolvers: [any CorpusResolver] = []

    /// `records` receives every processed file's record in run order, for the state folder.
    init(config: PipelineConfig, plan: ExecutionPlan, files: [InputFile], session: ExportSession, spoolFolder: String,
         context: CorpusContext, records: RecordStoreWriter, progress: RunProgress.Handler?,
         checkStop: @escaping () throws -> Void = {}) {
        self.checkStop = checkStop
        self.config = config
        self.plan = plan
        self.files = files
        self.session = session
        self.spoolFolder = spoolFolder
        self.context = context
        self.records = records
        self.progress = progress
        workers = config.effectiveWorkers
        batchSize = max(64, config.effectiveWorkers * 32)
        batchBytes = max(64 << 20, config.effectiveWorkers * (16 << 20))
        outcomes = Array(repeating: nil, count: files.count)
        statistics = config.stages.map { StageStatistics(name: $0.name, enabled: $0.enabled) }
    }

    /// Where documents leaving a segment go next.
    private enum Destination {
        case export
        case corpus(DocumentSpool, any CorpusPass, ExecutionPlan.Indexed<any CorpusStage>)

        var corpusStage: ExecutionPlan.Indexed<any CorpusStage>? {
            if case .corpus(_, _, let stage) = self { return stage }
            return nil
        }
    }

    func execute() throws {
        var destination = try destination(afterSegment: 0)
        try decodeAll(into: destination)
        for segmentIndex in plan.segments.indices.dropFirst() {
            guard case .corpus(let spool, let collector, let stage) = destination else { break }
            try spool.finishWriting()
            defer { spool.remove() }
            let clock = ContinuousClock()
            var resolver: (any CorpusResolver)?
            let elapsed = clock.measure { resolver = collector.finish() }
            statistics[stage.index].busySeconds += elapsed.seconds
            warnings.append(contentsOf: collector.warnings)
            resolvers.append(resolver!)
            destination = try self.destination(afterSegment: segmentIndex)
            try streamSpool(spool, resolver: resolver!, stage: stage, segment: plan.segments[segmentIndex], into: destination)
        }
        try flushPendingRecords(before: Int.max)
    }

    private func destination(afterSegment index: Int) throws -> Destination {
        let next = index + 1
        guard next < plan.segments.count, let corpus = plan.segments[next].corpus else { return .export }
        let spool = try DocumentSpool(folder: spoolFolder, name: config.stages[corpus.index].name)
        return .corpus(spool, corpus.stage.makePass(context: context), corpus)
    }

    // MARK: - Phases

    private func decodeAll(into destination: Destination) throws {
        let decode = plan.decode
        let stages = plan.segments[0].documentStages
        let corpus = destination.corpusStage
        let maxFileBytes = config.input.maxFileBytes
        let clock = ContinuousClock()
        var start = 0
        while start < files.count {
            let end = batchEnd(from: start)
            let batch = Array(files[start..<end].enumerated().map { (start + $0.offset, $0.element) })
            start = end
            let results = WorkerPool.map(batch, workers: workers) { ordinal, file -> Processed in
                var processed = Processed(ordinal: ordinal)
                var decoded: Result<Document, Rejection>?
                let elapsed = clock.measure { decoded = decode.stage.decode(file, maxFileBytes: maxFileBytes) }
                processed.time(decode.index, elapsed)
                processed.count(decode.index, .entered)
                switch decoded! {
                case .failure(let rejection):
                    processed.reject(rejection, at: decode.index)
                case .success(let document):
                    processed.count(decode.index, .passed)
                    processed.finish(document, through: stages, summarizingFor: corpus, clock: clock)
                }
                return processed
            }
            for processed in results { try record(processed, into: destination) }
            progress?(RunProgress(phase: "decode", done: end, total: files.count))
            CrashPoint.reach("decode")
            try checkStop()
        }
    }

    /// Files in flight at once: at most `batchSize`, and no more bytes than
    /// `batchBytes` (at least one file), so a folder of huge reports holds a
    /// few of them in memory at a time, not a whole batch.
    private func batchEnd(from start: Int) -> Int {
        var end = start, bytes = 0
        while end < files.count, end - start < batchSize {
            let size = max(files[end].stamp?.size ?? 0, 0)
            if end > start, bytes + size > batchBytes { break }
            bytes += size
            end += 1
        }
        return end
    }

    private func streamSpool(_ spool: DocumentSpool, resolver: any CorpusResolver, stage: ExecutionPlan.Indexed<any CorpusStage>,
                             segment: ExecutionPlan.Segment, into destination: Destination) throws {
        let reader = try SpoolReader(spool: spool)
        let stages = segment.documentStages
        let corpus = destination.corpusStage
        let clock = ContinuousClock()
        var done = 0
        while case let batch = try reader.nextBatch(limit: batchSize, bytes: batchBytes), !batch.isEmpty {
            let results = WorkerPool.map(batch, workers: workers) { ordinal, document -> Processed in
                var processed = Processed(ordinal: ordinal)
                var outcome: CorpusOutcome?
                let elapsed = clock.measure { outcome = resolver.resolve(document, ordinal: ordinal) }
                processed.time(stage.index, elapsed)
                switch outcome! {
                case .keep(let kept):
                    processed.count(stage.index, .passed)
                    processed.finish(kept, through: stages, summarizingFor: corpus, clock: clock)
                case .reject(let rejection):
                    processed.reject(rejection, at: stage.index)
                case .duplicate(let copy, let record, let keepInOutput):
                    processed.count(stage.index, .duplicate)
                    processed.duplicate = record
                    if keepInOutput {
                        processed.finish(copy, through: stages, summarizingFor: corpus, clock: clock)
                    } else {
                        processed.result = nil
                    }
                }
                return processed
            }
            for processed in results { try record(processed, into: destination) }
            done += batch.count
            progress?(RunProgress(phase: config.stages[stage.index].name, done: done, total: spool.count))
            try checkStop()
        }
    }

    /// Books one processed item in run order: statistics, outcome, and its next stop.
    private func record(_ processed: Processed, into destination: Destination) throws {
        for (index, seconds) in processed.timings { statistics[index].busySeconds += seconds }
        for (index, message) in processed.bounded {
            statistics[index].bounded += 1
            let key = BoundedWorkKey(stage: index, message: message)
            if let seen = boundedIndex[key] {
                boundedWork[seen].documents += 1
            } else {
                boundedIndex[key] = boundedWork.count
                boundedWork.append((key, files[processed.ordinal].relativePath, 1))
            }
        }
        for (index, event) in processed.events {
            switch event {
            case .entered: statistics[index].input += 1
            case .passed: statistics[index].output += 1
            case .rejected: statistics[index].rejected += 1
            case .duplicate: statistics[index].duplicates += 1
            }
        }
        let isLastSegment = if case .export = destination { true } else { false }
        if let record = processed.duplicate {
            outcomes[processed.ordinal] = FileOutcome(path: record.sourcePath, sha256: nil, kind: .duplicate,
                                                      docID: record.docID, canonicalID: record.canonicalID)
            duplicateOf[processed.ordinal] = record
            try session.write(record)
        }
        switch processed.result {
        case nil:
            let record = StoredRecord(path: files[processed.ordinal].relativePath, duplicate: duplicateOf.removeValue(forKey: processed.ordinal))
            try keep(record, ordinal: processed.ordinal, inLastSegment: isLastSegment)
        case .failure(let rejection)?:
            outcomes[processed.ordinal] = FileOutcome(path: rejection.path, sha256: rejection.sha256, kind: .rejected,
                                                      reason: rejection.reason)
            try session.write(rejection)
            let record = StoredRecord(path: files[processed.ordinal].relativePath, rejection: rejection,
                                      duplicate: duplicateOf.removeValue(forKey: processed.ordinal))
            try keep(record, ordinal: processed.ordinal, inLastSegment: isLastSegment)
        case .success(let document)?:
            if outcomes[processed.ordinal]?.kind == .duplicate {
                outcomes[processed.ordinal]?.sha256 = document.sha256
            }
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
                entityMentions += document.entities.count
                for paragraph in document.removed { removalsByRule[paragraph.rule, default: 0] += 1 }
                let record = StoredRecord(path: files[processed.ordinal].relativePath, document: document,
                                          duplicate: duplicateOf.removeValue(forKey: processed.ordinal))
                try keep(record, ordinal: processed.ordinal, inLastSegment: true)
            case .corpus(let spool, let collector, let stage):
                let clock = ContinuousClock()
                let elapsed = clock.measure { collector.observe(processed.summary!, of: document, ordinal: processed.ordinal) }
                statistics[stage.index].busySeconds += elapsed.seconds
                try spool.append(document, ordinal: processed.ordinal)
            }
        }
    }

    /// Writes a finished record in run order: records of the last segment
    /// arrive in order; earlier ones wait until the last segment passes them.
    private func keep(_ record: StoredRecord, ordinal: Int, inLastSegment: Bool) throws {
        guard inLastSegment else {
            pendingRecords.insert(record, ordinal: ordinal)
            return
        }
        try flushPendingRecords(before: ordinal)
        try records.append(record)
    }

    private func flushPendingRecords(before ordinal: Int) throws {
        while let earlier = pendingRecords.popFirst(below: ordinal) { try records.append(earlier) }
    }

    func summary(startedAt: Date, finishedAt: Date, outputFiles: [String]) -> RunSummary {
        RunSummary(
            configSHA256: config.sha256, startedAt: startedAt, finishedAt: finishedAt, stages: statistics,
            files: outcomes.enumerated().map { index, outcome in
                outcome ?? FileOutcome(path: files[index].relativePath, kind: .rejected, reason: .unreadable)
            },
            documentsWritten: documentsWritten,
            entityMentions: entityMentions,
            removalsByRule: removalsByRule,
            warnings: warnings + boundedWork.map { item in
                let stage = config.stages[item.key.stage].name
                return item.documents == 1 ? "\(stage): \(item.firstPath): \(item.key.message)"
                    : "\(stage): \(item.key.message) (\(item.documents) files, the first \(item.firstPath))"
            },
            outputFiles: outputFiles.map { ($0 as NSString).lastPathComponent })
    }
}

/// One item's trip through the stages of a segment on a worker.
private struct Processed: Sendable {
    var ordinal: Int
    /// nil when a corpus stage dropped the document as a duplicate.
    var result: Result<Document, Rejection>?
    var duplicate: DuplicateRecord?
    /// The next corpus stage's summary of the document, computed on the worker.
    var summary: (any Sendable)?
    /// Seconds spent per stage (statistics index), in the order the stages ran.
    var timings: [(Int, Double)] = []
    /// What happened at each stage, for the manifest's counts.
    var events: [(Int, StageEvent)] = []
    /// Work stages bounded on the document: (stage index, one line).
    var bounded: [(Int, String)] = []

    enum StageEvent: Sendable {
        case entered, passed, rejected, duplicate
    }

    /// Moves what a stage bounded out of the document, into the run's accounts.
    mutating func collectBoundedWork(of document: inout Document, stageIndex: Int) {
        guard !document.boundedWork.isEmpty else { return }
        for line in document.boundedWork { bounded.append((stageIndex, line)) }
        document.boundedWork = []
    }

    init(ordinal: Int) {
        self.ordinal = ordinal
    }

    mutating func time(_ stageIndex: Int, _ elapsed: Duration) {
        timings.append((stageIndex, elapsed.seconds))
    }

    mutating func count(_ stageIndex: Int, _ event: StageEvent) {
        events.append((stageIndex, event))
    }

    mutating func reject(_ rejection: Rejection, at stageIndex: Int) {
        result = .failure(rejection)
        count(stageIndex, .rejected)
    }

    /// Runs `document` through per-document stages, then summarises it for
    /// the corpus stage it goes to next, if any.
    mutating func finish(_ document: Document, through stages: [ExecutionPlan.Indexed<any DocumentStage>],
                         summarizingFor corpus: ExecutionPlan.Indexed<any CorpusStage>?, clock: ContinuousClock) {
        var current = document
        for stage in stages {
            var outcome: DocumentOutcome?
            let elapsed = clock.measure { outcome = stage.stage.process(current) }
            time(stage.index, elapsed)
            count(stage.index, .entered)
            switch outcome! {
            case .keep(let kept):
                count(stage.index, .passed)
                current = kept
                collectBoundedWork(of: &current, stageIndex: stage.index)
            case .reject(let rejection):
                reject(rejection, at: stage.index)
                return
            }
        }
        if let corpus {
            var summary: (any Sendable)?
            let elapsed = clock.measure { (current, summary) = corpus.stage.prepareAndSummarize(current) }
            collectBoundedWork(of: &current, stageIndex: corpus.index)
            time(corpus.index, elapsed)
            count(corpus.index, .entered)
            self.summary = summary
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
