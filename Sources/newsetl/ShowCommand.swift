import ArgumentParser
import NewsETL

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one document of the dataset: metadata, text with entity mentions marked, removed paragraphs, its cluster.",
        discussion: "DOC_ID is a doc_id (doc-…); PATH the file's path relative to the input folder, or any path ending in it.")

    @Argument(help: "A doc_id or an input path.")
    var document: String

    @Option(name: .long, help: "The output folder of the runs.")
    var output = "output"

    @Flag(name: .long, help: "One JSON object instead of text.")
    var json = false

    func run() throws {
        do {
            let report = try DocumentReport.find(document, output: output)
            print(json ? report.json : report.text, terminator: "")
        } catch let problem as DocumentReport.Problem {
            ExitStatus.report(problem.description)
            if case .notFound = problem { throw ExitStatus.dataError }
            throw ExitStatus.noInput
        }
    }
}
