import Foundation

/// `newsetl run --shard I/N`: one cluster task's part of a run. It plans
/// the run as `newsetl run` would (the same files, the same order), takes
/// the files its shard owns and does everything a worker would do with
/// them before the first corpus-wide decision: decode, the per-document
/// stages, and the first corpus stage's own per-document work (clean's
/// layout and model). The results go to its own folder,
/// `shards/<run>/<I>-of-<N>/`, complete only once `done.json` is there;
/// a retried shard replaces its earlier attempt. The dataset and its state
/// are read, never changed, so shards run side by side without the lock.
public struct ShardRunner {
    public struct Summary: Sendable {
        public let shard: ShardSpec
        /// The pending run's name (`shards/<run>`).
        public let run: String
        public let folder: String
        /// Files of the run this shard processed, of all the run's files.
        public let files: Int
        public let runFiles: Int
        public let rejected: Int
    }

    public let config: PipelineConfig
    public let shard: ShardSpec
    public let options: PipelineRunner.Options

    public init(config: PipelineConfig, shard: ShardSpec, options: PipelineRunner.Options = .init()) {
        self.config = PipelineRunner(config: config).config
        self.shard = shard
        self.options = options
    }

    public func run() throws -> Summary {
        let survey = try RunPlanner(config: config, options: options).survey()
        let pending = PendingRun(config: config, survey: survey)
        let owned = survey.changes.files.enumerated().filter { shard.owns($0.element.relativePath) }
        let files = owned.map(\.element), ordinals = owned.map(\.offset)
        let final = pending.shardFolder(shard)
        let temporary = "\(pending.folder)/.\(shard).tmp-\(getpid())"
        var rejected = 0
        do {
            FileSystem.removeTree(temporary)
            try FileSystem.makeFolder(temporary)
            let own = PendingRun.ownMarker(survey.folder)
            if !FileSystem.exists(own) { try Data().write(to: URL(fileURLWithPath: own)) }
            let plan = ExecutionPlan(stages: config.stages)
            let work = DecodeWork(plan: plan, corpus: plan.segments.count > 1 ? plan.segments[1].corpus : nil,
                                  maxFileBytes: config.input.maxFileBytes)
            let writer = try ShardItemsWriter(path: "\(temporary)/\(ShardItems.fileName)")
            var aheadWriters: [Int: ShardItemsWriter] = [:]
            for segment in plan.segments.indices.dropFirst() {
                aheadWriters[segment] = try ShardItemsWriter(path: "\(temporary)/\(ShardItems.aheadFileName(segment: segment))")
            }
            let workers = config.effectiveWorkers
            var start = 0
            while start < files.count {
                let end = RunExecutor.batchEnd(files, from: start, limit: max(64, workers * 32),
                                               bytes: max(64 << 20, workers * (16 << 20)))
                let batch = (start..<end).map { (ordinals[$0], files[$0]) }
                start = end
                let results = WorkerPool.map(batch, workers: workers) { ordinal, file in
                    let clock = ContinuousClock()
                    var item = work.process(file, ordinal: ordinal)
                    let ahead = WorkAhead.records(after: item, plan: plan, clock: clock)
                    // The merge computes summaries again: they are cheap, and shard files stay free of stage types.
                    item.summary = nil
                    return (item, ahead)
                }
                for (item, ahead) in results {
                    if case .failure? = item.result { rejected += 1 }
                    try writer.append(item)
                    for (segment, record) in ahead { try aheadWriters[segment]?.append(record.item, inputDigest: record.inputDigest) }
                }
                options.progress?(RunProgress(phase: "shard \(shard)", done: end, total: files.count, phases: ["shard \(shard)"]))
                try options.checkStop()
            }
            let marker = ShardMarker(shard: shard, run: pending.key, configSHA256: config.sha256, version: NewsETLVersion.current,
                                     items: try writer.commit(), ahead: try aheadWriters.mapValues { try $0.commit() })
            let markerFile = try AtomicFile(path: "\(temporary)/\(ShardMarker.fileName)")
            try markerFile.write(marker.json())
            try markerFile.close()
            try AtomicFile.rename(from: markerFile.temporaryPath, to: markerFile.finalPath)
            try FileSystem.syncFolder(temporary)
            FileSystem.removeTree(final)
            try AtomicFile.rename(from: temporary, to: final)
            try? FileSystem.removeFile(pending.failureNote(shard))
            try FileSystem.syncFolder(pending.folder)
        } catch {
            FileSystem.removeTree(temporary)
            let message = (error as? RunError)?.description ?? "\(error)"
            try? FileSystem.makeFolder(pending.folder)
            try? Data((message + "\n").utf8).write(to: URL(fileURLWithPath: pending.failureNote(shard)), options: .atomic)
            if let error = error as? RunError { throw error }
            throw RunError.output("shard \(shard): writing \(final) failed: \(error)")
        }
        return Summary(shard: shard, run: pending.key, folder: final, files: files.count, runFiles: survey.changes.files.count,
                       rejected: rejected)
    }
}
