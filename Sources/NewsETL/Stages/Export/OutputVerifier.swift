import Foundation

/// Checks a finished run's outputs the way a consumer would read them,
/// against the declaration of each dataset (`Datasets`): CSV through libcsv
/// with the declared header and every record as wide as it, every JSONL
/// line an object with the declared keys and no missing required value,
/// XML valid against the schema generated from the same declaration, the
/// SQLite database intact with the declared tables, column types and
/// foreign keys, the formats agreeing on the number of records and with the manifest's
/// `output_files`, and the manifest's accounting (`inputs = kept +
/// duplicates + rejected`, one row per written document).
/// It checks exactly the files the manifest lists as the run's outputs, and
/// uses the schema built into the binary unless given another.
public struct OutputVerifier {
    public struct Report {
        public var checked: [String] = []
        public var problems: [String] = []
    }

    public let folder: String
    /// An XSD file to use instead of the built-in schema.
    public let schemaPath: String?

    public init(folder: String, schemaPath: String? = nil) {
        self.folder = folder
        self.schemaPath = schemaPath
    }

    public func verify() -> Report {
        // One run's files, whatever a concurrent run switches meanwhile: `current` resolved once.
        let current = "\(folder)/current"
        let folder = FileSystem.symlinkTarget(current) != nil ? ((try? FileSystem.realPath(current)) ?? self.folder) : self.folder
        var report = Report()
        guard let manifest = readManifest(&report, folder: folder) else { return report }
        var validator: XMLSchemaValidator?
        if manifest.outputs.contains(where: { $0.hasSuffix(".xml") }) {
            do {
                validator = try schemaPath.map { try XMLSchemaValidator(schemaPath: $0) }
                    ?? XMLSchemaValidator(schemaText: XMLSchemaText.xsd, name: "the built-in schema")
            } catch {
                report.problems.append("\(error)")
            }
        }
        let databasePath = "\(folder)/\(SQLiteExport.fileName)"
        let tableCounts = manifest.outputs.contains(SQLiteExport.fileName) ? checkSQLite(databasePath, report: &report) : [:]
        for dataset in Datasets.all {
            let name = dataset.name
            var counts: [String: Int] = [:]
            if let count = tableCounts[name] { counts["sqlite"] = count }
            for format in ExportFormat.fileFormats where manifest.outputs.contains("\(name).\(format.rawValue)") {
                let fileName = "\(name).\(format.rawValue)"
                let path = "\(folder)/\(fileName)"
                guard let data = FileManager.default.contents(atPath: path) else {
                    report.problems.append("\(path): listed in the manifest but missing or unreadable")
                    continue
                }
                let problemsBefore = report.problems.count
                switch format {
                case .csv: counts["csv"] = checkCSV(Array(data), dataset: dataset, path: path, report: &report)
                case .jsonl: counts["jsonl"] = checkJSONL(data, dataset: dataset, path: path, report: &report)
                case .xml:
                    if let validator {
                        let (errors, records) = validator.validateCountingRecords(fileAt: path)
                        report.problems.append(contentsOf: errors.map { "\(path): \($0)" })
                        if errors.isEmpty { counts["xml"] = records }
                    }
                case .sqlite: break
                }
                if let count = counts[format.rawValue], let listed = manifest.records[fileName], count != listed {
                    report.problems.append("\(path): \(count) records, but the manifest's output_files says \(listed)")
                }
                if report.problems.count == problemsBefore { report.checked.append(path) }
            }
            if Set(counts.values).count > 1 {
                report.problems.append("\(name): formats disagree on the number of records \(counts.sorted { $0.key < $1.key })")
            }
            if name == "documents", let count = counts.values.first, count != manifest.documentsWritten {
                report.problems.append("\(name): \(count) records, but the manifest says \(manifest.documentsWritten) documents were written")
            }
        }
        return report
    }

    /// Rows per dataset table of the database, after checking it is intact,
    /// its tables have the declared columns and types, and its foreign keys hold.
    private func checkSQLite(_ path: String, report: inout Report) -> [String: Int] {
        var counts: [String: Int] = [:]
        let problemsBefore = report.problems.count
        do {
            let database = try SQLiteDatabase(path: path)
            let integrity = try database.rows("PRAGMA integrity_check;").compactMap { $0.first?.plainText }
            if integrity != ["ok"] { report.problems.append("\(path): integrity check: \(integrity.prefix(3).joined(separator: "; "))") }
            let dangling = try database.rows("PRAGMA foreign_key_check;")
            if !dangling.isEmpty {
                report.problems.append("\(path): \(dangling.count) rows name a key that is not there (PRAGMA foreign_key_check)")
            }
            let tables = Set(try database.rows("SELECT name FROM sqlite_master WHERE type = 'table';").compactMap { $0.first?.plainText })
            for dataset in Datasets.all where tables.contains(dataset.name) {
                let columns = try database.rows("SELECT name, type FROM pragma_table_info(?);", [.text(dataset.name)])
                    .map { "\($0[0].plainText ?? "") \($0[1].plainText ?? "")" }
                // `documents` may leave its text out (export.include_text false).
                let variants = dataset.name == "documents" ? [dataset, Datasets.documents(includeText: false).dataset] : [dataset]
                let declared = variants.map { $0.columns.map { "\($0.name) \(SQLiteSchemaText.sqlType($0.type))" } }
                if !declared.contains(columns) {
                    report.problems.append("\(path): table \(dataset.name) has columns \(columns), not the declared \(declared[0])")
                }
                counts[dataset.name] = try database.rows("SELECT count(*) FROM \(SQLiteSchemaText.quoted(dataset.name));")
                    .first?.first.flatMap { if case .integer(let count) = $0 { count } else { nil } }
            }
            try database.close()
        } catch {
            report.problems.append("\(path): \(error)")
        }
        if report.problems.count == problemsBefore { report.checked.append(path) }
        return counts
    }

    private struct ManifestCounts {
        var documentsWritten: Int
        /// File names the run wrote.
        var outputs: Set<String>
        /// Records per file, from `output_files`.
        var records: [String: Int]
    }

    private func readManifest(_ report: inout Report, folder: String) -> ManifestCounts? {
        let path = "\(folder)/manifest.json"
        guard let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let counts = object["counts"] as? [String: Any],
              let files = object["files"] as? [Any],
              let outputs = object["outputs"] as? [String] else {
            report.problems.append("\(path): missing or not a manifest")
            return nil
        }
        func count(_ key: String) -> Int { (counts[key] as? NSNumber)?.intValue ?? -1 }
        let inputs = count("inputs")
        if inputs != count("kept") + count("duplicates") + count("rejected") || inputs != files.count {
            report.problems.append("\(path): counts do not add up (inputs \(inputs), kept \(count("kept")), "
                                   + "duplicates \(count("duplicates")), rejected \(count("rejected")), files \(files.count))")
        } else {
            report.checked.append("\(path) (inputs \(inputs) = kept + duplicates + rejected)")
        }
        var records: [String: Int] = [:]
        for file in object["output_files"] as? [[String: Any]] ?? [] {
            if let name = file["name"] as? String, let count = (file["records"] as? NSNumber)?.intValue { records[name] = count }
        }
        return ManifestCounts(documentsWritten: count("documents_written"), outputs: Set(outputs), records: records)
    }

    /// The header must be the declared columns in order; a nullable column
    /// may be left out whole (`text` with include_text false).
    private func checkHeader(_ header: [String], dataset: Dataset) -> String? {
        var columns = dataset.columns[...]
        for name in header {
            while let column = columns.first, column.name != name, column.nullable { columns = columns.dropFirst() }
            guard columns.first?.name == name else {
                return "columns \(header) are not the declared columns of \(dataset.name) (\(dataset.columns.map(\.name)))"
            }
            columns = columns.dropFirst()
        }
        if let missing = columns.first(where: { !$0.nullable }) { return "the required column \(missing.name) is missing" }
        return nil
    }

    private func checkCSV(_ bytes: [UInt8], dataset: Dataset, path: String, report: inout Report) -> Int? {
        do {
            let records = try CSVParser.parse(bytes.starts(with: CSVOptions.byteOrderMark) ? Array(bytes.dropFirst(3)) : bytes)
            guard let header = records.first else {
                report.problems.append("\(path): no header row")
                return nil
            }
            if let problem = checkHeader(header, dataset: dataset) {
                report.problems.append("\(path): \(problem)")
                return nil
            }
            for (index, record) in records.enumerated() where record.count != header.count {
                report.problems.append("\(path): record \(index) has \(record.count) fields, the header \(header.count)")
                return nil
            }
            return records.count - 1
        } catch {
            report.problems.append("\(path): \(error)")
            return nil
        }
    }

    private func checkJSONL(_ data: Data, dataset: Dataset, path: String, report: inout Report) -> Int? {
        var count = 0
        var keys: Set<String>?
        let required = dataset.columns.filter { !$0.nullable }.map(\.name)
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if line.isEmpty && index == lines.count - 1 { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                report.problems.append("\(path): line \(index + 1) is not a JSON object")
                return nil
            }
            if keys == nil {
                let declared = dataset.columns.map(\.name).filter { object.keys.contains($0) }
                if let problem = checkHeader(declared, dataset: dataset) ?? (declared.count == object.count ? nil
                    : "keys \(object.keys.sorted()) are not the declared columns of \(dataset.name)") {
                    report.problems.append("\(path): line \(index + 1): \(problem)")
                    return nil
                }
                keys = Set(object.keys)
            }
            if Set(object.keys) != keys {
                report.problems.append("\(path): line \(index + 1) has keys \(object.keys.sorted()), the first line \(keys!.sorted())")
                return nil
            }
            if let empty = required.first(where: { object[$0] is NSNull }) {
                report.problems.append("\(path): line \(index + 1): \(empty) is null but never empty in \(dataset.name)")
                return nil
            }
            count += 1
        }
        return count
    }
}
