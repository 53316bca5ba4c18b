/// Every problem found in a pipeline config, each naming its JSON path.
///
/// Loading reports all problems at once so a user fixes the file in one pass.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public var configPath: String
    /// One line each, `stages[3].options.threshold: expected …`.
    public var problems: [String]

    public init(configPath: String, problems: [String]) {
        self.configPath = configPath
        self.problems = problems
    }

    public var description: String {
        problems.map { "\(configPath): \($0)" }.joined(separator: "\n")
    }
}

/// Collects config problems while the option readers walk the JSON tree.
public final class ConfigProblems {
    public private(set) var messages: [String] = []

    public init() {}

    public func add(_ path: String, _ message: String) {
        messages.append(path.isEmpty ? message : "\(path): \(message)")
    }
}
