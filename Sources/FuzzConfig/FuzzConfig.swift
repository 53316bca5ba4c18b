import NewsETL

/// libFuzzer's entry point: `make fuzz` builds this target with
/// `-sanitize=fuzzer,address -D FUZZING`.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzTargets.config(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzer(_ argc: UnsafeMutablePointer<Int32>,
                       _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                       _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// SwiftPM links an executable's entry point under this name: hand the
/// command line to libFuzzer's driver.
@_cdecl("FuzzConfig_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runFuzzer(&count, &arguments, testOneInput)
}
#else
/// Built normally: replays the files or folders given (a corpus, a crash).
@main enum Replay {
    static func main() {
        FuzzTargets.replay(CommandLine.arguments.dropFirst(), through: FuzzTargets.config)
    }
}
#endif
