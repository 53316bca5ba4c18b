import Testing
@testable import NewsETL

@Suite struct ScratchFileTests {
    @Test func readsBackWhatWasAppendedAndHasNoName() throws {
        let folder = TemporaryFolder()
        let file = try ScratchFile(folder: folder.path)
        try [UInt8](repeating: 7, count: 5).withUnsafeBytes { try file.append($0) }
        try Array("scratch".utf8).withUnsafeBytes { try file.append($0) }
        #expect(file.size == 12)
        var read = [UInt8](repeating: 0, count: 7)
        try read.withUnsafeMutableBytes { try file.read(at: 5, into: $0) }
        #expect(String(decoding: read, as: UTF8.self) == "scratch")
        #expect(try FileSystem.listDirectory(folder.path).isEmpty)
    }

    @Test func namesTheFolderItCannotUse() {
        #expect(throws: SystemError.self) { try ScratchFile(folder: "/nonexistent/folder") }
    }
}
