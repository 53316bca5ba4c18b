import Foundation
import Testing
@testable import NewsETL

@Suite struct FileSystemTests {
    @Test func namesThatAreValidUTF8StayAsTheyAreOthersAreEscapedLosslessly() {
        #expect(FileSystem.displayName(Array("café 100%.txt".utf8)) == "café 100%.txt")
        #expect(FileSystem.displayName([0x63, 0x61, 0x66, 0xE9]) == "caf%E9")
        #expect(FileSystem.displayName([0xFF, 0x25, 0x41]) == "%FF%25A")
        #expect(FileSystem.displayName([0xE9, 0x25]) != FileSystem.displayName([0xE9, 0x25, 0x32, 0x35]))
    }

    @Test func readsNoMoreThanTheLimitAndOneByte() throws {
        let folder = TemporaryFolder()
        let path = folder.write("ten.txt", "0123456789")
        #expect(try FileSystem.readRegularFile(bytes: Array(path.utf8), limit: 4) == Array("01234".utf8))
        #expect(try FileSystem.readRegularFile(bytes: Array(path.utf8), limit: 10) == Array("0123456789".utf8))
        #expect(try FileSystem.readRegularFile(bytes: Array(path.utf8)) == Array("0123456789".utf8))
    }

    @Test func readsAFileOfAnySizeWhole() throws {
        let folder = TemporaryFolder()
        for size in [0, 1, 4095, 4096, 4097, 100_003] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            let path = folder.write("file-\(size)", bytes: bytes)
            #expect(try FileSystem.readRegularFile(path) == bytes)
            #expect(try FileSystem.readRegularFile(bytes: Array(path.utf8), limit: 4096) == Array(bytes.prefix(4097)))
        }
    }

    @Test func symlinksAreReadNotFollowed() throws {
        let folder = TemporaryFolder()
        try FileSystem.makeSymlink(at: folder.url("current"), to: "datasets/run-1")
        #expect(FileSystem.symlinkTarget(folder.url("current")) == "datasets/run-1")
        #expect(FileSystem.symlinkTarget(folder.path) == nil)
    }
}
