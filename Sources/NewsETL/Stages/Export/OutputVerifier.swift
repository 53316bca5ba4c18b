import Foundation

/// Checks a finished run's outputs the way a consumer would read them: CSV
/// through libcsv with every record as wide as the header, every JSONL line
/// an object, XML valid against the schema, and the manifest's accounting
/// (`inputs = kept + duplicates + rejected`, one row per written document).
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
                    ?? XMLSchemaValidator(schemaText: BuiltInSchema.xsd, name: "the built-in schema")
            } catch {
                report.problems.append("\(error)")
            }
        }
        for name in Datasets.names {
            var counts: [String: Int] = [:]
            for format in ExportFormat.allCases where manifest.outputs.contains("\(name).\(format.rawValue)") {
                let path = "\(folder)/\(name).\(format.rawValue)"
                guard let data = FileManager.default.contents(atPath: path) else {
                    report.problems.append("\(path): listed in the manifest but missing or unreadable")
                    continue
                }
                let problemsBefore = report.problems.count
                switch format {
                case .csv: counts["csv"] = checkCSV(Array(data), path: path, report: &report)
                case .jsonl: counts["jsonl"] = checkJSONL(data, path: path, report: &report)
                case .xml:
                    if let validator {
                        report.problems.append(contentsOf: validator.validate(fileAt: path).map { "\(path): \($0)" })
                    }
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

    private struct ManifestCounts {
        var documentsWritten: Int
        /// File names the run wrote.
        var outputs: Set<String>
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
        return ManifestCounts(documentsWritten: count("documents_written"), outputs: Set(outputs))
    }

    private func checkCSV(_ bytes: [UInt8], path: String, report: inout Report) -> Int? {
        do {
            let records = try CSVParser.parse(bytes)
            guard let header = records.first else {
                report.problems.append("\(path): no header row")
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

    private func checkJSONL(_ data: Data, path: String, report: inout Report) -> Int? {
        var count = 0
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if line.isEmpty && index == lines.count - 1 { continue }
            guard (try? JSONSerialization.jsonObject(with: Data(line))) is [String: Any] else {
                report.problems.append("\(path): line \(index + 1) is not a JSON object")
                return nil
            }
            count += 1
        }
        return count
    }
}
