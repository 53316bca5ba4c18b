/// The `export` stage: writes every dataset in every configured format, plus
/// the run manifest, each file atomically.
///
/// ```json
/// { "name": "export", "enabled": true,
///   "options": { "formats": ["csv", "jsonl", "xml", "sqlite"], "include_text": true,
///                "csv": { "formula_guard": true, "excel_bom": false } } }
/// ```
public struct ExportStage: Sendable {
    public var formats: [ExportFormat]
    /// Whether `documents.*` carry the full text (off for metadata-only datasets).
    public var includeText: Bool
    public var csv: CSVOptions

    public init(formats: [ExportFormat] = ExportFormat.allCases, includeText: Bool = true, csv: CSVOptions = CSVOptions()) {
        self.formats = formats
        self.includeText = includeText
        self.csv = csv
    }

    public init(options: OptionReader) {
        let names = options.stringList("formats", default: ExportFormat.allCases.map(\.rawValue),
                                       allowed: ExportFormat.allCases.map(\.rawValue))
        if names.isEmpty {
            options.problems.add(options.keyPath("formats"), "expected at least one format")
        }
        var formats: [ExportFormat] = []
        for format in names.compactMap(ExportFormat.init(rawValue:)) where !formats.contains(format) {
            formats.append(format)
        }
        let csv = options.nested("csv")
        let csvOptions = CSVOptions(formulaGuard: csv.bool("formula_guard", default: true), excelBOM: csv.bool("excel_bom", default: false))
        csv.finish()
        self.init(formats: formats, includeText: options.bool("include_text", default: true), csv: csvOptions)
    }

    /// Opens the temporary files of one run in `folder`: documents, rejects
    /// and duplicates, and those of `datasets` (the ones enabled stages
    /// fill, `StageOutputs.datasets`: `removed`, `entities` with
    /// `entity_summary`); up to `threads` threads write the formats side by
    /// side. With `report` the session also writes `report.html`.
    public func openSession(folder: String, datasets: Set<String> = [], threads: Int = 1, report: Bool = false) throws -> ExportSession {
        try openSession(folder: folder, datasets: datasets, threads: threads, report: report, recordSpans: false, earlier: nil)
    }

    /// A session that notes where each record's rows go, or copies rows
    /// from an earlier dataset (see `ExportSession.beginRecord`).
    func openSession(folder: String, datasets: Set<String>, threads: Int, report: Bool,
                     recordSpans: Bool, earlier: EarlierRows?) throws -> ExportSession {
        try ExportSession(stage: self, folder: folder, includeRemoved: datasets.contains("removed"),
                          includeEntities: datasets.contains("entities"), threads: threads, report: report,
                          recordSpans: recordSpans, earlier: earlier)
    }
}
