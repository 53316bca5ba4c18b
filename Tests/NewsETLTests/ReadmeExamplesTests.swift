import Foundation
import Testing
@testable import NewsETL

/// The README's "For analysts" examples, run as written against the sample
/// input: every `sh` block with bash, every `python` block with python3
/// (blocks whose first line says `needs` another package are shown, not run).
@Suite struct ReadmeExamplesTests {
    struct Block: CustomStringConvertible {
        var language: String
        var code: String
        var description: String { "\(language): \(code.prefix(60))" }
    }

    static let blocks: [Block] = {
        guard let readme = try? String(contentsOfFile: RepositoryPaths.root + "/README.md", encoding: .utf8),
              let start = readme.range(of: "\n## For analysts\n") else { return [] }
        let rest = readme[start.upperBound...]
        let section = rest.range(of: "\n## ").map { rest[..<$0.lowerBound] } ?? rest
        var blocks: [Block] = []
        var current: Block?
        for line in section.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if let block = current {
                    blocks.append(block)
                    current = nil
                } else {
                    current = Block(language: String(line.dropFirst(3)), code: "")
                }
            } else if current != nil {
                current!.code += line + "\n"
            }
        }
        return blocks
    }()

    static func run(_ block: Block, in folder: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = block.language == "sh" ? ["bash", "-euo", "pipefail", "-c", block.code] : ["python3", "-c", block.code]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func theSectionHasRunnableSQLiteAndPythonExamples() {
        let runnable = Self.blocks.filter { ["sh", "python"].contains($0.language) && !$0.code.hasPrefix("# needs") }
        #expect(runnable.contains { $0.language == "sh" && $0.code.contains("sqlite3 ") })
        #expect(runnable.contains { $0.language == "python" && $0.code.contains("import sqlite3") && $0.code.contains("import csv") })
    }

    @Test func everyExampleRunsOnTheSampleOutput() throws {
        let folder = TemporaryFolder()
        var config = try PipelineConfig.testing(PipelineConfig.standardJSON)
        config.input.path = RepositoryPaths.sampleInput
        config.outputPath = folder.url("output")
        _ = try PipelineRunner(config: config).run()
        var outputs = ""
        for block in Self.blocks where ["sh", "python"].contains(block.language) && !block.code.hasPrefix("# needs") {
            let (status, output) = try Self.run(block, in: folder.path)
            #expect(status == 0, "\(block)\n\(output)")
            #expect(!output.isEmpty, "\(block) printed nothing")
            outputs += output
        }
        // What the sample input holds, as the examples print it.
        #expect(outputs.contains("Ilse Brandvik"))
        #expect(outputs.contains("[ferry]") || outputs.contains("[Ferries]"))
        #expect(outputs.contains("canonical"))
        #expect(outputs.contains("2025-03-04 8"))
        #expect(outputs.contains("16 documents; the longest has"))
    }
}
