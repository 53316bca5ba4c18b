import Foundation
import ArgumentParser
import NewsETL

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the pipeline over the input folder and write datasets to the output folder.")

    @Option(name: .long, help: "Pipeline config (JSON). Paths inside it are relative to its folder.")
    var config = "pipeline.json"

    @Option(name: .long, help: "Input folder; overrides input.path in the config.")
    var input: String?

    @Option(name: .long, help: "Output folder; overrides output.path in the config.")
    var output: String?

    @Option(name: .long, help: "Worker threads (0 = one per core); overrides workers in the config.")
    var workers: Int?

    func validate() throws {
        if let workers, workers < 0 { throw ValidationError("--workers must be 0 or more") }
    }

    func run() throws {
        var pipeline: PipelineConfig
        do {
            pipeline = try PipelineConfig.load(path: config)
        } catch let error as ConfigError {
            ExitStatus.report(error.description)
            throw ExitStatus.configError
        }
        if let input { pipeline.input.path = input }
        if let output { pipeline.outputPath = output }
        if let workers { pipeline.workers = workers }
        do {
            let summary = try PipelineRunner(config: pipeline).run()
            for warning in summary.warnings { ExitStatus.printToStandardError("newsetl: warning: \(warning)") }
            let seconds = summary.finishedAt.timeIntervalSince(summary.startedAt)
            ExitStatus.printToStandardError("newsetl: \(summary.inputs) files: \(summary.kept) kept, \(summary.duplicates) duplicates, "
                  + "\(summary.rejected) rejected; \(summary.documentsWritten) documents written to "
                  + "\(pipeline.outputPath) in \(String(format: "%.2f", seconds)) s")
        } catch let error as RunError {
            ExitStatus.report(error.description)
            switch error {
            case .inputFolder: throw ExitStatus.noInput
            case .outputFolder: throw ExitStatus.cannotCreate
            case .output: throw ExitStatus.ioError
            }
        }
    }
}
