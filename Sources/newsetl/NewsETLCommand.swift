import ArgumentParser
import NewsETL

@main
struct NewsETLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsetl",
        abstract: "Turns a folder of raw news reports into datasets analysts can trust.",
        discussion: """
            Exit codes: 0 success (also when nothing was new); 64 bad command line; \
            65 output failed verification, or inputs were rejected with fail_on_reject set; \
            66 input folder missing; 73 output folder cannot be created or written; \
            69 merge found shards missing, failed or mismatched; 74 writing outputs failed; 75 another run holds the output folder; 78 invalid config.
            """,
        version: NewsETLVersion.current,
        subcommands: [RunCommand.self, MergeCommand.self, StatusCommand.self, InitCommand.self, ValidateCommand.self, VerifyCommand.self, ShowCommand.self, EvalCommand.self, TrainNERCommand.self, TrainCleanCommand.self],
        defaultSubcommand: RunCommand.self
    )
}
