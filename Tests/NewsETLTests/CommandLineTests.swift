import Foundation
import Testing
@testable import NewsETL

/// The `newsetl` binary's exit codes and messages, as cron and scripts see them.
@Suite struct CommandLineTests {
    struct Outcome {
        /// The exit status, or minus the signal that killed the process.
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The `newsetl` built beside this test bundle (whatever the build path
    /// and configuration), else the default debug build.
    static let binary: String = {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        let sibling = bundle.deletingLastPathComponent().appendingPathComponent("newsetl").path
        return FileManager.default.isExecutableFile(atPath: sibling) ? sibling : RepositoryPaths.root + "/.build/debug/newsetl"
    }()

    /// Runs the built binary; `environment` adds variables to this process's.
    static func newsetl(_ arguments: [String], environment: [String: String] = [:], in directory: String? = nil) throws -> Outcome {
        let process = Process()
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let killed = process.terminationReason == .uncaughtSignal
        return Outcome(status: killed ? -process.terminationStatus : process.terminationStatus,
                       standardOutput: String(decoding: outData, as: UTF8.self),
                       standardError: String(decoding: errData, as: UTF8.self))
    }

    private func newsetl(_ arguments: [String]) throws -> Outcome {
        try Self.newsetl(arguments)
    }

    @Test func validatesTheRepositoryConfig() throws {
        let outcome = try newsetl(["validate", "--config", RepositoryPaths.root + "/pipeline.json"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("valid; stages: decode, clean, dedupe, entities, export"))
    }

    @Test func exitsWith78AndOneLinePerConfigProblem() throws {
        let folder = TemporaryFolder()
        let path = folder.write("bad.json", #"{"workers": "many", "stages": [{"name": "decode"}, {"name": "export", "options": {"formats": []}}]}"#)
        let commands = [["validate", "--config", path], ["run", "--config", path, "--output", folder.url("out")]]
        for arguments in commands {
            let outcome = try newsetl(arguments)
            #expect(outcome.status == 78)
            #expect(outcome.standardError == """
                newsetl: error: \(path): workers: expected an integer between 0 and 1024, got "many"
                newsetl: error: \(path): stages[1].options.formats: expected at least one format

                """)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.url("out")))
    }

    @Test func exitsWith66WhenTheInputFolderIsMissing() throws {
        let folder = TemporaryFolder()
        let outcome = try newsetl(["run", "--config", RepositoryPaths.root + "/pipeline.json",
                                   "--input", folder.url("nowhere"), "--output", folder.url("out")])
        #expect(outcome.status == 66)
        #expect(outcome.standardError == "newsetl: error: input folder \(folder.url("nowhere")): No such file or directory\n")
        #expect(!FileManager.default.fileExists(atPath: folder.url("out")))
    }

    @Test func exitsWith73WhenTheOutputFolderCannotBeMade() throws {
        let folder = TemporaryFolder()
        folder.write("file", "x")
        let outcome = try newsetl(["run", "--config", RepositoryPaths.root + "/pipeline.json",
                                   "--input", RepositoryPaths.sampleInput, "--output", folder.url("file/out")])
        #expect(outcome.status == 73)
        #expect(outcome.standardError.hasPrefix("newsetl: error: output folder"))
    }

    @Test func runsOverTheSampleInputWithOverrides() throws {
        let folder = TemporaryFolder()
        let outcome = try newsetl(["run", "--config", RepositoryPaths.root + "/pipeline.json",
                                   "--input", RepositoryPaths.sampleInput, "--output", folder.path, "--workers", "3"])
        #expect(outcome.status == 0)
        #expect(outcome.standardError.contains("18 files seen: 18 new, 0 changed, 0 unchanged, 0 deleted"))
        #expect(outcome.standardError.contains("of 18 processed: 13 kept, 3 duplicates, 2 rejected; 16 documents"))
        let verify = try newsetl(["verify", "--output", folder.path, "--schema", RepositoryPaths.schema])
        #expect(verify.status == 0)
        #expect(verify.standardOutput.hasSuffix("all outputs verified\n"))
    }

    @Test func initWritesACommentedStarterThatValidatesAndKeepsAnExistingFile() throws {
        let folder = TemporaryFolder()
        let first = try Self.newsetl(["init"], in: folder.path)
        #expect(first.status == 0)
        #expect(folder.read("pipeline.json") == StarterConfig.text)
        #expect(folder.read("pipeline.json").contains("// "))
        let validate = try Self.newsetl(["validate", "--config", folder.url("pipeline.json")])
        #expect(validate.status == 0, "\(validate.standardError)")
        folder.write("pipeline.json", "{\"mine\": true}")
        let again = try Self.newsetl(["init"], in: folder.path)
        #expect(again.status == 73)
        #expect(again.standardError == "newsetl: error: pipeline.json exists; keep it, or replace it with --force\n")
        #expect(folder.read("pipeline.json") == "{\"mine\": true}")
        #expect(try Self.newsetl(["init", "--force"], in: folder.path).status == 0)
        #expect(folder.read("pipeline.json") == StarterConfig.text)
    }

    @Test func runsWithoutAConfigOnTheBuiltInDefaultsAndSaysSo() throws {
        let folder = TemporaryFolder()
        let run = try Self.newsetl(["run", "--input", RepositoryPaths.sampleInput], in: folder.path)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.hasPrefix("newsetl: no pipeline.json here: using the built-in defaults"))
        #expect(run.standardError.contains("of 18 processed: 13 kept, 3 duplicates, 2 rejected"))
        let verify = try Self.newsetl(["verify", "--output", folder.url("output")])
        #expect(verify.status == 0, "\(verify.standardOutput)")
        #expect(FileManager.default.fileExists(atPath: folder.url("output/newsetl.sqlite")))
    }

    @Test func showPrintsADocumentByIdOrPathAndSaysWhenThereIsNone() throws {
        let folder = TemporaryFolder()
        let run = try newsetl(["run", "--config", RepositoryPaths.root + "/pipeline.json",
                               "--input", RepositoryPaths.sampleInput, "--output", folder.path])
        #expect(run.status == 0)
        let id = DecodeStage.docID(forRelativePath: "web/valmora-gazette.html")
        let byPath = try newsetl(["show", "web/valmora-gazette.html", "--output", folder.path])
        let byID = try newsetl(["show", id, "--output", folder.path])
        #expect(byPath.status == 0 && byID.status == 0)
        #expect(byPath.standardOutput == byID.standardOutput)
        #expect(byPath.standardOutput.contains("title:            Storm surge floods Valmora harbour, 4,200 evacuated"))
        let json = try newsetl(["show", id, "--output", folder.path, "--json"])
        #expect((try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])?["doc_id"] as? String == id)
        let missing = try newsetl(["show", "nowhere.txt", "--output", folder.path])
        #expect(missing.status == 65)
        #expect(missing.standardError.contains("no document, copy or rejected file with id or path nowhere.txt"))
    }

    @Test func rejectsANegativeWorkerCountAsAUsageError() throws {
        let outcome = try newsetl(["run", "--workers", "-1"])
        #expect(outcome.status == 64)
    }

    @Test func rejectsAWorkerCountBeyondTheConfigRange() throws {
        let outcome = try newsetl(["run", "--workers", "100000"])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("--workers must be between 0 and 1024"))
    }

    @Test func verifiesFromAnyFolderWithTheBuiltInSchemaExactlyTheFormatsWritten() throws {
        let folder = TemporaryFolder()
        let config = folder.write("csv-only.json", """
            {"stages": [{"name": "decode"}, {"name": "export", "options": {"formats": ["csv"]}}]}
            """)
        for (configPath, output) in [(RepositoryPaths.root + "/pipeline.json", "all/"), (config, "csv")] {
            let run = try Self.newsetl(["run", "--config", configPath, "--input", RepositoryPaths.sampleInput, "--output", output],
                                       in: folder.path)
            #expect(run.status == 0, "\(run.standardError)")
            let here = try Self.newsetl(["verify", "--output", folder.url(output)], in: "/")
            #expect(here.status == 0, "\(here.standardError)")
            #expect(here.standardError.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.url("csv/documents.xml")))
    }

    @Test func verifyNamesABrokenFile() throws {
        let folder = TemporaryFolder()
        let run = try newsetl(["run", "--config", RepositoryPaths.root + "/pipeline.json",
                               "--input", RepositoryPaths.sampleInput, "--output", folder.path])
        #expect(run.status == 0)
        // Cut the XML mid-record and drop a CSV field: a consumer would choke on both.
        let xml = folder.read("documents.xml")
        try Data(xml.prefix(xml.count / 2).utf8).write(to: URL(fileURLWithPath: folder.url("current/documents.xml")), options: .atomic)
        let csv = folder.read("rejects.csv").replacingOccurrences(of: "\"empty\",", with: "")
        try Data(csv.utf8).write(to: URL(fileURLWithPath: folder.url("current/rejects.csv")), options: .atomic)
        let verify = try newsetl(["verify", "--output", folder.path])
        #expect(verify.status == 65)
        #expect(verify.standardError.contains("documents.xml"))
        #expect(verify.standardError.contains("rejects.csv: record"))
    }
}
