import ArgumentParser
import NewsETL

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a pipeline config without reading any input; lists every problem.")

    @Option(name: .long, help: "Pipeline config (JSON).")
    var config = "pipeline.json"

    func run() throws {
        do {
            let pipeline = try PipelineConfig.load(path: config)
            let stages = pipeline.stages.map { $0.enabled ? $0.name : "\($0.name) (disabled)" }
            print("\(config): valid; stages: \(stages.joined(separator: ", "))")
        } catch let error as ConfigError {
            ExitStatus.report(error.description)
            throw ExitStatus.configError
        }
    }
}
