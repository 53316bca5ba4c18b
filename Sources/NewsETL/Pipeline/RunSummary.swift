import Foundation

/// The result of a run: counts, per-stage statistics, one outcome per input
/// file. Its JSON form is `manifest.json`.
public struct RunSummary: Sendable {
    /// What the manifest describes: this run's new rows (`runs/<run-id>/`)
    /// or the whole dataset so far (the output folder itself).
    public enum Scope: String, Sendable {
        case run, cumulative
    }

    /// What a run found to do, compared with the state of earlier runs.
    public struct Changes: Sendable, Equatable {
        public var new = 0
        public var changed = 0
        public var unchanged = 0
        public var deleted: [String] = []
        /// Why every file was processed again (`--full`, config changed, no state), if it was.
        public var fullReason: String?
    }

    public var scope: Scope = .run
    public var runID: String
    public var changes: Changes
    public var configSHA256: String
    public var startedAt: Date
    public var finishedAt: Date
    public var stages: [StageStatistics]
    public var files: [FileOutcome]
    public var written: DatasetCounts
    /// Problems that did not stop the run (a corrupt state file set aside).
    public var warnings: [String]
    /// A merge: the documents' corpus-stage steps the shards' work ahead
    /// served (`WorkAhead`). Not in the manifest, which equals one run's.
    public var reusedWorkAhead = 0
    public var outputFiles: [String]
    /// The dataset files with their records, sizes and SHA-256, for the
    /// manifest's `output_files`, so a reader can check what it read.
    public var writtenFiles: [WrittenFile] = []

    init(runID: String, changes: Changes, configSHA256: String, startedAt: Date, finishedAt: Date, stages: [StageStatistics],
         files: [FileOutcome], written: DatasetCounts, warnings: [String], outputFiles: [String]) {
        self.runID = runID
        self.changes = changes
        self.configSHA256 = configSHA256
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.stages = stages
        self.files = files
        self.written = written
        self.warnings = warnings
        self.outputFiles = outputFiles
    }

    /// The summary of the whole dataset after this run: the run's own
    /// description (id, changes, config, stages, warnings) with the
    /// dataset's files and counts.
    func cumulative(files: [FileOutcome], written: DatasetCounts, outputFiles: [String], finishedAt: Date) -> RunSummary {
        var summary = self
        summary.scope = .cumulative
        summary.files = files
        summary.written = written
        summary.outputFiles = outputFiles
        summary.writtenFiles = []
        summary.finishedAt = finishedAt
        return summary
    }

    public var documentsWritten: Int { written.documents }
    public var entityMentions: Int { written.entityMentions }
    public var removalsByRule: [String: Int] { written.removalsByRule }
    public var inputs: Int { files.count }
    public var kept: Int { files.count { $0.kind == .kept } }
    public var duplicates: Int { files.count { $0.kind == .duplicate } }
    public var rejected: Int { files.count { $0.kind == .rejected } }

    /// The manifest: fixed key order; only the times differ between two runs
    /// of the same input and config.
    public func manifestJSON() -> [UInt8] {
        var out = JSONObjectWriter()
        writeManifest(&out)
        return out.bytes
    }

    /// The manifest, streamed into `file`: at a million inputs it is some
    /// 200 MB, never whole in memory.
    func writeManifest(to file: AtomicFile) throws {
        var out = JSONObjectWriter(file: file)
        writeManifest(&out)
        if let failure = out.failure { throw failure }
    }

    private func writeManifest(_ out: inout JSONObjectWriter) {
        out.open("{")
        out.field("tool", quoted: "newsetl")
        out.field("version", quoted: NewsETLVersion.current)
        out.field("scope", quoted: scope.rawValue)
        out.field("run_id", quoted: runID)
        out.field("config_sha256", quoted: configSHA256)
        out.field("started_at", quoted: RunSummary.timestamp(startedAt))
        out.field("finished_at", quoted: RunSummary.timestamp(finishedAt))
        out.field("wall_seconds", raw: JSONText.decimal(finishedAt.timeIntervalSince(startedAt)))
        out.key("counts")
        out.open("{")
        out.field("inputs", raw: String(inputs))
        out.field("kept", raw: String(kept))
        out.field("duplicates", raw: String(duplicates))
        out.field("rejected", raw: String(rejected))
        out.field("documents_written", raw: String(documentsWritten))
        out.field("entity_mentions", raw: String(entityMentions))
        out.close("}")
        out.key("documents_by_language")
        out.open("{")
        for (language, count) in written.documentsByLanguage.sorted(by: { $0.key < $1.key }) { out.field(language, raw: String(count)) }
        out.close("}")
        out.key("changes")
        out.open("{")
        out.field("new", raw: String(changes.new))
        out.field("changed", raw: String(changes.changed))
        out.field("unchanged", raw: String(changes.unchanged))
        out.field("full_reason", raw: changes.fullReason.map(JSONText.quoted) ?? "null")
        out.field("deleted", strings: changes.deleted)
        out.close("}")
        out.key("rejected_by_reason")
        out.open("{")
        for reason in Rejection.Reason.allCases {
            let count = files.count { $0.reason == reason }
            if count > 0 { out.field(reason.rawValue, raw: String(count)) }
        }
        out.close("}")
        out.field("warnings", strings: warnings)
        out.key("removals_by_rule")
        out.open("{")
        for (rule, count) in removalsByRule.sorted(by: { $0.key < $1.key }) { out.field(rule, raw: String(count)) }
        out.close("}")
        out.key("stages")
        out.open("[")
        for stage in stages {
            out.element()
            out.open("{")
            out.field("name", quoted: stage.name)
            out.field("enabled", raw: String(stage.enabled))
            out.field("in", raw: String(stage.input))
            out.field("out", raw: String(stage.output))
            out.field("rejected", raw: String(stage.rejected))
            out.field("duplicates", raw: String(stage.duplicates))
            out.field("bounded", raw: String(stage.bounded))
            out.field("busy_seconds", raw: JSONText.decimal(stage.busySeconds))
            out.close("}")
        }
        out.close("]")
        out.field("outputs", strings: outputFiles)
        out.key("output_files")
        out.open("[")
        for file in writtenFiles {
            out.element()
            out.append("{\"name\":" + JSONText.quoted(file.name) + ",\"records\":" + (file.records.map(String.init) ?? "null")
                       + ",\"bytes\":" + String(file.bytes) + ",\"sha256\":" + JSONText.quoted(file.sha256) + "}")
        }
        out.close("]")
        out.key("files")
        out.open("[")
        for file in files {
            out.element()
            var line = "{\"path\":" + JSONText.quoted(file.path)
            line += ",\"sha256\":" + (file.sha256.map(JSONText.quoted) ?? "null")
            line += ",\"outcome\":" + JSONText.quoted(file.kind.rawValue)
            line += ",\"doc_id\":" + (file.docID.map(JSONText.quoted) ?? "null")
            line += ",\"canonical_id\":" + (file.canonicalID.map(JSONText.quoted) ?? "null")
            line += ",\"reason\":" + (file.reason.map { JSONText.quoted($0.rawValue) } ?? "null") + "}"
            out.append(line)
        }
        out.close("]")
        out.close("}")
        out.append("\n")
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}

/// Pretty-printed JSON with two-space indents, written in the caller's
/// order: into `bytes`, or straight into `file` (the first write error is
/// kept in `failure`).
private struct JSONObjectWriter {
    var bytes: [UInt8] = []
    var file: AtomicFile?
    private(set) var failure: SystemError?
    private var depth = 0
    private var needsComma = [false]

    init(file: AtomicFile? = nil) {
        self.file = file
    }

    mutating func append(_ text: String) {
        guard let file else { return bytes.append(contentsOf: text.utf8) }
        do throws(SystemError) { try file.write(text.utf8) } catch { failure = failure ?? error }
    }

    mutating func open(_ bracket: String) {
        append(bracket)
        depth += 1
        needsComma.append(false)
    }

    mutating func close(_ bracket: String) {
        let hadItems = needsComma.removeLast()
        depth -= 1
        if hadItems { newline() }
        append(bracket)
    }

    /// Starts the next array element.
    mutating func element() {
        if needsComma[needsComma.count - 1] { append(",") }
        needsComma[needsComma.count - 1] = true
        newline()
    }

    mutating func key(_ name: String) {
        element()
        append(JSONText.quoted(name) + ": ")
    }

    mutating func field(_ name: String, quoted value: String) {
        key(name)
        append(JSONText.quoted(value))
    }

    /// `"name": ["a", "b"]`, one string per line.
    mutating func field(_ name: String, strings: [String]) {
        key(name)
        open("[")
        for string in strings {
            element()
            append(JSONText.quoted(string))
        }
        close("]")
    }

    mutating func field(_ name: String, raw value: String) {
        key(name)
        append(value)
    }

    private mutating func newline() {
        append("\n" + String(repeating: "  ", count: depth))
    }
}
