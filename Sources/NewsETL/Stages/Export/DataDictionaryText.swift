/// `docs/DATA.md`: every dataset's columns as tables an analyst reads
/// before opening a file, generated from the declarations in `Datasets`
/// (a test fails when the checked-in copy is stale), so the documentation
/// cannot drift from what the writers write.
public enum DataDictionaryText {
    public static var markdown: String {
        var lines = [
            "# Datasets",
            "",
            "Generated from `Sources/NewsETL/Stages/Export/Datasets.swift` (do not edit by hand; `swift test` rewrites it).",
            "Every dataset is written as CSV, JSON lines and XML with the same columns in the same order; an empty value is",
            "an empty CSV field, JSON `null` and an absent XML element. Lists are `; `-separated text. Dates are `YYYY-MM-DD`,",
            "timestamps RFC 3339 in UTC (`…Z`), numbers plain decimals with `.`, offsets count Unicode code points from 0.",
        ]
        for dataset in Datasets.all {
            lines += ["", "## \(dataset.name)", "", dataset.description + (dataset.key.map { " Key: `\($0)`." } ?? ""), ""]
            lines += ["| column | type | unit | can be empty | values | description | example |", "|---|---|---|---|---|---|---|"]
            for column in dataset.columns {
                let cells = ["`\(column.name)`", column.type.rawValue, column.unit ?? "", column.nullable ? "yes" : "no",
                             column.domain.map(values) ?? "", column.description, column.example.map { "`\($0)`" } ?? ""]
                lines.append("| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `datasets.json`, written beside the datasets of every run: the same
    /// dictionary for programs (per dataset its description, key and
    /// columns; per column name, type, unit, nullable, allowed values,
    /// description and an example), for exactly the datasets written.
    static func json(_ datasets: [Dataset], formats: [String]) -> [UInt8] {
        func quoted(_ text: String?) -> String { text.map(JSONText.quoted) ?? "null" }
        var lines = ["{\"datasets\": ["]
        for (index, dataset) in datasets.enumerated() {
            lines.append("  {\"name\": \(quoted(dataset.name)), \"description\": \(quoted(dataset.description)), \"key\": \(quoted(dataset.key)),")
            lines.append("   \"files\": [\(formats.map { quoted(dataset.name + "." + $0) }.joined(separator: ", "))], \"columns\": [")
            for (position, column) in dataset.columns.enumerated() {
                let fields = ["\"name\": \(quoted(column.name))", "\"type\": \(quoted(column.type.rawValue))", "\"unit\": \(quoted(column.unit))",
                              "\"nullable\": \(column.nullable)", "\"values\": \(quoted(column.domain.map(values)))",
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
