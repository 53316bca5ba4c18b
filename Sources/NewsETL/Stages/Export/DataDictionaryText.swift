/// `docs/DATA.md`: every dataset's columns as tables an analyst reads
/// before opening a file, generated from the declarations in `Datasets`
/// (a test fails when the checked-in copy is stale), so the documentation
/// cannot drift from what the writers write.
public enum DataDictionaryText {
    /// The dictionary's file beside the datasets.
    static let fileName = "datasets.json"

    public static var markdown: String {
        var lines = [
            "# Datasets",
            "",
            "Generated from `Sources/NewsETL/Stages/Export/Datasets.swift` (do not edit by hand; `swift test` rewrites it).",
            "Every dataset is written as CSV, JSON lines and XML with the same columns in the same order; an empty value is",
            "an empty CSV field, JSON `null` and an absent XML element. Lists are `; `-separated text. Dates are `YYYY-MM-DD`,",
            "timestamps RFC 3339 in UTC (`…Z`), numbers plain decimals with `.`, offsets count Unicode code points from 0.",
            "In `newsetl.sqlite` each dataset is the table of its name: integer columns are `INTEGER`, numbers `REAL`, the",
            "rest `TEXT`, an empty value `NULL`; the key is the primary key and `references` are foreign keys",
            "(`schema/newsetl.sql`).",
        ]
        for dataset in Datasets.all {
            lines += ["", "## \(dataset.name)", "", dataset.description + " Key: " + dataset.key.map { "`\($0)`" }.joined(separator: ", ") + ".", ""]
            lines += ["| column | type | unit | can be empty | values | description | example |", "|---|---|---|---|---|---|---|"]
            for column in dataset.columns {
                let cells = ["`\(column.name)`", column.type.rawValue, column.unit ?? "", column.nullable ? "yes" : "no",
                             column.domain.map(values) ?? "", column.description, column.example.map { "`\($0)`" } ?? ""]
                lines.append("| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |")
            }
        }
        lines += ["", "## In newsetl.sqlite only", "",
                  "| name | what it is |", "|---|---|",
                  "| `documents_fts` | FTS5 full-text index over `title` and `text` of `documents` (`rowid` = `documents.rowid`); words match by English stem, accents ignored: `SELECT d.doc_id, snippet(documents_fts, 1, '[', ']', '…', 8) FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH 'ferry' ORDER BY rank` |",
                  "| `document_entities` | view: one row per document and entity it mentions (`doc_id`, `title`, `published_date`, `source`, `entity_id`, `type`, `name`, `mentions`, `first_start`) |",
                  "| `entity_documents` | view: one row per entity and document that mentions it (`entity_id`, `type`, `name`, `doc_id`, `title`, `published_date`, `source`, `mentions`) |",
                  "| `duplicate_clusters` | view: one row per member of a cluster of copies, the canonical report first-class (`cluster_id`, `canonical_id`, `doc_id`, `source_path`, `role` canonical or copy, `similarity`, `kind`, `title`, `source`, `published_date`) |",
                  "", "Indexes: " + SQLiteSchemaText.indexedColumns.sorted().map { "`\($0)`" }.joined(separator: ", ")
                      + " in every table that has them; `PRAGMA user_version` is the schema version (\(SQLiteSchemaText.schemaVersion))."]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `datasets.json`, written beside the datasets of every run: the same
    /// dictionary for programs (per dataset its description, key, files
    /// (the SQLite database holds it as the table of the dataset's name)
    /// and columns; per column name, type, SQLite type, unit, nullable,
    /// allowed values, referenced key, description and an example), for
    /// exactly the datasets written.
    static func json(_ datasets: [Dataset], formats: [ExportFormat]) -> [UInt8] {
        func quoted(_ text: String?) -> String { text.map(JSONText.quoted) ?? "null" }
        var lines = ["{\"datasets\": ["]
        for (index, dataset) in datasets.enumerated() {
            lines.append("  {\"name\": \(quoted(dataset.name)), \"description\": \(quoted(dataset.description)), \"key\": [\(dataset.key.map(quoted).joined(separator: ", "))],")
            let files = formats.map { $0 == .sqlite ? SQLiteExport.fileName : dataset.name + "." + $0.rawValue }
            lines.append("   \"files\": [\(files.map(quoted).joined(separator: ", "))], \"columns\": [")
            for (position, column) in dataset.columns.enumerated() {
                let fields = ["\"name\": \(quoted(column.name))", "\"type\": \(quoted(column.type.rawValue))",
                              "\"sqlite_type\": \(quoted(SQLiteSchemaText.sqlType(column.type)))", "\"unit\": \(quoted(column.unit))",
                              "\"nullable\": \(column.nullable)", "\"values\": \(quoted(column.domain.map(values)))",
                              "\"references\": \(quoted(column.references))",
                              "\"description\": \(quoted(column.description))", "\"example\": \(quoted(column.example))"]
                lines.append("    {" + fields.joined(separator: ", ") + "}" + (position + 1 < dataset.columns.count ? "," : ""))
            }
            lines.append("  ]}" + (index + 1 < datasets.count ? "," : ""))
        }
        lines.append("]}")
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    private static func values(_ domain: ValueDomain) -> String {
        switch domain.rule {
        case .pattern(let pattern): return "`\(pattern)`"
        case .oneOf(let values): return values.map { "`\($0)`" }.joined(separator: ", ")
        case .range(let low, let high): return "\(low) to \(high)"
        case .atLeast(let low): return "≥ \(low)"
        }
    }
}
