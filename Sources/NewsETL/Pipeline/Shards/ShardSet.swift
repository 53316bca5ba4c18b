import Foundation

/// The shards of a pending run as found on disk: which are complete, which
/// failed, which are missing, and which were made for something else.
public struct ShardSet: Sendable {
    /// The pending run's name.
    public let run: String
    /// The number of shards: given, or agreed by the complete shards' markers.
    public let count: Int?
    public let done: [Int]
    /// Shard index → the one line its failure note holds.
    public let failed: [Int: String]
    public let missing: [Int]
    /// What stops a merge besides missing shards: markers that disagree on
    /// the number of shards, the config or the version.
    public let problems: [String]
    /// Folders under `shards/` of other pending runs (another input state,
    /// config or version): never merged, removed by the next merge.
    public let stale: [String]

    /// Whether every shard is complete and consistent.
    public var isComplete: Bool { count != nil && missing.isEmpty && problems.isEmpty }

    init(pending: PendingRun, config: PipelineConfig, expected: Int?) {
        run = pending.key
        var markers: [ShardMarker] = []
        var problems: [String] = []
        var failed: [Int: String] = [:]
        let names = ((try? FileSystem.listDirectory(pending.folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        for name in names {
            if name.hasSuffix(".failed") {
                let line = ((try? FileSystem.readText("\(pending.folder)/\(name)")) ?? "").split(separator: "\n").first ?? "failed"
                if let shard = try? ShardSpec(parsing: name.dropLast(".failed".count).replacingOccurrences(of: "-of-", with: "/")) {
                    failed[shard.index] = String(line)
                }
                continue
            }
            guard let marker = ShardMarker.read(folder: "\(pending.folder)/\(name)") else { continue }
            if marker.run != pending.key || marker.configSHA256 != config.sha256 || marker.version != NewsETLVersion.current {
                problems.append("shard \(name) was made by newsetl \(marker.version) with config \(marker.configSHA256.prefix(12)) "
                                + "for run \(marker.run); this merge is newsetl \(NewsETLVersion.current), config \(config.sha256.prefix(12))")
                continue
            }
            markers.append(marker)
        }
        let counts = Set(markers.map(\.shard.count))
        var count = expected
        if let expected {
            for marker in markers where marker.shard.count != expected {
                problems.append("shard \(marker.shard) belongs to a run of \(marker.shard.count) shards, not \(expected)")
            }
        } else if counts.count > 1 {
            problems.append("complete shards disagree on the number of shards (\(counts.sorted().map(String.init).joined(separator: ", "))): "
                            + "give --shards N, and rerun the shards of that run")
        } else {
            count = counts.first
        }
        let done = Set(markers.filter { $0.shard.count == count }.map(\.shard.index))
        self.count = count
        self.done = done.sorted()
        self.failed = failed.filter { !done.contains($0.key) }
        self.missing = count.map { (0..<$0).filter { !done.contains($0) } } ?? []
        if count == nil, problems.isEmpty { problems.append("no complete shard for this run yet") }
        self.problems = problems
        stale = ((try? FileSystem.listDirectory(PendingRun.shardsFolder(config.outputPath))) ?? [])
            .filter { !$0.hasPrefix(".") && $0 != pending.key }.sorted()
    }

    /// Why a merge cannot run, in one line per reason; empty when it can.
    public var reasons: [String] {
        var reasons = problems
        if let count, !missing.isEmpty {
            let named = missing.prefix(10).map { index in
                "\(index)-of-\(count)" + (failed[index].map { " (failed: \($0))" } ?? "")
            }
            reasons.append("\(missing.count) of \(count) shards are not complete: \(named.joined(separator: ", "))"
                           + (missing.count > 10 ? ", …" : ""))
        }
        if count == nil, !stale.isEmpty {
            reasons.append("shards/\(stale.joined(separator: ", shards/")) were made for another input state, config or version "
                           + "and are not merged; run the shards again")
        }
        return reasons
    }

    /// One reader of items per shard, in shard order, and the readers of
    /// their work ahead; throws naming every reason when incomplete.
    func open(pending: PendingRun, files: [InputFile]) throws -> (items: [ShardItemsReader], ahead: WorkAheadReaders) {
        guard isComplete, let count else { throw RunError.shards(reasons.joined(separator: "\n")) }
        var items: [ShardItemsReader] = []
        var ahead: [Int: [ShardItemsReader]] = [:]
        for index in 0..<count {
            let shard = try ShardSpec(index: index, count: count)
            let folder = pending.shardFolder(shard)
            guard let marker = ShardMarker.read(folder: folder) else { throw RunError.shards("shard \(folder): done.json vanished") }
            items.append(try ShardItemsReader(path: "\(folder)/\(ShardItems.fileName)", shard: shard, expected: marker.items))
            for (segment, file) in marker.ahead {
                ahead[segment, default: []].append(
                    try ShardItemsReader(path: "\(folder)/\(ShardItems.aheadFileName(segment: segment))", shard: shard, expected: file))
            }
        }
        // Work ahead is used only where every shard has it for the segment (one config, so they agree).
        return (items, WorkAheadReaders(readers: ahead.filter { $0.value.count == count }, files: files))
    }
}
