import Foundation
import Testing
@testable import NewsETL

/// Every check `verify` makes, shown catching the damage it is there for.
@Suite struct OutputVerifierTests {
    /// One real run over input/, its dataset copied into a plain folder to damage.
    static func verifiedRun() throws -> TemporaryFolder {
        let output = TemporaryFolder()
        var config = try PipelineConfig.load(path: RepositoryPaths.root + "/pipeline.json")
        config.outputPath = output.url("out")
        _ = try PipelineRunner(config: config).run()
        let copy = TemporaryFolder()
        let current = try FileSystem.realPath(output.url("out/current"))
        for name in try FileManager.default.contentsOfDirectory(atPath: current) {
            copy.write(name, bytes: Array(FileManager.default.contents(atPath: "\(current)/\(name)")!))
        }
        return copy
    }

    static func edit(_ folder: TemporaryFolder, _ name: String, _ change: (String) -> String) {
        folder.write(name, change(folder.read(name)))
    }

    static func problems(_ folder: TemporaryFolder) -> [String] {
        OutputVerifier(folder: folder.path).verify().problems
    }

    @Test func anUntouchedRunPassesEveryCheck() throws {
        let folder = try Self.verifiedRun()
        let report = OutputVerifier(folder: folder.path).verify()
        #expect(report.problems == [])
        #expect(report.checked.count == 20)
    }

    typealias Damage = (name: String, damage: @Sendable (TemporaryFolder) -> Void, expected: String)

    static let damages: [Damage] = [
        ("no manifest", { try? FileSystem.removeFile($0.url("manifest.json")) }, "missing or not a manifest"),
        ("counts that do not add up", { edit($0, "manifest.json") { $0.replacingOccurrences(of: "\"kept\": 13", with: "\"kept\": 14") } },
         "counts do not add up"),
        ("a listed file missing", { try? FileSystem.removeFile($0.url("entities.csv")) }, "entities.csv: listed in the manifest but missing"),
        ("an empty CSV", { $0.write("rejects.csv", "") }, "rejects.csv: no header row"),
        ("a renamed CSV column", { edit($0, "rejects.csv") { $0.replacingOccurrences(of: "\"reason\"", with: "\"why\"") } },
         "are not the declared columns of rejects"),
        ("a CSV column left out", { edit($0, "duplicates.csv") { $0.replacingOccurrences(of: "\"kind\"", with: "") } },
         "are not the declared columns of duplicates"),
        ("a short CSV record", { edit($0, "rejects.csv") { $0 + "\"only one field\"\r\n" } }, "has 1 fields, the header 3"),
        ("broken CSV quoting", { edit($0, "rejects.csv") { $0 + "\"open quote,\"x\r\n" } }, "rejects.csv:"),
        ("a JSONL line that is not an object", { edit($0, "removed.jsonl") { $0 + "[1, 2]\n" } }, "is not a JSON object"),
        ("a JSONL line with other keys", { edit($0, "rejects.jsonl") { $0 + "{\"path\":\"a\",\"reason\":\"empty\"}\n" } }, "has keys"),
        ("a JSONL null where a value is required",
         { edit($0, "duplicates.jsonl") { $0.replacingOccurrences(of: "\"kind\":\"near\"", with: "\"kind\":null") } },
         "kind is null but never empty in duplicates"),
        ("XML that breaks the schema",
         { edit($0, "entities.xml") { $0.replacingOccurrences(of: "<type>PER</type>", with: "<type>PERSON</type>") } },
         "entities.xml: "),
        ("formats that disagree",
         { edit($0, "entity_summary.jsonl") { String($0.split(separator: "\n").dropLast().joined(separator: "\n") + "\n") } },
         "entity_summary: formats disagree"),
        ("a database table missing a row", { folder in
            guard let database = try? SQLiteDatabase(path: folder.url("newsetl.sqlite"), create: true) else { return }
            try? database.execute("DELETE FROM rejects WHERE rowid = (SELECT max(rowid) FROM rejects);")
            try? database.close()
        }, "rejects: formats disagree"),
        ("a database column of another type", { folder in
            guard let database = try? SQLiteDatabase(path: folder.url("newsetl.sqlite"), create: true) else { return }
            try? database.execute("ALTER TABLE rejects ADD COLUMN extra TEXT;")
            try? database.close()
        }, "table rejects has columns"),
        ("a database that is not one", { $0.write("newsetl.sqlite", "not a database") }, "newsetl.sqlite: sqlite: "),
        ("a count that disagrees with output_files",
         { edit($0, "manifest.json") { $0.replacingOccurrences(of: "{\"name\":\"rejects.xml\",\"records\":2,", with: "{\"name\":\"rejects.xml\",\"records\":3,") } },
         "rejects.xml: 2 records, but the manifest's output_files says 3"),
        ("documents that disagree with documents_written",
         { edit($0, "manifest.json") { $0.replacingOccurrences(of: "\"documents_written\": 16", with: "\"documents_written\": 17") } },
         "but the manifest says 17 documents were written"),
    ]

    @Test(arguments: damages.indices)
    func catchesTheDamage(index: Int) throws {
        let (name, damage, expected) = Self.damages[index]
        let folder = try Self.verifiedRun()
        damage(folder)
        let problems = Self.problems(folder)
        #expect(problems.contains { $0.contains(expected) }, "\(name): \(problems)")
    }
}
