import Foundation
import Testing
@testable import NewsETL

/// A fresh folder under /tmp, removed when the value is released.
final class TemporaryFolder: @unchecked Sendable {
    let path: String

    init() {
        var template = Array("/tmp/newsetl-test-XXXXXX".utf8CString)
        path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func url(_ relative: String) -> String { "\(path)/\(relative)" }

    @discardableResult
    func write(_ relative: String, _ text: String) -> String { write(relative, bytes: Array(text.utf8)) }

    @discardableResult
    func write(_ relative: String, bytes: [UInt8]) -> String {
        let full = url(relative)
        let folder = (full as NSString).deletingLastPathComponent
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        precondition(FileManager.default.createFile(atPath: full, contents: Data(bytes)), "cannot write \(full)")
        return full
    }

    func read(_ relative: String) -> String {
        String(decoding: FileManager.default.contents(atPath: url(relative)) ?? Data(), as: UTF8.self)
    }
}

enum RepositoryPaths {
    /// The package root, found from this file's location.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var schema: String { root + "/schema/newsetl.xsd" }
    static var sampleInput: String { root + "/input" }
    static var golden: String { root + "/Tests/NewsETLTests/Golden" }
    static var fixtures: String { root + "/Tests/Fixtures" }

    /// `../shared/seeds` beside the checkout, when present.
    static var seeds: String? {
        let path = root + "/../shared/seeds"
        return FileManager.default.fileExists(atPath: path + "/GOLD.json") ? path : nil
    }
}

extension PipelineConfig {
    /// A config from JSON text, for tests.
    static func testing(_ json: String, baseDirectory: String = "") throws -> PipelineConfig {
        try PipelineConfig.parse(Array(json.utf8), configPath: "test.json", baseDirectory: baseDirectory)
    }

    static let standardJSON = """
        {"stages": [{"name": "decode"}, {"name": "clean"}, {"name": "dedupe"}, {"name": "entities"}, {"name": "export"}]}
        """
}

/// A reader over a literal JSON object, for building stages in tests.
func options(_ json: String = "{}") -> (OptionReader, ConfigProblems) {
    let value = try! JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
    let problems = ConfigProblems()
    return (OptionReader(value: value, path: "options", problems: problems), problems)
}

/// Compares `produced` with the checked-in file at `path`, the way
/// swift-argument-parser's snapshot tests do: a missing or different file
/// is rewritten with what was produced and the test fails, so that a person
/// looks at the difference (`git diff`) before committing it; the next run
/// passes.
func expectSnapshot(_ produced: String, at path: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let recorded = try? String(contentsOfFile: path, encoding: .utf8)
    guard recorded != produced else { return }
    try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try? produced.write(toFile: path, atomically: true, encoding: .utf8)
    let relative = path.hasPrefix(RepositoryPaths.root + "/") ? String(path.dropFirst(RepositoryPaths.root.count + 1)) : path
    Issue.record(Comment(rawValue: "\(relative) \(recorded == nil ? "was missing" : "changed") and was re-recorded; review it with git diff, then run again"),
                 sourceLocation: sourceLocation)
}

/// Runs documents through a corpus stage as the runner does — summarise
/// each, see the corpus, resolve each — and returns the kept documents.
func keptByCorpusStage<Stage: CorpusStage>(
    _ stage: Stage, _ documents: [Document],
    context: CorpusContext = CorpusContext(outputFolder: "/nonexistent", runID: "run-test")
) throws -> [Document] {
    let collector = stage.makeCollector(context: context)
    for (ordinal, document) in documents.enumerated() { collector.observe(stage.summarize(document), of: document, ordinal: ordinal) }
    let resolver = try collector.finish()
    return documents.enumerated().compactMap { ordinal, document in
        if case .keep(let kept) = resolver.resolve(document, ordinal: ordinal) { return kept }
        return nil
    }
}
