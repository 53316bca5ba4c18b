import Foundation
import Testing
@testable import NewsETL

/// `newsetl run` as cron runs it: killed at any moment, run twice at once,
/// quiet, logging JSON, failing on rejects when asked.
@Suite struct NightlyCommandLineTests {
    private static let config = RepositoryPaths.root + "/pipeline.json"
    private static let datasets = ["documents", "rejects", "duplicates", "removed", "entities", "entity_summary"]
        .flatMap { name in ["csv", "jsonl", "xml"].map { "\(name).\($0)" } }

    private func run(_ input: String, _ output: String, crashAt point: String? = nil, _ extra: [String] = []) throws -> CommandLineTests.Outcome {
        try CommandLineTests.newsetl(["run", "--config", Self.config, "--input", input, "--output", output] + extra,
                                     environment: point.map { ["NEWSETL_CRASH_AT": $0] } ?? [:])
    }

    /// The datasets and the manifest's accounting, with run ids (which name
    /// the second in which a run started) replaced.
    private func outcome(of output: TemporaryFolder) throws -> [String: String] {
        var files: [String: String] = [:]
        let runID = try Regex(#"run-\d{8}T\d{6}Z(-\d+)?"#)
        for name in Self.datasets { files[name] = output.read(name).replacing(runID, with: "run") }
        let manifest = try JSONSerialization.jsonObject(with: Data(output.read("manifest.json").utf8)) as! [String: Any]
        for key in ["counts", "files"] {
            let data = try JSONSerialization.data(withJSONObject: manifest[key]!, options: [.sortedKeys])
            files["manifest \(key)"] = String(decoding: data, as: UTF8.self)
        }
        let runs = try FileManager.default.contentsOfDirectory(atPath: output.url("runs")).sorted()
        files["runs"] = "\(runs.count)"
        files["last run"] = output.read("runs/\(runs.last!)/documents.jsonl")
        return files
    }

    @Test func aRunKilledAtAnyPointLeavesConsistentOutputsAndTheNextRunCompletesIt() throws {
        let (input, held) = try IncrementalRunTests.sampleCopy(holdingBack: ["wire", "web"])
        let later = TemporaryFolder()
        try FileManager.default.copyItem(atPath: input.path, toPath: later.url("all"))
        for name in ["wire", "web"] { try FileManager.default.copyItem(atPath: held.url(name), toPath: later.url("all/\(name)")) }

        let reference = TemporaryFolder()
        #expect(try run(input.path, reference.path).status == 0)
        #expect(try run(later.url("all"), reference.path).status == 0)
        let expected = try outcome(of: reference)

        // Eight renames: run folder, five state files, dataset folder, the current link.
        for point in ["decode", "export", "state", "commit-journal"] + (1...8).map({ "commit-rename-\($0)" }) {
            let output = TemporaryFolder()
            #expect(try run(input.path, output.path).status == 0)
            let before = try IncrementalRunTests.snapshot(output.path).filter { $0.key != ".lock" }
            let killed = try run(later.url("all"), output.path, crashAt: point)
            #expect(killed.status == -SIGKILL, "not killed at \(point)")
            #expect(PublishedDatasetTests.inconsistencies(in: output.path) == [], "a mixed dataset after a kill at \(point)")
            if !point.hasPrefix("commit-") {
                let after = try IncrementalRunTests.snapshot(output.path).filter { $0.key != ".lock" && !$0.key.contains(".tmp-") }
                #expect(after.keys.sorted() == before.keys.sorted(), "files changed by a run killed at \(point)")
                for (path, (bytes, _)) in before { #expect(after[path]?.0 == bytes, "\(path) changed by a run killed at \(point)") }
            }
            let next = try run(later.url("all"), output.path)
            #expect(next.status == 0)
            #expect(next.standardError.contains("warning: took over the lock of run pid"), "stale lock not reported after \(point)")
            let actual = try outcome(of: output)
            for key in expected.keys.sorted() where actual[key] != expected[key] {
                Issue.record("\(key) after a kill at \(point) differs from an uninterrupted run's")
            }
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.contains(".tmp-") }
            #expect(leftovers.isEmpty)
        }
    }

    @Test func exitsWith75AndTouchesNothingWhileAnotherRunHoldsTheFolder() throws {
        let output = TemporaryFolder()
        let lock = try RunLock(folder: output.path)
        let outcome = try run(RepositoryPaths.sampleInput, output.path)
        #expect(outcome.status == 75)
        #expect(outcome.standardError == "newsetl: error: output folder \(output.path) is in use by another newsetl run (pid \(getpid())); nothing was changed, try again later\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == [".lock"])
        withExtendedLifetime(lock) {}
    }

    @Test func isSilentWithQuietAndSaysSoWhenNothingIsNew() throws {
        let output = TemporaryFolder()
        let quiet = try run(RepositoryPaths.sampleInput, output.path, ["--quiet"])
        #expect(quiet.status == 0)
        #expect(quiet.standardError.isEmpty)
        let again = try run(RepositoryPaths.sampleInput, output.path)
        #expect(again.status == 0)
        #expect(again.standardError.hasPrefix("newsetl: nothing new: 18 files seen, all unchanged since the last run"))
    }

    @Test func logsOneJSONObjectPerLineAndDrawsNoProgressBarIntoAPipe() throws {
        let output = TemporaryFolder()
        let outcome = try run(RepositoryPaths.sampleInput, output.path, ["--log-format", "json", "--log-level", "debug"])
        #expect(outcome.status == 0)
        #expect(!outcome.standardError.contains("\r") && !outcome.standardError.contains("ETA"))
        let lines = outcome.standardError.split(separator: "\n")
        #expect(lines.count >= 2)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["level"] is String && object?["message"] is String && object?["time"] is String)
        }
        #expect(lines.last?.contains("18 files seen") == true)
    }

    @Test func failsOnRejectsOnlyWhenTheConfigAsks() throws {
        let folder = TemporaryFolder()
        var json = try String(contentsOfFile: Self.config, encoding: .utf8)
        json = json.replacingOccurrences(of: "\"workers\": 0,", with: "\"workers\": 0,\n  \"fail_on_reject\": true,")
        let config = folder.write("strict.json", json)
        let outcome = try CommandLineTests.newsetl(["run", "--config", config, "--input", RepositoryPaths.sampleInput,
                                                    "--output", folder.url("out")])
        #expect(outcome.status == 65)
        #expect(outcome.standardError.contains("newsetl: error: 2 input files were rejected and fail_on_reject is set"))
        #expect(FileManager.default.fileExists(atPath: folder.url("out/rejects.csv")))
    }

    /// Every temporary a run could leave, anywhere in the output folder.
    /// A folder's path, for helpers that only read.
    struct TemporaryFolderView { var path: String }

    private func temporaries(_ output: TemporaryFolder) -> [String] {
        temporaries(TemporaryFolderView(path: output.path))
    }

    private func temporaries(_ output: TemporaryFolderView) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: output.path)!
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.contains(".tmp-") { found.append(relative) }
        }
        return found
    }

    @Test(arguments: [("decode", "SIGTERM", 143), ("export", "SIGINT", 130), ("state", "SIGHUP", 129), ("state", "SIGTERM", 143)])
    func aStopSignalBeforeTheCommitChangesNothingAndCleansUp(point: String, signal: String, status: Int32) throws {
        let (input, held) = try IncrementalRunTests.sampleCopy(holdingBack: ["wire"])
        let output = TemporaryFolder()
        #expect(try run(input.path, output.path).status == 0)
        try FileManager.default.copyItem(atPath: held.url("wire"), toPath: input.url("wire"))
        let before = try IncrementalRunTests.snapshot(output.path).filter { $0.key != ".lock" }
        let stopped = try CommandLineTests.newsetl(["run", "--config", Self.config, "--input", input.path, "--output", output.path],
                                                   environment: ["NEWSETL_SIGNAL_AT": "\(point):\(signal)"])
        #expect(stopped.status == status)
        let lastLine = stopped.standardError.split(separator: "\n").last.map(String.init) ?? ""
        #expect(lastLine == "newsetl: error: stopped by \(signal) before the commit: nothing was changed, the outputs are as the last run left them")
        let after = try IncrementalRunTests.snapshot(output.path).filter { $0.key != ".lock" }
        #expect(after.keys.sorted() == before.keys.sorted())
        for (path, (bytes, _)) in before { #expect(after[path]?.0 == bytes, "\(path) changed by a run stopped at \(point)") }
        #expect(temporaries(output) == [])
        #expect(output.read(".lock").isEmpty)
        let next = try run(input.path, output.path)
        #expect(next.status == 0)
        #expect(!next.standardError.contains("took over the lock"))
        #expect(next.standardError.contains("1 new"))
    }

    @Test func aStopSignalDuringTheCommitLetsItComplete() throws {
        let (input, held) = try IncrementalRunTests.sampleCopy(holdingBack: ["wire"])
        let output = TemporaryFolder()
        #expect(try run(input.path, output.path).status == 0)
        try FileManager.default.copyItem(atPath: held.url("wire"), toPath: input.url("wire"))
        let outcome = try CommandLineTests.newsetl(["run", "--config", Self.config, "--input", input.path, "--output", output.path],
                                                   environment: ["NEWSETL_SIGNAL_AT": "commit-journal:SIGTERM"])
        #expect(outcome.status == 0)
        #expect(outcome.standardError.contains("SIGTERM arrived during the commit, which was completed first"))
        #expect(output.read("documents.csv").contains("wire/valmora-flood-wire.txt"))
        #expect(temporaries(output) == [])
        #expect(PublishedDatasetTests.inconsistencies(in: output.path) == [])
    }

    /// A small tmpfs, when this process may mount one (root in CI); nil otherwise.
    static func smallFileSystem(kilobytes: Int) -> TemporaryFolder? {
        let folder = TemporaryFolder()
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", folder.path]
        mount.standardError = FileHandle.nullDevice
        guard (try? mount.run()) != nil else { return nil }
        mount.waitUntilExit()
        return mount.terminationStatus == 0 ? folder : nil
    }

    static func unmount(_ folder: TemporaryFolder) {
        let umount = Process()
        umount.executableURL = URL(fileURLWithPath: "/bin/umount")
        umount.arguments = [folder.path]
        try? umount.run()
        umount.waitUntilExit()
    }

    static let canMount: Bool = {
        guard let folder = smallFileSystem(kilobytes: 64) else { return false }
        unmount(folder)
        return true
    }()

    @Test(.enabled(if: canMount, "needs to mount a tmpfs (root)"), arguments: [60, 120, 300])
    func aFullDiskFailsCleanlyAndJSONLogsStayJSON(kilobytes: Int) throws {
        let disk = try #require(Self.smallFileSystem(kilobytes: kilobytes))
        defer { Self.unmount(disk) }
        let outcome = try run(RepositoryPaths.sampleInput, disk.url("out"), ["--log-format", "json"])
        #expect(outcome.status == 74)
        let lines = outcome.standardError.split(separator: "\n")
        #expect(lines.last?.contains("No space left on device") == true)
        for line in lines {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any], "not JSON: \(line)")
        }
        #expect(temporaries(TemporaryFolderView(path: disk.url("out"))) == [])
        #expect(!FileManager.default.fileExists(atPath: disk.url("out/current")))
    }

    @Test func libxml2MessagesGoThroughOurOwnLines() throws {
        let folder = TemporaryFolder()
        #expect(try run(RepositoryPaths.sampleInput, folder.url("out")).status == 0)
        let schema = folder.write("empty.xsd", "")
        let outcome = try CommandLineTests.newsetl(["verify", "--output", folder.url("out"), "--schema", schema])
        #expect(outcome.status == 65)
        let lines = outcome.standardError.split(separator: "\n")
        #expect(!lines.isEmpty && lines.allSatisfy { $0.hasPrefix("newsetl: ") })
        #expect(outcome.standardError.contains("newsetl: warning: libxml2: \(schema):1: Document is empty"))
    }
}
