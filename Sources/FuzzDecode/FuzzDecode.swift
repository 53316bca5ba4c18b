import NewsETL

/// libFuzzer calls this per input (`make fuzz` builds the target with
/// `-sanitize=fuzzer,address -D FUZZING`).
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzTargets.decode(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

#if FUZZING
/// The name SwiftPM links an executable's entry point under.
@_cdecl("FuzzDecode_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzTargets.runLibFuzzer(argc, argv, testOneInput: testOneInput)
}
#else
/// Built normally: replays the files or folders given (a corpus, a crash).
@main enum Replay {
    static func main() { FuzzTargets.replay(CommandLine.arguments.dropFirst(), through: FuzzTargets.decode) }
}
#endif
