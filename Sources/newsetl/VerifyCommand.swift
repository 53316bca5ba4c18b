import ArgumentParser
import NewsETL

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a run's outputs: XML valid against the schema, every JSONL line parses, "
            + "CSV parses with the header's width, and the manifest's counts add up.")

    @Option(name: .long, help: "Output folder of a run.")
    var output = "output"

    @Option(name: .long, help: "XSD the XML outputs must satisfy (default: the schema built into newsetl).")
    var schema: String?

    func run() throws {
        LibXML.setDiagnosticHandler { message in ExitStatus.printToStandardError("newsetl: warning: \(message)") }
        let report = OutputVerifier(folder: output, schemaPath: schema).verify()
        for line in report.checked { print("ok: \(line)") }
        guard report.problems.isEmpty else {
            ExitStatus.report(report.problems.joined(separator: "\n"))
            throw ExitStatus.dataError
        }
        print("\(output): all outputs verified")
    }
}
