import ArgumentParser
import Foundation
import NewsETL

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter pipeline.json: the built-in defaults, ready to edit.")

    static let defaultPath = "pipeline.json"

    @Option(name: .long, help: "Where to write it.")
    var config = InitCommand.defaultPath

    @Flag(name: .long, help: "Replace an existing file.")
    var force = false

    func run() throws {
        if FileManager.default.fileExists(atPath: config), !force {
            ExitStatus.report("\(config) exists; keep it, or replace it with --force")
            throw ExitStatus.cannotCreate
        }
        do {
            let file = try AtomicFile(path: config)
            try file.write(StarterConfig.text)
            try file.close()
            try AtomicFile.rename(from: file.temporaryPath, to: file.finalPath)
        } catch {
            ExitStatus.report("cannot write \(config): \(error)")
            throw ExitStatus.cannotCreate
        }
        print("wrote \(config); check a change with: newsetl validate --config \(config)")
    }
}
