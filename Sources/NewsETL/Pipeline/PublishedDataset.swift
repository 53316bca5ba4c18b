/// How the cumulative dataset appears in the output folder so that a reader
/// sees the whole previous dataset or the whole new one, never a mix.
///
/// Each run that changes the dataset writes it whole into its own folder,
/// `datasets/<run-id>/` (files the dataset shares with the run are hard
/// links, not copies). `current` is a symbolic link to the newest one,
/// replaced by one `rename`, and every top-level name analysts use
/// (`documents.csv`, `manifest.json`, …) is a symbolic link through it
/// (`documents.csv → current/documents.csv`), so each opens the newest
/// complete file. A reader that wants several files of one run resolves
/// `current` once and reads inside that folder. The folder `current` named
/// before the switch is kept until the next run (a reader may still be in
/// it); older ones are removed with the commit.
struct PublishedDataset {
    let folder: String
    /// Top-level files an older NewsETL wrote in place (before datasets were
    /// published through `current`): the names its manifest lists. Read
    /// once, when the value is made.
    private let legacyOutputs: Set<String>

    init(folder: String) {
        self.folder = folder
        legacyOutputs = PublishedDataset.legacyOutputs(in: folder)
    }

    var generationsPath: String { "\(folder)/datasets" }
    var currentPath: String { "\(folder)/current" }
    func generationPath(_ runID: String) -> String { "\(generationsPath)/\(runID)" }

    /// Every top-level name a config can publish.
    static let publishableNames: [String] =
        Datasets.names.flatMap { dataset in ExportFormat.fileFormats.map { "\(dataset).\($0.rawValue)" } }
            + [SQLiteExport.fileName, DataDictionaryText.fileName, RunReportPage.fileName, "manifest.json"]

    /// The run id of the dataset `current` points to, if any.
    var currentRunID: String? {
        guard let target = FileSystem.symlinkTarget(currentPath), target.hasPrefix("datasets/") else { return nil }
        return String(target.dropFirst("datasets/".count))
    }

    /// Whether a dataset is there to build on: `current` with its manifest,
    /// or the in-place files of the earlier layout. Without it (someone
    /// deleted `output/*` but not `.state`) a run must process everything.
    var isPresent: Bool {
        FileSystem.exists("\(currentPath)/manifest.json") || !legacyOutputs.isEmpty
    }

    /// Whether `name` at the top level is the link this layout makes.
    private func isOwnLink(_ name: String) -> Bool {
        FileSystem.symlinkTarget("\(folder)/\(name)") == "current/\(name)"
    }

    private static func legacyOutputs(in folder: String) -> Set<String> {
        let manifest = "\(folder)/manifest.json"
        guard FileSystem.symlinkTarget(manifest) == nil, let text = try? FileSystem.readText(manifest),
              let start = text.range(of: "\"outputs\": [") else { return [] }
        let list = text[start.upperBound...].prefix { $0 != "]" }
        return Set(list.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) })
    }

    /// Top-level entries with a publishable name that NewsETL did not make:
    /// a run refuses to start rather than replace them.
    func foreignEntries() -> [String] {
        PublishedDataset.publishableNames.filter { name in
            FileSystem.exists("\(folder)/\(name)") && !isOwnLink(name) && !legacyOutputs.contains(name)
        }
    }

    /// Registers the switch to the complete dataset in `generation` (a
    /// temporary folder holding `names`) as run `runID`: the folder renamed
    /// into `datasets/`, `current` replaced, missing top-level links made,
    /// links and legacy files of names no longer made removed, and
    /// datasets older than the one being replaced removed.
    func publish(generation: String, runID: String, names: [String], into transaction: OutputTransaction) throws {
        try FileSystem.syncFolder(generation)
        transaction.add(generation, as: generationPath(runID))
        let previous = currentRunID
        try transaction.add(link: currentPath, to: "datasets/\(runID)")
        for name in names where !isOwnLink(name) {
            try transaction.add(link: "\(folder)/\(name)", to: "current/\(name)")
        }
        for name in PublishedDataset.publishableNames where !names.contains(name) && (isOwnLink(name) || legacyOutputs.contains(name)) {
            transaction.remove("\(folder)/\(name)")
        }
        for old in (try? FileSystem.listDirectory(generationsPath)) ?? []
        where !old.hasPrefix(".") && old != runID && old != previous {
            transaction.remove("\(generationsPath)/\(old)")
        }
    }
}
