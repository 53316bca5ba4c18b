import Foundation

/// A validated pipeline.json.
///
/// ```json
/// {
///   "input":  { "path": "input", "include": ["*"], "exclude": [], "max_file_bytes": 52428800 },
///   "output": { "path": "output" },
///   "workers": 0,
///   "fail_on_reject": false,
///   "stages": [ { "name": "decode", "enabled": true, "options": {} }, … ]
/// }
/// ```
/// Loading checks everything before any input is read and reports every
/// problem at once (`ConfigError`).
public struct PipelineConfig: Sendable {
    public var input: InputOptions
    public var outputPath: String
    /// Worker threads for per-file and per-document stages; 0 means one per core.
    public var workers: Int
    /// Whether a run that rejects any new input exits non-zero (its outputs
    /// are still written), for users who want to hear about every bad file.
    public var failOnReject: Bool
    public var stages: [ConfiguredStage]
    /// SHA-256 of the config file's bytes, recorded in the manifest.
    public var sha256: String

    /// Worker counts a config or the command line may ask for.
    public static let workerRange = 0...1024

    /// The worker count actually used.
    public var effectiveWorkers: Int { Self.effectiveWorkers(workers) }

    /// `requested`, or one worker per core for 0.
    public static func effectiveWorkers(_ requested: Int) -> Int {
        requested > 0 ? requested : max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    public var enabledStages: [ConfiguredStage] { stages.filter(\.enabled) }

    /// Loads and validates the config at `path`; relative paths inside it are
    /// taken from the file's folder, so a cron job can run from anywhere.
    public static func load(path: String) throws -> PipelineConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let why = !exists ? "no such file" : isDirectory.boolValue ? "is a folder" : "cannot be read"
            throw ConfigError(configPath: path, problems: [why])
        }
        let directory = (path as NSString).deletingLastPathComponent
        return try parse(Array(data), configPath: path, baseDirectory: directory)
    }

    /// The config of a run without a config file: the starter config
    /// `newsetl init` writes, with paths taken from `baseDirectory`.
    public static func builtIn(baseDirectory: String) -> PipelineConfig {
        do {
            return try parse(Array(StarterConfig.text.utf8), configPath: "the built-in defaults", baseDirectory: baseDirectory)
        } catch {
            preconditionFailure("the starter config does not load: \(error)")
        }
    }

    /// Validates config bytes; `configPath` only names the file in messages.
    /// `//` and `/* */` comments are allowed (`JSONComments`).
    public static func parse(_ bytes: [UInt8], configPath: String, baseDirectory: String) throws -> PipelineConfig {
        let root: JSONValue
        let json = JSONComments.blanked(bytes)
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: Data(json))
        } catch {
            let detail = JSONSyntaxLocator.locate(json) ?? jsonErrorDetail(error)
            throw ConfigError(configPath: configPath, problems: ["not valid JSON: \(detail)"])
        }
        let problems = ConfigProblems()
        let reader = OptionReader(value: root, path: "", problems: problems)
        let input = InputOptions(reader: reader.nested("input"), baseDirectory: baseDirectory)
        let outputReader = reader.nested("output")
        let outputPath = PathResolution.resolve(outputReader.string("path", default: "output"), against: baseDirectory)
        outputReader.finish()
        let workers = reader.integer("workers", default: 0, range: workerRange)
        let failOnReject = reader.bool("fail_on_reject", default: false)
        let stages = readStages(reader.value("stages"), problems: problems)
        reader.finish()
        if !problems.messages.isEmpty {
            throw ConfigError(configPath: configPath, problems: problems.messages)
        }
        return PipelineConfig(input: input, outputPath: outputPath, workers: workers, failOnReject: failOnReject, stages: stages,
                              sha256: SHA256.hex(bytes))
    }

    private static func readStages(_ value: JSONValue?, problems: ConfigProblems) -> [ConfiguredStage] {
        guard let value else {
            problems.add("stages", "missing: list the stages to run (\(StageRegistry.names.joined(separator: ", ")))")
            return []
        }
        guard case .array(let entries) = value else {
            problems.add("stages", "expected a list of stages, got \(value.summary)")
            return []
        }
        var stages: [ConfiguredStage] = []
        var seen: [String: Int] = [:]
        var lastRank = -1
        for (index, entry) in entries.enumerated() {
            let path = "stages[\(index)]"
            let reader = OptionReader(value: entry, path: path, problems: problems)
            guard case .string(let name)? = reader.value("name") else {
                problems.add("\(path).name", "missing or not a string: expected one of \(StageRegistry.names.joined(separator: ", "))")
                continue
            }
            guard let make = StageRegistry.factory(named: name), let rank = StageRegistry.rank(of: name) else {
                problems.add("\(path).name", "unknown stage \"\(name)\" (known: \(StageRegistry.names.joined(separator: ", ")))")
                continue
            }
            let enabled = reader.bool("enabled", default: true)
            let options = reader.nested("options")
            let kind = make(options)
            options.finish()
            reader.finish()
            if let first = seen[name] {
                problems.add(path, "stage \"\(name)\" is listed twice (also stages[\(first)])")
                continue
            }
            seen[name] = index
            if rank < lastRank {
                problems.add(path, "stage \"\(name)\" is out of order: stages run in the order \(StageRegistry.names.joined(separator: ", "))")
            }
            lastRank = max(lastRank, rank)
            if StageRegistry.required.contains(name), !enabled {
                problems.add("\(path).enabled", "stage \"\(name)\" cannot be disabled")
            }
            stages.append(ConfiguredStage(name: name, enabled: enabled, kind: kind))
        }
        for name in StageRegistry.names where StageRegistry.required.contains(name) && seen[name] == nil {
            problems.add("stages", "missing the \"\(name)\" stage")
        }
        return stages
    }

    private static func jsonErrorDetail(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            if let underlying = context.underlyingError {
                return "\(underlying)".replacingOccurrences(of: "\n", with: " ")
            }
            return context.debugDescription
        }
        return "\(error)"
    }
}
