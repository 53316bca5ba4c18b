import Foundation
import Testing
@testable import NewsETL

/// Every file the state folder keeps: the previous release's files load,
/// and a damaged, truncated or other-version file is set aside and
/// reported, never trusted and never a crash.
@Suite struct StateFileTests {
    static let fixture = RepositoryPaths.fixtures + "/state-0.1.0"

    /// A copy of the 0.1.0 state folder as an output folder's `.state`.
    static func copyOfFixture() throws -> (folder: TemporaryFolder, store: StateStore) {
        let folder = TemporaryFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: fixture) {
            folder.write(".state/\(name)", bytes: Array(FileManager.default.contents(atPath: "\(fixture)/\(name)")!))
        }
        return (folder, StateStore(output: folder.path))
    }

    static func loadAll(_ store: StateStore) -> [String: Bool] {
        var loaded: [String: Bool] = [:]
        if case .success = InputLedger.load(store.ledger) { loaded["inputs.bin"] = true } else { loaded["inputs.bin"] = false }
        if case .success = DedupeState(store: store, folder: ".state").load({ _ in }) { loaded["dedupe-signatures.bin"] = true }
        else { loaded["dedupe-signatures.bin"] = false }
        if case .success = LearningState(store: store).load() { loaded["clean-learning.bin"] = true } else { loaded["clean-learning.bin"] = false }
        if case .success = NameTableState(store: store).load() { loaded["entity-names.bin"] = true } else { loaded["entity-names.bin"] = false }
        return loaded
    }

    @Test func loadsTheStateThePreviousReleaseWrote() throws {
        let (folder, store) = try Self.copyOfFixture()
        defer { withExtendedLifetime(folder) {} }
        guard case .success(let ledger) = InputLedger.load(store.ledger) else {
            Issue.record("0.1.0 ledger not readable: \(InputLedger.load(store.ledger))")
            return
        }
        #expect(ledger.count == 16)
        // Records versions 2 and 3 added the evidence of the publication date
        // and the unit of amounts (and version 4 page descriptions), which 0.1.0 did not keep: its store is named and rebuilt, not misread.
        do {
            _ = try RecordStoreReader(path: store.recordsPath)
            Issue.record("a version 1 record store was read as version 2")
        } catch {
            #expect("\(error)".hasSuffix("written as RECORDS version 1, this release reads version \(RecordStore.format.version)"))
        }
        var signatures = 0
        guard case .success = DedupeState(store: store, folder: ".state").load({ _ in signatures += 1 }),
              case .success(let learning) = LearningState(store: store).load(),
              case .success(let names) = NameTableState(store: store).load() else {
            Issue.record("a 0.1.0 stage state file is not readable")
            return
        }
        #expect(signatures == 11)
        #expect(!learning.sources.isEmpty)
        #expect(!names.names.isEmpty)
    }

    @Test(arguments: ["inputs.bin", "dedupe-signatures.bin", "clean-learning.bin", "entity-names.bin"])
    func setsADamagedFileAsideWhereverItIsDamaged(name: String) throws {
        let original = Array(FileManager.default.contents(atPath: "\(Self.fixture)/\(name)")!)
        var generator = SplitMix(seed: 11)
        let damages: [(String, [UInt8])] = [
            ("empty", []),
            ("header only", Array(original.prefix(20))),
            ("another version", Array(String(decoding: original.prefix(40), as: UTF8.self)
                .replacingOccurrences(of: "-1\n", with: "-9\n").replacingOccurrences(of: "-2\n", with: "-9\n").utf8)
                + original.dropFirst(40)),
        ] + (0..<12).map { _ in
            ("truncated", Array(original.prefix(Int(generator.next() % UInt64(original.count)))))
        } + (0..<12).map { _ in
            var flipped = original
            flipped[Int(generator.next() % UInt64(original.count))] ^= 0x20
            return ("flipped", flipped)
        }
        for (what, bytes) in damages {
            let (folder, store) = try Self.copyOfFixture()
            folder.write(".state/\(name)", bytes: bytes)
            #expect(Self.loadAll(store)[name] == false, "\(name) \(what)")
            #expect(FileManager.default.fileExists(atPath: folder.url(".state/\(name).corrupt")), "\(name) \(what)")
            #expect(!FileManager.default.fileExists(atPath: folder.url(".state/\(name)")), "\(name) \(what)")
        }
    }

    @Test func anOutputFolderOfRelease010IsRebuiltOnceWithAWarning() throws {
        let input = TemporaryFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.sampleInput) {
            try FileManager.default.copyItem(atPath: "\(RepositoryPaths.sampleInput)/\(name)", toPath: input.url(name))
        }
        let output = TemporaryFolder()
        var config = try PipelineConfig.load(path: RepositoryPaths.root + "/pipeline.json")
        (config.input.path, config.outputPath) = (input.path, output.path)
        _ = try PipelineRunner(config: config).run()
        output.write(".state/records.bin", bytes: Array(FileManager.default.contents(atPath: "\(Self.fixture)/records.bin")!))
        let upgraded = try PipelineRunner(config: config).run()
        #expect(upgraded.changes.fullReason == "the state could not be read")
        #expect(upgraded.warnings.contains { $0.contains("written as RECORDS version 1, this release reads version \(RecordStore.format.version)") })
        #expect(upgraded.inputs == 18)
        let next = try PipelineRunner(config: config).run()
        #expect(next.inputs == 0 && next.warnings.isEmpty)
    }

    @Test func namesTheVersionOfAFileFromAnotherRelease() throws {
        let (folder, store) = try Self.copyOfFixture()
        folder.write(".state/clean-learning.bin", "NEWSETL-CLEAN-LEARNING-7\nwhatever a later release writes")
        guard case .failure(.damaged(let detail)) = LearningState(store: store).load() else {
            Issue.record("a version 7 file was read")
            return
        }
        #expect(detail == "written as CLEAN-LEARNING version 7, this release reads version 1; set aside as clean-learning.bin.corrupt")
    }

    @Test func aTruncatedRecordStoreIsReportedNotTrusted() throws {
        let original = Array(FileManager.default.contents(atPath: "\(Self.fixture)/records.bin")!)
        for length in [0, 10, 18, 100, original.count / 2, original.count - 1] {
            let (folder, store) = try Self.copyOfFixture()
            folder.write(".state/records.bin", bytes: Array(original.prefix(length)))
            #expect(throws: RecordStoreReader.Problem.self) { _ = try RecordStoreReader(path: store.recordsPath) }
        }
    }

    @Test func aDamagedStageStateMeansAWarningAndTheRunGoesOn() throws {
        let input = TemporaryFolder()
        for name in ["a.txt", "b.txt"] { input.write(name, "The council met in Leeds on Monday.\n\nIt agreed the plan for \(name).\n") }
        let output = TemporaryFolder()
        var config = try PipelineConfig.testing("""
            {"stages": [{"name": "decode"}, {"name": "clean", "options": {"learn": {"enabled": true}}}, {"name": "dedupe"},
                        {"name": "entities", "options": {"merge_variants": {"enabled": true}}}, {"name": "export"}]}
            """)
        config.input.path = input.path
        config.outputPath = output.path
        _ = try PipelineRunner(config: config).run()
        for name in ["clean-learning.bin", "entity-names.bin", "dedupe-signatures.bin"] {
            output.write(".state/\(name)", "NEWSETL-DAMAGED\n")
        }
        input.write("c.txt", "A third report from York.\n")
        let second = try PipelineRunner(config: config).run()
        #expect(second.inputs == 1)
        #expect(second.warnings.count == 3)
        #expect(second.warnings.allSatisfy { $0.contains("is unreadable (not a NewsETL") && $0.contains(".corrupt") })
        let third = try PipelineRunner(config: config, options: .init(full: true)).run()
        #expect(third.warnings.isEmpty)
    }
}
