import Foundation

/// The run that shards prepare and `merge` completes, named by everything
/// that decides its result: the tool's version, the config, the files to
/// process with their sizes and times, the files deleted, whether it is a
/// full run and why, and the earlier runs' ledger. Shards made for another
/// input state, config or version land under another name, so a merge can
/// never combine them with tonight's, and a merge refuses rather than
/// publish a dataset that no single run would have made.
struct PendingRun {
    /// 16 hex digits of a SHA-256 over what the run depends on.
    let key: String
    /// `<output>/shards/<key>`.
    let folder: String

    init(config: PipelineConfig, survey: RunSurvey) {
        let changes = survey.changes
        var digest = SHA256()
        func add(_ text: String) { digest.update(Array((text + "\n").utf8)) }
        add("newsetl \(NewsETLVersion.current)")
        add("config \(config.sha256)")
        add("full \(changes.fullReason ?? "-")")
        let ledgerBytes = (try? FileSystem.readRegularFile(survey.state.ledger.path)) ?? []
        add("ledger \(survey.ledger == nil ? "-" : SHA256.hex(ledgerBytes))")
        for file in changes.files {
            add("file \(file.relativePath)\t\(file.stamp?.size ?? -1)\t\(file.stamp?.modifiedNanoseconds ?? -1)")
        }
        for path in changes.deleted { add("deleted \(path)") }
        key = String(digest.finalizeHex().prefix(16))
        folder = PendingRun.shardsFolder(survey.folder) + "/" + key
    }

    static func shardsFolder(_ output: String) -> String { "\(output)/shards" }

    /// An empty file that marks `shards/` as NewsETL's, so that a first
    /// night's output folder holding only shards is recognised as one.
    static func ownMarker(_ output: String) -> String { "\(shardsFolder(output))/.newsetl" }

    func shardFolder(_ shard: ShardSpec) -> String { "\(folder)/\(shard)" }

    /// Where a shard that failed says why, until it is retried.
    func failureNote(_ shard: ShardSpec) -> String { "\(folder)/\(shard).failed" }
}
