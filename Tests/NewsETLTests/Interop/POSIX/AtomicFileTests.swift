import Foundation
import Testing
@testable import NewsETL

@Suite struct AtomicFileTests {
    /// Over a megabyte, so the bytes pass through more than one flush.
    private static let bytes = (0..<1_300_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }

    @Test(arguments: [true, false])
    func holdsWhatWasWrittenOnceRenamed(durable: Bool) throws {
        let folder = TemporaryFolder()
        let file = try AtomicFile(path: "\(folder.path)/data.bin", durable: durable)
        try file.write(AtomicFileTests.bytes.prefix(1000))
        try file.write(AtomicFileTests.bytes.dropFirst(1000))
        try file.close()
        #expect(!FileSystem.exists(file.finalPath))
        try AtomicFile.rename(from: file.temporaryPath, to: file.finalPath)
        #expect(try Data(contentsOf: URL(fileURLWithPath: file.finalPath)) == Data(AtomicFileTests.bytes))
        #expect(file.byteCount == AtomicFileTests.bytes.count)
    }

    /// The digest kept while writing is the digest of the file as read back.
    @Test func aDigestedFileKnowsTheSHA256OfItsBytes() throws {
        let folder = TemporaryFolder()
        let file = try AtomicFile(path: "\(folder.path)/data.bin", digested: true)
        try file.write(AtomicFileTests.bytes)
        try file.close()
        var hasher = SHA256()
        hasher.update([UInt8](try Data(contentsOf: URL(fileURLWithPath: file.temporaryPath))))
        #expect(file.sha256 == hasher.finalizeHex())
    }

    @Test func aFileNotDigestedHasNoDigest() throws {
        let folder = TemporaryFolder()
        let file = try AtomicFile(path: "\(folder.path)/state.bin")
        try file.write(AtomicFileTests.bytes)
        try file.close()
        #expect(file.sha256 == nil)
    }
}
