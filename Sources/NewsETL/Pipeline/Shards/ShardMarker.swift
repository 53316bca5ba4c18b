import Foundation

/// A shard's completion marker, `done.json`, written last into the shard's
/// folder: without it the shard is not complete. It says what the shard is
/// part of, so a merge can name shards made by another config or version.
struct ShardMarker: Equatable {
    static let fileName = "done.json"

    var shard: ShardSpec
    var run: String
    var configSHA256: String
    var version: String
    /// Records in a shard file and its SHA-256, checked as the merge reads it.
    struct FileSummary: Equatable {
        var items: Int
        var sha256: String
    }

    /// `items.bin`.
    var items: FileSummary
    /// The work-ahead files, by segment.
    var ahead: [Int: FileSummary]

    func json() -> String {
        let fields = [
            ("shard", String(shard.index)), ("of", String(shard.count)), ("run", JSONText.quoted(run)),
            ("config_sha256", JSONText.quoted(configSHA256)), ("version", JSONText.quoted(version)),
            ("items", String(items.items)), ("items_sha256", JSONText.quoted(items.sha256)),
            ("ahead", "{" + ahead.sorted { $0.key < $1.key }.map { segment, file in
                "\(JSONText.quoted(String(segment))): {\"items\": \(file.items), \"sha256\": \(JSONText.quoted(file.sha256))}"
            }.joined(separator: ", ") + "}"),
        ]
        return "{\n" + fields.map { "  \(JSONText.quoted($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n}\n"
    }

    /// nil when the file is missing or not a marker NewsETL wrote.
    static func read(folder: String) -> ShardMarker? {
        guard let text = try? FileSystem.readText("\(folder)/\(fileName)"),
              let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let index = object["shard"] as? Int, let count = object["of"] as? Int,
              let shard = try? ShardSpec(index: index, count: count),
              let run = object["run"] as? String, let config = object["config_sha256"] as? String,
              let version = object["version"] as? String, let items = object["items"] as? Int,
              let digest = object["items_sha256"] as? String,
              let aheadObject = object["ahead"] as? [String: [String: Any]] else { return nil }
        var ahead: [Int: FileSummary] = [:]
        for (key, file) in aheadObject {
            guard let segment = Int(key), let count = file["items"] as? Int, let sha = file["sha256"] as? String else { return nil }
            ahead[segment] = FileSummary(items: count, sha256: sha)
        }
        return ShardMarker(shard: shard, run: run, configSHA256: config, version: version,
                           items: FileSummary(items: items, sha256: digest), ahead: ahead)
    }
}
