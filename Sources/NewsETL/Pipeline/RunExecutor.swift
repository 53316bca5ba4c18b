import Foundation

/// The second part of a run: runs the stages over the files to process —
/// decode and per-document stages in batches on `workers` threads, corpus
/// stages as summarise → combine → resolve with the documents spooled in
/// between — and hands every result, in run order, to the `RunRecorder`.
/// The only part of a run that knows about threads; one executor runs one
/// run on the calling thread.
final class RunExecutor {
    private let config: PipelineConfig
    private let plan: ExecutionPlan
    private let files: [InputFile]
    private let recorder: RunRecorder
    /// Where corpus stages' spools are written (the state folder).
    private let spoolFolder: String
    private let workers: Int
    private let batchSize: Int
    /// Input bytes (or spooled text) in flight at most, beyond one document.
    private let batchBytes: Int
    private let context: CorpusContext
    private let progress: RunProgress.Handler?
    /// The run's phases in order, for the progress reports: decode, then each corpus stage.
    private let phases: [String]
    private let checkStop: () throws -> Void
    /// A merge: the shards' items, one reader per shard, replace decoding.
    private let shards: [ShardItemsReader]?
    /// A merge: the shards' work ahead of later corpus stages.
    private let workAhead: WorkAheadReaders?
    /// Documents whose work ahead a merge used, over all corpus stages.
    private(set) var reused = 0

    init(config: PipelineConfig, plan: ExecutionPlan, files: [InputFile], recorder: RunRecorder, spoolFolder: String,
         context: CorpusContext, progress: RunProgress.Handler?, shards: (items: [ShardItemsReader], ahead: WorkAheadReaders)? = nil,
         checkStop: @escaping () throws -> Void = {}) {
        self.shards = shards?.items
        workAhead = shards?.ahead
        self.config = config
        self.plan = plan
        self.files = files
        self.recorder = recorder
        self.spoolFolder = spoolFolder
        self.context = context
        self.progress = progress
        self.checkStop = checkStop
        phases = ["decode"] + plan.segments.compactMap { $0.corpus.map { config.stages[$0.index].name } }
        workers = config.effectiveWorkers
        batchSize = max(64, config.effectiveWorkers * 32)
        batchBytes = max(64 << 20, config.effectiveWorkers * (16 << 20))
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

    /// Runs every stage; returns the corpus stages' decisions, whose state
    /// the publisher saves with the outputs.
    func execute() throws -> [any CorpusResolver] {
        var resolvers: [any CorpusResolver] = []
        var destination = try destination(afterSegment: 0)
        try decodeAll(into: destination)
        for segmentIndex in plan.segments.indices.dropFirst() {
            guard case .corpus(let spool, let collector, let stage) = destination else { break }
            try spool.finishWriting()
            defer { spool.remove() }
            let clock = ContinuousClock()
            let started = clock.now
            let resolver = try collector.finish()
            recorder.addBusyTime((clock.now - started).seconds, stage: stage.index)
            recorder.addWarnings(collector.warnings)
            resolvers.append(resolver)
            destination = try self.destination(afterSegment: segmentIndex)
            try streamSpool(spool, resolver: resolver, stage: stage, segmentIndex: segmentIndex, into: destination)
            try workAhead?.finish(segment: segmentIndex)
        }
        try recorder.finish()
        return resolvers
    }

    private func destination(afterSegment index: Int) throws -> Destination {
        let next = index + 1
        guard next < plan.segments.count, let corpus = plan.segments[next].corpus else { return .export }
        let spool = DocumentSpool(folder: spoolFolder, name: config.stages[corpus.index].name)
        return .corpus(spool, corpus.stage.makePass(context: context), corpus)
    }

    // MARK: - Phases

    private func decodeAll(into destination: Destination) throws {
        if let shards { return try replay(shards, into: destination) }
        let stages = DecodeWork(plan: plan, corpus: destination.corpusStage, maxFileBytes: config.input.maxFileBytes)
        var start = 0
        while start < files.count {
            let end = RunExecutor.batchEnd(files, from: start, limit: batchSize, bytes: batchBytes)
            let batch = Array(files[start..<end].enumerated().map { (start + $0.offset, $0.element) })
            start = end
            let results = WorkerPool.map(batch, workers: workers) { ordinal, file in stages.process(file, ordinal: ordinal) }
            for processed in results { try record(processed, into: destination) }
            progress?(RunProgress(phase: "decode", done: end, total: files.count, phases: phases))
            CrashPoint.reach("decode")
            try checkStop()
        }
    }

    /// The merge's decode phase: each file's item as its shard made it, in
    /// run order, with the next corpus stage's summary computed here.
    private func replay(_ shards: [ShardItemsReader], into destination: Destination) throws {
        let corpus = destination.corpusStage
        var start = 0
        while start < files.count {
            let end = min(files.count, start + batchSize)
            var items: [ProcessedItem] = []
            for ordinal in start..<end {
                let shard = shards[ShardSpec.shard(of: files[ordinal].relativePath, count: shards.count)]
                let item = try shard.next().item
                guard item.ordinal == ordinal else {
                    throw RunError.shards("shard \(shard.shard) holds item \(item.ordinal) where the run expects \(ordinal) "
                                          + "(\(files[ordinal].relativePath)): it was made for another file list")
                }
                items.append(item)
            }
            start = end
            let clock = ContinuousClock()
            let results = WorkerPool.map(items, workers: workers) { $0.summarized(for: corpus, clock: clock) }
            for processed in results { try record(processed, into: destination) }
            progress?(RunProgress(phase: "decode", done: end, total: files.count, phases: phases))
            try checkStop()
        }
    }

    /// Files in flight at once: at most `limit`, and no more bytes than
    /// `bytes` (at least one file), so a folder of huge reports holds a
    /// few of them in memory at a time, not a whole batch.
    static func batchEnd(_ files: [InputFile], from start: Int, limit: Int, bytes limitBytes: Int) -> Int {
        var end = start, bytes = 0
        while end < files.count, end - start < limit {
            let size = max(files[end].stamp?.size ?? 0, 0)
            if end > start, bytes + size > limitBytes { break }
            bytes += size
            end += 1
        }
        return end
    }

    private func streamSpool(_ spool: DocumentSpool, resolver: any CorpusResolver, stage: ExecutionPlan.Indexed<any CorpusStage>,
                             segmentIndex: Int, into destination: Destination) throws {
        let segment = plan.segments[segmentIndex]
        let reader = try SpoolReader(spool: spool)
        let stages = segment.documentStages
        let corpus = destination.corpusStage
        let clock = ContinuousClock()
        var done = 0
        while case let batch = try reader.nextBatch(limit: batchSize, bytes: batchBytes), !batch.isEmpty {
            // A merge: the shards' work ahead for these documents, where they did any.
            let ahead = try batch.map { try workAhead?.take(segment: segmentIndex, ordinal: $0.ordinal) }
            let results = WorkerPool.map(Array(zip(batch, ahead)), workers: workers) { entry, ahead -> ProcessedItem in
                let (ordinal, document) = entry
                if let ahead, ahead.inputDigest == WorkAhead.digest(document), resolver.resolvesAsAlone(document, ordinal: ordinal) {
                    var item = ahead.item.summarized(for: corpus, clock: clock)
                    item.reusedWorkAhead = true
                    return item
                }
                var outcome: CorpusOutcome?
                let elapsed = clock.measure { outcome = resolver.resolve(document, ordinal: ordinal) }
                return ProcessedItem.resolved(ordinal: ordinal, outcome!, elapsed: elapsed, at: stage.index, then: stages,
                                              summarizingFor: corpus, clock: clock)
            }
            reused += results.filter(\.reusedWorkAhead).count
            for processed in results { try record(processed, into: destination) }
            done += batch.count
            progress?(RunProgress(phase: config.stages[stage.index].name, done: done, total: spool.count, phases: phases))
            try checkStop()
        }
    }

    /// Hands one processed item, in run order, to the recorder or to the next corpus stage.
    private func record(_ processed: ProcessedItem, into destination: Destination) throws {
        recorder.account(processed)
        try recorder.writeDuplicate(of: processed)
        let isLastSegment = if case .export = destination { true } else { false }
        guard case .success(let document)? = processed.result else {
            try recorder.finishEarly(processed, inLastSegment: isLastSegment)
            return
        }
        switch destination {
        case .export:
            try recorder.export(document, ordinal: processed.ordinal)
        case .corpus(let spool, let collector, let stage):
            let clock = ContinuousClock()
            let elapsed = clock.measure { collector.observe(processed.summary!, of: document, ordinal: processed.ordinal) }
            recorder.addBusyTime(elapsed.seconds, stage: stage.index)
            try spool.append(document, ordinal: processed.ordinal)
        }
    }
}

/// What a worker does with one input file before the first corpus stage:
/// decode, the per-document stages, and that corpus stage's own work and
/// summary. A run and a shard do exactly this.
struct DecodeWork: Sendable {
    let decode: ExecutionPlan.Indexed<DecodeStage>
    let stages: [ExecutionPlan.Indexed<any DocumentStage>]
    let corpus: ExecutionPlan.Indexed<any CorpusStage>?
    let maxFileBytes: Int

    init(plan: ExecutionPlan, corpus: ExecutionPlan.Indexed<any CorpusStage>?, maxFileBytes: Int) {
        decode = plan.decode
        stages = plan.segments[0].documentStages
        self.corpus = corpus
        self.maxFileBytes = maxFileBytes
    }

    func process(_ file: InputFile, ordinal: Int) -> ProcessedItem {
        let clock = ContinuousClock()
        var processed = ProcessedItem(ordinal: ordinal)
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
}

/// One item's trip through the stages of a segment on a worker.
struct ProcessedItem: Sendable {
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
    /// A merge took this item from a shard's work ahead.
    var reusedWorkAhead = false

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

    /// What a corpus stage's outcome for a document leads to on a worker:
    /// the segment's per-document stages and the next corpus stage's work.
    static func resolved(ordinal: Int, _ outcome: CorpusOutcome, elapsed: Duration, at stageIndex: Int,
                         then stages: [ExecutionPlan.Indexed<any DocumentStage>],
                         summarizingFor corpus: ExecutionPlan.Indexed<any CorpusStage>?, clock: ContinuousClock) -> ProcessedItem {
        var processed = ProcessedItem(ordinal: ordinal)
        processed.time(stageIndex, elapsed)
        switch outcome {
        case .keep(let kept):
            processed.count(stageIndex, .passed)
            processed.finish(kept, through: stages, summarizingFor: corpus, clock: clock)
        case .reject(let rejection):
            processed.reject(rejection, at: stageIndex)
        case .duplicate(let copy, let record, let keepInOutput):
            processed.count(stageIndex, .duplicate)
            processed.duplicate = record
            if keepInOutput {
                processed.finish(copy, through: stages, summarizingFor: corpus, clock: clock)
            } else {
                processed.result = nil
            }
        }
        return processed
    }

    /// An item a shard made, with the next corpus stage's summary computed
    /// here (shards do not store summaries).
    func summarized(for corpus: ExecutionPlan.Indexed<any CorpusStage>?, clock: ContinuousClock) -> ProcessedItem {
        var item = self
        guard let corpus, case .success(let document)? = result else { return item }
        let elapsed = clock.measure { item.summary = corpus.stage.summarizeAny(document) }
        item.time(corpus.index, elapsed)
        return item
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
