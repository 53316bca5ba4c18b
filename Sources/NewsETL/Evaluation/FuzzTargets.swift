import Foundation

/// What the fuzzers hold the parsers to (`make fuzz` runs them under
/// libFuzzer; `FuzzTargetsTests` replays the committed corpus and every
/// crash found so far). A broken promise traps, which is what libFuzzer
/// reports as a crash.
public enum FuzzTargets {
    private static let decodeStage = DecodeStage()
    private static let cleanStage = CleanStage()
    private static let entitiesStage = EntitiesStage(minSharedContext: nil)

    /// Bytes in, as a text file and as a page: a document or a rejection
    /// out. A document's text holds no control characters but newline and
    /// tab; the offsets of removed paragraphs slice the decoded text and
    /// those of entity mentions the cleaned text; a rejection says why in
    /// one line.
    public static func decode(_ bytes: [UInt8]) {
        for path in ["fuzz.txt", "fuzz.html"] {
            switch decodeStage.decode(bytes: bytes, relativePath: path) {
            case .failure(let rejection):
                precondition(!rejection.detail.contains("\n"), "rejection detail on several lines: \(rejection.detail)")
            case .success(let document):
                precondition(!document.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" },
                             "control character in decoded text")
                precondition(document.wordCount == TextNormalizer.wordCount(document.text))
                guard case .keep(let cleaned) = cleanStage.process(document) else { continue }
                let decoded = Array(document.text.unicodeScalars)
                for removed in cleaned.removed {
                    precondition(0 <= removed.start && removed.start <= removed.end && removed.end <= decoded.count)
                    precondition(String(scalars: decoded[removed.start..<removed.end]) == removed.text, "removed offsets off")
                }
                let tagged = entitiesStage.prepare(cleaned)
                let text = Array(cleaned.text.unicodeScalars)
                for entity in tagged.entities {
                    let mention = entity.mention
                    precondition(0 <= mention.start && mention.start < mention.end && mention.end <= text.count)
                    precondition(String(scalars: text[mention.start..<mention.end]) == mention.text, "mention offsets off")
                }
            }
        }
    }

    /// Bytes in as pipeline.json: a config or a list of problems out.
    public static func config(_ bytes: [UInt8]) {
        do {
            _ = try PipelineConfig.parse(bytes, configPath: "fuzz.json", baseDirectory: "/fuzz")
        } catch let error as ConfigError {
            precondition(!error.problems.isEmpty, "a config error without a problem")
        } catch {
            preconditionFailure("config loading threw \(error)")
        }
    }

    /// Runs `target` over every file named (folders: every file in them),
    /// for replaying a corpus or reproducing a crash without libFuzzer.
    public static func replay(_ paths: some Sequence<String>, through target: ([UInt8]) -> Void) {
        for path in paths {
            let files = FileSystem.isFolder(path)
                ? ((try? FileSystem.listDirectory(path)) ?? []).sorted().map { "\(path)/\($0)" }
                : [path]
            for file in files {
                guard let bytes = try? FileSystem.readRegularFile(file) else { continue }
                target(bytes)
            }
            print("\(path): \(files.count) inputs passed")
        }
    }

    #if FUZZING
    /// Hands the command line to libFuzzer's driver, which calls `testOneInput`
    /// per input (only in `make fuzz` builds, where libFuzzer is linked in).
    public static func runLibFuzzer(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                    testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32 {
        var count = argc
        var arguments = argv
        return runFuzzerDriver(&count, &arguments, testOneInput)
    }
    #endif
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(_ argc: UnsafeMutablePointer<Int32>,
                             _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                             _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32
#endif
