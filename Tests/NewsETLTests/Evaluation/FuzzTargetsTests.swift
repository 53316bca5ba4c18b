import Foundation
import Testing
@testable import NewsETL

/// The fuzzers' seed corpus and every crash they found (Tests/Fuzz/<target>/),
/// replayed through the same checks `make fuzz` runs under libFuzzer.
@Suite struct FuzzTargetsTests {
    private static func inputs(_ target: String) throws -> [String] {
        let folder = RepositoryPaths.root + "/Tests/Fuzz/" + target
        return try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { folder + "/" + $0 }
    }

    @Test func theDecodeCorpusPasses() throws {
        let files = try Self.inputs("decode")
        #expect(files.count >= 8)
        for file in files { FuzzTargets.decode(Array(FileManager.default.contents(atPath: file)!)) }
    }

    @Test func theConfigCorpusPasses() throws {
        let files = try Self.inputs("config")
        #expect(files.count >= 4)
        for file in files { FuzzTargets.config(Array(FileManager.default.contents(atPath: file)!)) }
    }
}
