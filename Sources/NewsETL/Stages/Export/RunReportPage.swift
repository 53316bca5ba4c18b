import Foundation

/// `report.html`: what a run brought, for an editor who opens it in a
/// browser: the manifest's counts, documents per publication day and per
/// run, per source, rejects, the most mentioned names, the largest
/// clusters of copies and the clean rules that removed most. One
/// self-contained page: inline CSS and SVG, no script, nothing fetched,
/// printable. Every number from the manifest carries `data-manifest` with
/// its key there, so a check can compare the page with the manifest.
struct RunReportPage {
    /// One earlier or this run, for the documents-per-run chart.
    struct RunEntry {
        var runID: String
        var documents: Int
    }

    var summary: RunSummary
    var facts: DatasetFacts
    var entities: [EntitySummary.Row]
    var history: [RunEntry]

    static let fileName = "report.html"
    /// Earlier runs the documents-per-run chart shows, besides this one.
    static let historyRuns = 29
    /// How many rows the longer tables show.
    static let tableRows = 15

    var html: String {
        let scope = summary.scope == .cumulative ? "the whole dataset after run" : "run"
        let days = dayChart
        var body: [String] = [
            "<h1>NewsETL report: \(scope) \(escaped(summary.runID))</h1>",
            "<p class=\"meta\">Started \(RunSummary.timestamp(summary.startedAt)), finished \(RunSummary.timestamp(summary.finishedAt)) "
                + "(\(JSONText.decimal((summary.finishedAt.timeIntervalSince(summary.startedAt) * 10).rounded() / 10)) s); "
                + "newsetl \(escaped(NewsETLVersion.current)); config \(summary.configSHA256.prefix(12)).</p>",
            section("Summary", summaryCards),
            section("Documents per publication \(days.unit)", days.html),
            section("Documents added per run (last \(history.count))", runChart),
            section("Per source", sourceTable),
            section("Rejected files", rejectTables),
            section("Most mentioned", entityTables),
            section("Largest clusters of copies", clusterList),
            section("Clean rules that removed most", ruleTable),
        ]
        if !summary.warnings.isEmpty {
            body.append(section("Warnings", "<ul>" + summary.warnings.map { "<li>\(escaped($0))</li>" }.joined() + "</ul>"))
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>NewsETL report \(escaped(summary.runID))</title>
            <style>
            body { font: 14px/1.45 system-ui, sans-serif; margin: 24px auto; max-width: 980px; color: #1d1d1d; background: #fff; padding: 0 16px; }
            h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid #ccc; }
            h3 { font-size: 14px; margin: 12px 0 4px; } .meta { color: #555; margin-top: 0; }
            table { border-collapse: collapse; margin: 4px 0 8px; } th, td { padding: 3px 10px 3px 0; text-align: left; vertical-align: top; }
            td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; } tr + tr td { border-top: 1px solid #eee; }
            .cards { display: flex; flex-wrap: wrap; gap: 10px; } .card { border: 1px solid #ccc; border-radius: 6px; padding: 8px 14px; min-width: 110px; }
            .card b { display: block; font-size: 22px; } .columns { display: flex; flex-wrap: wrap; gap: 28px; }
            .note { color: #555; font-size: 12px; } svg { max-width: 100%; height: auto; }
            @media print { body { margin: 0; max-width: none; } section { break-inside: avoid; } }
            </style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    private func escaped(_ text: String) -> String { HTMLText.escaped(text) }

    private func section(_ title: String, _ content: String) -> String {
        "<section>\n<h2>\(escaped(title))</h2>\n\(content)\n</section>"
    }

    private func table(_ headers: [String], numeric: Set<Int>, _ rows: [[String]]) -> String {
        guard !rows.isEmpty else { return "<p class=\"note\">None.</p>" }
        func cells(_ values: [String], tag: String) -> String {
            values.enumerated().map { index, value in
                "<\(tag)\(numeric.contains(index) ? " class=\"n\"" : "")>\(value)</\(tag)>"
            }.joined()
        }
        return "<table>\n<tr>\(cells(headers.map(escaped), tag: "th"))</tr>\n"
            + rows.map { "<tr>\(cells($0, tag: "td"))</tr>" }.joined(separator: "\n") + "\n</table>"
    }

    private var summaryCards: String {
        let cards: [(String, String, Int)] = [
            ("input files", "counts.inputs", summary.inputs), ("kept", "counts.kept", summary.kept),
            ("duplicates", "counts.duplicates", summary.duplicates), ("rejected", "counts.rejected", summary.rejected),
            ("documents written", "counts.documents_written", summary.documentsWritten),
            ("entity mentions", "counts.entity_mentions", summary.entityMentions),
            ("new files", "changes.new", summary.changes.new), ("changed", "changes.changed", summary.changes.changed),
            ("unchanged", "changes.unchanged", summary.changes.unchanged),
        ]
        let languages = summary.written.documentsByLanguage.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            .map { "\(escaped($0.key)) \($0.value)" }.joined(separator: ", ")
        return "<div class=\"cards\">\n" + cards.map { label, key, value in
            "<div class=\"card\"><b data-manifest=\"\(key)\">\(value)</b>\(label)</div>"
        }.joined(separator: "\n") + "\n</div>\n<p class=\"note\">Every input file is kept, a duplicate or rejected: "
            + "\(summary.inputs) = \(summary.kept) + \(summary.duplicates) + \(summary.rejected). "
            + (summary.changes.deleted.isEmpty ? "" : "\(summary.changes.deleted.count) files left the input and the dataset. ")
            + (languages.isEmpty ? "" : "Languages: \(languages).") + "</p>"
    }

    /// Documents per day over the dated span; per month or year when the span is long.
    private var dayChart: (unit: String, html: String) {
        let dated = facts.days.filter { !$0.key.isEmpty }
        let undated = facts.days[""] ?? 0
        let note = undated == 0 ? "" : "<p class=\"note\">\(undated) " + (undated == 1 ? "document" : "documents")
            + " without a publication date " + (undated == 1 ? "is" : "are") + " not in the chart.</p>"
        guard let first = dated.keys.min(), let last = dated.keys.max(),
              let start = DateParser.dayNumber(first), let end = DateParser.dayNumber(last) else {
            return ("day", "<p class=\"note\">No document has a publication date.</p>")
        }
        let spanDays = Int(end - start)
        let prefix = spanDays <= 92 ? 10 : spanDays <= 3660 ? 7 : 4
        let unit = prefix == 10 ? "day" : prefix == 7 ? "month" : "year"
        var counts: [String: Int] = [:]
        for (day, count) in dated { counts[String(day.prefix(prefix)), default: 0] += count }
        // Every period of the span, empty ones too, so the chart's time axis is even.
        var labels: [String] = []
        var day = Int(start)
        while day <= Int(end) {
            let label = String(DateParser.isoDay(day).prefix(prefix))
            if labels.last != label { labels.append(label) }
            day += 1
        }
        let chart = SVGBarChart(title: "Documents per publication \(unit)", bars: labels.map { ($0, counts[$0] ?? 0) })
        return (unit, chart.svg + "\n" + note)
    }

    private var runChart: String {
        SVGBarChart(title: "Documents written per run", bars: history.map { (Self.shortLabel($0.runID), $0.documents) }).svg
            + "\n<p class=\"note\">Documents each run wrote (new and changed files); the last bar is this run.</p>"
    }

    /// "11-26 02:00" for run-20261126T020000Z (and "-2" kept for a second run in the same second).
    static func shortLabel(_ runID: String) -> String {
        let digits = Array(runID.dropFirst("run-".count))
        guard runID.hasPrefix("run-"), digits.count >= 16, digits[8] == "T" else { return runID }
        let text = String(digits)
        func part(_ from: Int, _ count: Int) -> Substring { text.dropFirst(from).prefix(count) }
        return "\(part(4, 2))-\(part(6, 2)) \(part(9, 2)):\(part(11, 2))" + (digits.count > 16 ? String(text.dropFirst(16)) : "")
    }

    private var sourceTable: String {
        let sorted = facts.sources.sorted { ($1.value.documents, $0.key) < ($0.value.documents, $1.key) }
        let rows = sorted.prefix(Self.tableRows * 2).map { name, source in
            [escaped(name.isEmpty ? "(none)" : name), String(source.documents), String(source.copies), String(source.words),
             String(format: "%.1f%%", source.removedShare * 100)]
        }
        let more = sorted.count > Self.tableRows * 2 ? "<p class=\"note\">\(sorted.count - Self.tableRows * 2) more sources in documents.csv.</p>" : ""
        return table(["source", "documents", "marked copies", "words", "removed as boilerplate"], numeric: [1, 2, 3, 4], Array(rows)) + more
            + "<p class=\"note\">Documents are kept reports; marked copies are copies dedupe kept in documents (action mark). "
            + "Removed: share of the decoded text's characters clean took out.</p>"
    }

    private var rejectTables: String {
        let reasons = facts.rejectedReasons.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { reason, count in
            [escaped(reason), "<span data-manifest=\"rejected_by_reason.\(escaped(reason))\">\(count)</span>"]
        }
        let folders = facts.rejectedFolders.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(Self.tableRows).map { folder, count in
            [escaped(folder.isEmpty ? "(top folder)" : folder + "/"), String(count)]
        }
        return "<div class=\"columns\"><div><h3>By reason</h3>" + table(["reason", "files"], numeric: [1], reasons)
            + "</div><div><h3>By input folder</h3>" + table(["folder", "files"], numeric: [1], Array(folders)) + "</div></div>"
            + "<p class=\"note\">Each rejected file with its reason is in rejects.csv.</p>"
    }

    private var entityTables: String {
        let groups: [(String, String)] = [("People", "PER"), ("Organisations", "ORG"), ("Places", "LOC")]
        return "<div class=\"columns\">" + groups.map { title, type in
            let top = entities.filter { $0.type == type }
                .sorted { ($1.documents, $1.mentions, $0.name) < ($0.documents, $0.mentions, $1.name) }
                .prefix(Self.tableRows).map { [escaped($0.name), String($0.documents), String($0.mentions)] }
            return "<div><h3>\(title)</h3>" + table(["name", "documents", "mentions"], numeric: [1, 2], Array(top)) + "</div>"
        }.joined() + "</div>"
    }

    private var clusterList: String {
        let largest = facts.clusters.sorted { ($1.value.copies.count, $0.key) < ($0.value.copies.count, $1.key) }.prefix(10)
        guard !largest.isEmpty else { return "<p class=\"note\">No copies found.</p>" }
        return "<ol>\n" + largest.map { id, cluster in
            "<li><b>\(escaped(cluster.canonicalPath))</b> (\(escaped(cluster.canonicalID)), \(cluster.copies.count) "
                + (cluster.copies.count == 1 ? "copy" : "copies") + ")<ul>"
                + cluster.copies.map { "<li>\(escaped($0.path)) <span class=\"note\">similarity \(String(format: "%.2f", $0.similarity))</span></li>" }.joined()
                + "</ul></li>"
        }.joined(separator: "\n") + "\n</ol>"
    }

    private var ruleTable: String {
        let rows = facts.rules.sorted { ($1.value.characters, $0.key) < ($0.value.characters, $1.key) }.prefix(Self.tableRows).map { rule, counts in
            [escaped(rule), String(counts.paragraphs), String(counts.characters)]
        }
        return table(["rule", "paragraphs", "characters"], numeric: [1, 2], Array(rows))
            + "<p class=\"note\">Every removed paragraph, with its rule, is in removed.csv.</p>"
    }
}
