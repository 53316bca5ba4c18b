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
    /// Items in `items.bin` and its SHA-256, checked while the merge reads it.
    var items: Int
    var itemsSHA256: String

    func json() -> String {
        let fields = [
            ("shard", String(shard.index)), ("of", String(shard.count)), ("run", JSONText.quoted(run)),
            ("config_sha256", JSONText.quoted(configSHA256)), ("version", JSONText.quoted(version)),
            ("items", String(items)), ("items_sha256", JSONText.quoted(itemsSHA256)),
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
              let digest = object["items_sha256"] as? String else { return nil }
        return ShardMarker(shard: shard, run: run, configSHA256: config, version: version, items: items, itemsSHA256: digest)
    }
}
