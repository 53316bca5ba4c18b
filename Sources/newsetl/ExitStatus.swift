import ArgumentParser
import Foundation

/// sysexits(3)-style exit codes, documented in the README.
enum ExitStatus {
    static let dataError = ExitCode(65)
    static let noInput = ExitCode(66)
    static let cannotCreate = ExitCode(73)
    /// EX_UNAVAILABLE: a merge found shards missing, failed or made for another run.
    static let shardsIncomplete = ExitCode(69)
    static let ioError = ExitCode(74)
    /// EX_TEMPFAIL: another run holds the output folder; try again later.
    static let locked = ExitCode(75)
    static let configError = ExitCode(78)

    /// Prints `newsetl: error: …`, one line per problem, to stderr.
    static func report(_ message: String) {
        for line in message.split(separator: "\n") {
            printToStandardError("newsetl: error: \(line)")
        }
    }

    static func printToStandardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
