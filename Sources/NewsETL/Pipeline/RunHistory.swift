import Foundation

/// The documents each earlier run wrote, from the manifests in `runs/`,
/// for the report's documents-per-run chart. A run folder without a
/// readable manifest is left out; nothing here can fail a run.
enum RunHistory {
    /// The last `limit` runs before this one, oldest first.
    static func earlierRuns(in runsPath: String, limit: Int) -> [RunReportPage.RunEntry] {
        let names = ((try? FileSystem.listDirectory(runsPath)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        return names.suffix(limit).compactMap { name in
            guard let data = FileManager.default.contents(atPath: "\(runsPath)/\(name)/manifest.json"),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let counts = object["counts"] as? [String: Any],
                  let documents = (counts["documents_written"] as? NSNumber)?.intValue else { return nil }
            return RunReportPage.RunEntry(runID: object["run_id"] as? String ?? name, documents: documents)
        }
    }
}
