import Foundation
import Testing
@testable import NewsETL

/// Nightly use: a growing input folder processed again and again into one
/// output folder. Inputs are copies of the sample reports in input/.
@Suite struct IncrementalRunTests {
    static func config(input: String, output: String, workers: Int = 2, extra: String = "",
                       formats: [String] = ["csv", "jsonl", "xml"]) throws -> PipelineConfig {
        let formatList = formats.map { "\"\($0)\"" }.joined(separator: ", ")
        var config = try PipelineConfig.testing("""
            {\(extra)"stages": [{"name": "decode"}, {"name": "clean"}, {"name": "dedupe"}, {"name": "entities"},
                               {"name": "export", "options": {"formats": [\(formatList)]}}]}
            """)
        config.input.path = input
        config.outputPath = output
        config.workers = workers
        return config
    }

    /// A copy of input/ without the folders named in `holdingBack`, which go to a second folder.
    static func sampleCopy(holdingBack: [String] = []) throws -> (input: TemporaryFolder, held: TemporaryFolder) {
        let input = TemporaryFolder(), held = TemporaryFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.sampleInput) {
            let target = holdingBack.contains(name) ? held.url(name) : input.url(name)
            try FileManager.default.copyItem(atPath: "\(RepositoryPaths.sampleInput)/\(name)", toPath: target)
        }
        return (input, held)
    }

    /// Every file under `folder` with its bytes and modification time.
    static func snapshot(_ folder: String) throws -> [String: (Data, Date)] {
        var files: [String: (Data, Date)] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)!
        while let relative = enumerator.nextObject() as? String {
            let path = "\(folder)/\(relative)"
            guard !FileSystem.isFolder(path) else { continue }
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let target = FileSystem.symlinkTarget(path) {
                files[relative] = (Data("-> \(target)".utf8), attributes[.modificationDate] as! Date)
            } else {
                files[relative] = (FileManager.default.contents(atPath: path)!, attributes[.modificationDate] as! Date)
            }
        }
        return files
    }

    private func rows(_ folder: TemporaryFolder, _ file: String) -> [String] {
        folder.read(file).split(separator: "\n").map(String.init)
    }

    @Test func aRunWithNothingNewChangesNothing() throws {
        let (input, _) = try Self.sampleCopy()
        let output = TemporaryFolder()
        let config = try Self.config(input: input.path, output: output.path)
        _ = try PipelineRunner(config: config).run()
        let before = try Self.snapshot(output.path)
        let again = try PipelineRunner(config: config).run()
        #expect(again.runID.isEmpty)
        #expect(again.changes.unchanged == 18 && again.changes.new == 0 && again.inputs == 0)
        let after = try Self.snapshot(output.path)
        #expect(before.keys.sorted() == after.keys.sorted())
        for (path, (bytes, modified)) in before where path != ".lock" {
            #expect(after[path]?.0 == bytes, "\(path) changed")
            #expect(after[path]?.1 == modified, "\(path) was rewritten")
        }
    }

    @Test func processesOnlyNewFilesAndMatchesCopiesToEarlierRuns() throws {
        let (input, held) = try Self.sampleCopy(holdingBack: ["wire", "web"])
        let output = TemporaryFolder()
        let config = try Self.config(input: input.path, output: output.path)
        let first = try PipelineRunner(config: config).run()
        #expect(first.inputs == 13)
        for name in ["wire", "web"] { try FileManager.default.moveItem(atPath: held.url(name), toPath: input.url(name)) }
        let second = try PipelineRunner(config: config).run()
        #expect(second.changes.new == 5 && second.changes.unchanged == 13)
        #expect(second.inputs == 5)
        #expect(second.files.allSatisfy { $0.path.hasPrefix("wire/") || $0.path.hasPrefix("web/") })
        // The wire story is a copy of a report the first run kept.
        let runCopies = rows(output, "runs/\(second.runID)/duplicates.jsonl")
        #expect(runCopies.count == 1)
        #expect(runCopies.first?.contains("\"source_path\":\"wire/valmora-flood-wire.txt\"") == true)
        #expect(runCopies.first?.contains("\"\(first.runID)\"") == true)
        // The output folder holds the whole dataset; runs/ holds each run's rows.
        #expect(rows(output, "documents.jsonl").count == 16)
        #expect(rows(output, "runs/\(first.runID)/documents.jsonl").count == 11)
        #expect(rows(output, "runs/\(second.runID)/documents.jsonl").count == 5)
        #expect(rows(output, "duplicates.jsonl").count == 3)
        let report = OutputVerifier(folder: output.path, schemaPath: RepositoryPaths.schema).verify()
        #expect(report.problems == [])
        let runReport = OutputVerifier(folder: output.url("runs/\(second.runID)"), schemaPath: RepositoryPaths.schema).verify()
        #expect(runReport.problems == [])
    }

    @Test func replacesChangedFilesAndDropsDeletedOnes() throws {
        let (input, _) = try Self.sampleCopy()
        let output = TemporaryFolder()
        let config = try Self.config(input: input.path, output: output.path)
        _ = try PipelineRunner(config: config).run()
        let changed = input.url("opinion/editorial-valmora.txt")
        let text = try String(contentsOfFile: changed, encoding: .utf8)
        try (text + "\nA late correction: the harbour wall was raised in 1987, not 1978.\n").write(toFile: changed, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: input.url("briefs"))
        let second = try PipelineRunner(config: config).run()
        #expect(second.changes.changed == 1)
        #expect(!second.changes.deleted.isEmpty && second.changes.deleted.allSatisfy { $0.hasPrefix("briefs/") })
        #expect(second.inputs == 1)
        let documents = output.read("documents.csv")
        #expect(documents.contains("raised in 1987, not 1978"))
        #expect(!documents.contains("\"briefs/"))
        let manifest = output.read("manifest.json")
        #expect(!manifest.contains("{\"path\":\"briefs/"))
        #expect(manifest.contains("\"scope\": \"cumulative\""))
        #expect(OutputVerifier(folder: output.path, schemaPath: RepositoryPaths.schema).verify().problems == [])
    }

    @Test func aChangedConfigOrFullProcessesEverythingAndSaysWhy() throws {
        let (input, _) = try Self.sampleCopy()
        let output = TemporaryFolder()
        _ = try PipelineRunner(config: Self.config(input: input.path, output: output.path)).run()
        let changedConfig = try Self.config(input: input.path, output: output.path, extra: #""fail_on_reject": false, "#)
        let second = try PipelineRunner(config: changedConfig).run()
        #expect(second.inputs == 18)
        #expect(second.changes.fullReason?.hasPrefix("the config changed") == true)
        let third = try PipelineRunner(config: changedConfig, options: .init(full: true)).run()
        #expect(third.inputs == 18 && third.changes.fullReason == "--full was given" && third.changes.unchanged == 18)
        #expect(rows(output, "documents.jsonl").count == 16)
    }

    @Test func anUnreadableLedgerMeansAFullRunWithAWarning() throws {
        let (input, _) = try Self.sampleCopy()
        let output = TemporaryFolder()
        let config = try Self.config(input: input.path, output: output.path)
        _ = try PipelineRunner(config: config).run()
        output.write(".state/inputs.bin", "NEWSETL-INPUTS-1\nnot what was written, and no checksum either")
        let second = try PipelineRunner(config: config).run()
        #expect(second.inputs == 18)
        #expect(second.warnings.contains { $0.contains("input ledger") && $0.contains("processing every file again") })
    }

    @Test func refusesToRunWhileAnotherRunHoldsTheFolder() throws {
        let (input, _) = try Self.sampleCopy()
        let output = TemporaryFolder()
        let lock = try RunLock(folder: output.path)
        #expect {
            try PipelineRunner(config: Self.config(input: input.path, output: output.path)).run()
        } throws: { error in
            guard case RunError.locked(let message) = error else { return false }
            return message.contains("in use by another newsetl run (pid \(getpid()))")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == [".lock"])
        withExtendedLifetime(lock) {}
    }

    @Test func takesOverTheLockOfARunThatDied() throws {
        let (input, _) = try Self.sampleCopy()
        let output = TemporaryFolder()
        output.write(".lock", "2147483000\n")
        let summary = try PipelineRunner(config: Self.config(input: input.path, output: output.path)).run()
        #expect(summary.inputs == 18)
        #expect(summary.warnings.contains("took over the lock of run pid 2147483000, which ended without releasing it"))
        #expect(output.read(".lock").isEmpty)
    }

    @Test func givesTheSameCumulativeOutputsAtAnyWorkerCount() throws {
        let (input, held) = try Self.sampleCopy(holdingBack: ["syndicated"])
        let outputs = [TemporaryFolder(), TemporaryFolder()]
        for (output, workers) in zip(outputs, [1, 4]) {
            _ = try PipelineRunner(config: Self.config(input: input.path, output: output.path, workers: workers)).run()
        }
        try FileManager.default.moveItem(atPath: held.url("syndicated"), toPath: input.url("syndicated"))
        for (output, workers) in zip(outputs, [1, 4]) {
            _ = try PipelineRunner(config: Self.config(input: input.path, output: output.path, workers: workers)).run()
        }
        let runID = try Regex(#"run-\d{8}T\d{6}Z(-\d+)?"#)
        for name in ["documents.csv", "duplicates.jsonl", "entities.xml", "entity_summary.csv", "removed.jsonl", "rejects.xml"] {
            let first = outputs[0].read(name).replacing(runID, with: "run")
            let second = outputs[1].read(name).replacing(runID, with: "run")
            #expect(first == second, "\(name) differs")
        }
    }

    @Test func remembersLearnedSourceBoilerplateAcrossRuns() throws {
        let input = TemporaryFolder(), output = TemporaryFolder()
        let chrome = "Harbour Daily, independent since 1921"
        func report(_ day: Int) -> String {
            "Report \(day) on the harbour works\n\nThe harbour authority said on day \(day) that the works on the northern quay "
                + "would continue through the week, with \(day * 12) workers on site and the ferry moved to the southern berth.\n\n\(chrome)\n"
        }
        for day in 1...4 { input.write("harbour-daily/day-\(day).txt", report(day)) }
        let config = try Self.config(input: input.path, output: output.path)
        _ = try PipelineRunner(config: config).run()
        #expect(output.read("removed.jsonl").split(separator: "\n").filter { $0.contains(chrome) }.count == 4)
        input.write("harbour-daily/day-5.txt", report(5))
        let second = try PipelineRunner(config: config).run()
        #expect(second.inputs == 1)
        let removed = output.read("runs/\(second.runID)/removed.jsonl")
        #expect(removed.contains(chrome) && removed.contains("\"rule\":\"learned:source\""))
    }

    @Test func joinsANameVariantToAPersonOfAnEarlierRun() throws {
        let input = TemporaryFolder(), output = TemporaryFolder()
        let talks = "Kremlin spokesman Dmitry Peskov and Deputy Foreign Minister Sergei Ryabkov met NATO envoys in Geneva on Monday."
        input.write("monday/a.txt", "US ambassador to NATO Julianne Smith spoke to reporters after the talks. \(talks)\n")
        input.write("monday/b.txt", "Julianne Smith said the alliance was united and ready to talk. \(talks)\n")
        let config = try Self.config(input: input.path, output: output.path)
        _ = try PipelineRunner(config: config).run()
        input.write("tuesday/c.txt", "Ambassador Julian Smith told CNN on Tuesday that the talks had been frank. \(talks)\n")
        let second = try PipelineRunner(config: config).run()
        #expect(second.inputs == 1)
        let julian = rows(output, "runs/\(second.runID)/entities.jsonl").first { $0.contains("\"mention\":\"Julian Smith\"") }
        #expect(julian?.contains("\"canonical\":\"Julianne Smith\"") == true)
        #expect(julian?.contains("\"entity_id\":\"\(EntityLinker.entityID(.person, "Julianne Smith"))\"") == true)
        let smiths = rows(output, "entity_summary.jsonl").filter { $0.contains("Smith") && $0.contains("\"type\":\"PER\"") }
        #expect(smiths.count == 1)
        #expect(smiths.first?.contains("\"documents\":3") == true)
    }

    @Test func removesDatasetFilesANewConfigNoLongerMakes() throws {
        let (input, _) = try Self.sampleCopy()
        let output = TemporaryFolder()
        _ = try PipelineRunner(config: Self.config(input: input.path, output: output.path)).run()
        #expect(FileManager.default.fileExists(atPath: output.url("documents.xml")))
        var jsonOnly = try PipelineConfig.testing("""
            {"stages": [{"name": "decode"}, {"name": "clean"}, {"name": "dedupe"}, {"name": "export", "options": {"formats": ["jsonl"]}}]}
            """)
        jsonOnly.input.path = input.path
        jsonOnly.outputPath = output.path
        let second = try PipelineRunner(config: jsonOnly).run()
        #expect(second.changes.fullReason?.hasPrefix("the config changed") == true)
        let files = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(files == ["current", "datasets", "datasets.json", "documents.jsonl", "duplicates.jsonl", "manifest.json", "rejects.jsonl", "removed.jsonl",
                          "report.html", "runs"])
        let current = try FileManager.default.contentsOfDirectory(atPath: output.url("current")).sorted()
        #expect(current == ["datasets.json", "documents.jsonl", "duplicates.jsonl", "manifest.json", "rejects.jsonl", "removed.jsonl", "report.html"])
        #expect(OutputVerifier(folder: output.path, schemaPath: RepositoryPaths.schema).verify().problems == [])
    }

    /// Types per canonical name in a dataset's entities.
    private static func typesByName(_ output: TemporaryFolder) -> [String: Set<String>] {
        var types: [String: Set<String>] = [:]
        for line in output.read("entities.jsonl").split(separator: "\n") {
            let row = try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            guard let type = row["type"] as? String, ["PER", "ORG", "LOC", "MISC"].contains(type) else { continue }
            types[row["canonical"] as! String, default: []].insert(type)
        }
        return types
    }

    @Test func rowsOfEarlierNightsTakeTheTypeTheGrownCorpusVotesFor() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.sampleInput).filter { $0 != "opinion" }
        let (input, held) = try Self.sampleCopy(holdingBack: folders)
        let output = TemporaryFolder()
        let config = try Self.config(input: input.path, output: output.path)
        _ = try PipelineRunner(config: config).run()
        for name in folders { try FileManager.default.moveItem(atPath: held.url(name), toPath: input.url(name)) }
        _ = try PipelineRunner(config: config).run()
        let nightly = Self.typesByName(output)
        #expect(nightly.values.allSatisfy { $0.count == 1 }, "\(nightly.filter { $0.value.count > 1 })")
        let once = TemporaryFolder()
        _ = try PipelineRunner(config: try Self.config(input: input.path, output: once.path)).run()
        #expect(nightly == Self.typesByName(once))
    }

    /// A night copies the rows of unchanged records from the previous
    /// dataset and updates its database; without the index of where those
    /// rows lie (removed, damaged) or with a dataset file edited since, it
    /// encodes everything again. All four write the same dataset.
    @Test func aNightThatCopiesRowsWritesWhatEncodingEverythingWrites() throws {
        let (input, held) = try Self.sampleCopy(holdingBack: ["syndicated", "web"])
        let outputs = (0..<5).map { _ in TemporaryFolder() }
        let formats = ["csv", "jsonl", "xml", "sqlite"]
        for output in outputs {
            _ = try PipelineRunner(config: Self.config(input: input.path, output: output.path, formats: formats)).run()
        }
        for name in ["syndicated", "web"] { try FileManager.default.moveItem(atPath: held.url(name), toPath: input.url(name)) }
        _ = input.write("coastal-herald/2025-03-04-valmora-flood.txt",
                        input.read("coastal-herald/2025-03-04-valmora-flood.txt") + "\nThe harbour reopened on Friday.\n")
        try FileManager.default.removeItem(atPath: input.url("opinion/editorial-valmora.txt"))
        let index = ".state/\(RowSpanIndex.fileName)"
        try FileManager.default.removeItem(atPath: outputs[1].url(index))
        _ = outputs[2].write(index, "damaged")
        _ = outputs[3].write("current/documents.csv", outputs[3].read("current/documents.csv") + "\"edited\"\r\n")
        // As an earlier release left it: another layout is no damage, only not used.
        let current = "NEWSETL-ROW-SPANS-\(RowSpanIndex.format.version)\n"
        _ = outputs[4].write(index, outputs[4].read(index).replacingOccurrences(of: current, with: "NEWSETL-ROW-SPANS-1\n"))
        for (number, output) in outputs.enumerated() {
            let summary = try PipelineRunner(config: Self.config(input: input.path, output: output.path, formats: formats)).run()
            #expect(summary.changes.new == 7 && summary.changes.changed == 1 && summary.changes.deleted.count == 1)
            #expect(summary.warnings.contains { $0.contains("row index") && $0.contains("encoding every record again") } == (number == 2))
        }
        let runID = try Regex(#"run-\d{8}T\d{6}Z(-\d+)?"#)
        #expect(!FileManager.default.fileExists(atPath: outputs[4].url(index + ".corrupt")))
        for output in [outputs[0], outputs[2], outputs[3], outputs[4]] {
            for name in Datasets.names {
                for format in ["csv", "jsonl", "xml"] {
                    #expect(output.read("\(name).\(format)").replacing(runID, with: "run")
                            == outputs[1].read("\(name).\(format)").replacing(runID, with: "run"), "\(name).\(format)")
                }
            }
            #expect(try RowSpansTests.tables(output) == RowSpansTests.tables(outputs[1]))
        }
    }
}
