import Foundation
import Logging

/// Runs a validated pipeline over its input folder and maintains the
/// output folder: the cumulative datasets, `runs/<run-id>/` with each run's
/// new rows, and the state under `.state/`.
///
/// A run has four parts. *Plan* (`RunPlanner`) takes the folder's lock,
/// completes a commit a killed run left half done and compares the input
/// folder with the ledger of earlier runs: only new and changed files are
/// processed; with nothing to do it changes nothing. *Execute*
/// (`RunExecutor`) runs the stages on `workers` threads. *Record*
/// (`RunRecorder`) books every result in input order, so outputs are
/// byte-identical at any worker count. *Publish* (`RunPublisher`) merges
/// the run into the cumulative dataset and puts every file in place at once
/// through an `OutputTransaction`.
public struct PipelineRunner {
    public struct Options {
        /// Process every file again, whatever the state says.
        public var full = false
        /// Accept a run that removes more than `input.max_deleted_share` of
        /// the known files (or all of them) from the dataset.
        public var allowDeletions = false
        /// Use an existing output folder that holds files NewsETL did not write.
        public var outputIsMine = false
        /// The stop signal received, if any (`StopSignal.received` in the
        /// command): checked at safe points; before the commit a run then
        /// stops and changes nothing, once the commit started it completes.
        public var stopRequested: @Sendable () -> Int32? = { nil }
        public var logger = Logger(label: "newsetl")
        public var progress: RunProgress.Handler?

        /// Throws `RunError.stopped` when a stop was requested.
        func checkStop() throws {
            if let signal = stopRequested() { throw RunError.stopped(signal: signal) }
        }

        public init(full: Bool = false, allowDeletions: Bool = false, outputIsMine: Bool = false,
                    logger: Logger = Logger(label: "newsetl"), progress: RunProgress.Handler? = nil) {
            self.full = full
            self.allowDeletions = allowDeletions
            self.outputIsMine = outputIsMine
            self.logger = logger
            self.progress = progress
        }
    }

    public let config: PipelineConfig
    public let options: Options

    /// Paths set after loading (command-line overrides) are normalised here, once.
    public init(config: PipelineConfig, options: Options = Options()) {
        var config = config
        config.outputPath = PathResolution.normalize(config.outputPath)
        config.input.path = PathResolution.normalize(config.input.path)
        self.config = config
        self.options = options
    }

    /// `run-20261122T204500Z`: the run's name in state that later runs read.
    static func runID(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return "run-" + formatter.string(from: date)
    }

    /// Throws `RunError.stopped` when a stop was requested.
    func checkStop() throws {
        try options.checkStop()
    }

    /// Plan → execute → record → publish (see `docs/ARCHITECTURE.md`).
    public func run() throws -> RunSummary {
        try run(mode: .run)
    }

    /// `newsetl merge`: the run the shards prepared (`ShardRunner`),
    /// completed and published exactly as `run()` would have: the same plan
    /// under the lock, each file's result read from its shard instead of
    /// decoded, then every corpus stage, export and the journaled commit.
    /// Refuses, changing nothing, unless every shard of this very run is
    /// complete (`expectedShards`, when given, must match their number).
    /// The shards' folders are removed once the run is published.
    public func merge(expectedShards: Int? = nil) throws -> RunSummary {
        try run(mode: .merge(expectedShards: expectedShards))
    }

    /// `newsetl status`: the shards of the run the input folder now calls for.
    public func shardStatus(expectedShards: Int? = nil) throws -> ShardSet {
        let survey = try RunPlanner(config: config, options: options).survey()
        return ShardSet(pending: PendingRun(config: config, survey: survey), config: config, expected: expectedShards)
    }

    private enum Mode {
        case run
        case merge(expectedShards: Int?)
    }

    private func run(mode: Mode) throws -> RunSummary {
        for stage in config.stages where stage.enabled {
            if let loading = stage.kind.modelLoading { WorkerPool.startInBackground { loading.loadModels() } }
        }
        let plan = try RunPlanner(config: config, options: options).plan(startedAt: Date())
        defer { withExtendedLifetime(plan.lock) {} }
        // Nothing new: a merge has nothing to combine either (its shards, if any, hold no file).
        if plan.isEmpty {
            if case .merge = mode { FileSystem.removeTree(PendingRun.shardsFolder(plan.folder)) }
            return RunSummary(runID: "", changes: plan.summaryChanges, configSHA256: config.sha256, startedAt: plan.startedAt,
                              finishedAt: Date(), stages: [], files: [], written: DatasetCounts(), warnings: plan.warnings,
                              outputFiles: [])
        }
        var pending: PendingRun?
        var shards: (items: [ShardItemsReader], ahead: WorkAheadReaders)?
        if case .merge(let expected) = mode {
            let run = PendingRun(config: config, survey: plan.survey)
            shards = try ShardSet(pending: run, config: config, expected: expected).open(pending: run, files: plan.changes.files)
            pending = run
        }
        try checkStop()
        let changes = plan.changes
        let fromShards = shards.map { ", read from \($0.items.count) shards" } ?? ""
        options.logger.info("\(changes.files.count) files to process (\(changes.new) new, \(changes.changed) changed), \(changes.unchanged) unchanged, \(changes.deleted.count) deleted\(fromShards)")
        let stages = ExecutionPlan(stages: config.stages)
        let publisher = RunPublisher(config: config, plan: plan, stages: stages, checkStop: checkStop)
        do {
            let (session, records) = try publisher.openRun()
            let recorder = RunRecorder(config: config, files: changes.files, session: session, records: records,
                                       exportIndex: stages.export.index)
            let executor = RunExecutor(config: config, plan: stages, files: changes.files, recorder: recorder,
                                       spoolFolder: plan.state.path, context: plan.context, progress: options.progress,
                                       shards: shards, checkStop: checkStop)
            let resolvers = try executor.execute()
            if pending != nil {
                options.logger.info("merge: the shards' work ahead served \(executor.reused) of the documents' corpus-stage steps")
            }
            CrashPoint.reach("export")
            try checkStop()
            var summary = try publisher.publish(recorder.takeSummary(of: plan, finishedAt: Date()), resolvers: resolvers)
            summary.reusedWorkAhead = executor.reused
            let formats = publisher.writeSeconds.sorted { $0.key < $1.key }.map { "\($0.key) \(JSONText.decimal(($0.value * 1000).rounded() / 1000)) s" }
            options.logger.debug("export: writing took \(formats.joined(separator: ", "))")
            let reuse = publisher.reuse
            options.logger.debug("export: rows of \(reuse.copiedRecords) unchanged records and \(reuse.copiedSummaryRows.copied) of \(reuse.copiedSummaryRows.of) entity summary rows copied from the previous dataset; database \(reuse.updatedDatabase ? "updated" : "rebuilt")")
            // Published: the shards, and any stale ones of runs that never merged, have served.
            if pending != nil { FileSystem.removeTree(PendingRun.shardsFolder(plan.folder)) }
            return summary
        } catch {
            publisher.abort()
            if let error = error as? RunError { throw error }
            throw RunError.output("writing outputs failed, previous outputs left intact: \(error)")
        }
    }
}
