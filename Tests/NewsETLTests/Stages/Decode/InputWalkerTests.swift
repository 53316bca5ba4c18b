import Foundation
import Testing
@testable import NewsETL

@Suite struct InputWalkerTests {
    @Test func listsFilesRecursivelyInByteOrderSkippingHiddenOnes() throws {
        let folder = TemporaryFolder()
        for path in ["b.txt", "a/z.txt", "a/b.html", "A.txt", ".hidden.txt", ".git/config", "a/.cache/x.txt"] {
            folder.write(path, "text")
        }
        let files = try InputWalker(options: InputOptions(path: folder.path)).walk()
        #expect(files.map(\.relativePath) == ["A.txt", "a/b.html", "a/z.txt", "b.txt"])
        #expect(files.allSatisfy { $0.problem == nil })
    }

    @Test func appliesIncludeAndExcludePatterns() throws {
        let folder = TemporaryFolder()
        for path in ["one.txt", "two.html", "drafts/three.txt", "notes.md"] { folder.write(path, "text") }
        let options = InputOptions(path: folder.path, include: ["*.txt", "*.html"], exclude: ["drafts/*"])
        #expect(try InputWalker(options: options).walk().map(\.relativePath) == ["one.txt", "two.html"])
    }

    @Test func marksFIFOsAndOutsideSymlinksWithoutOpeningThem() throws {
        let folder = TemporaryFolder()
        let outside = TemporaryFolder()
        folder.write("inside.txt", "text")
        outside.write("secret.txt", "secret")
        #expect(mkfifo(folder.url("pipe.txt"), 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: folder.url("escape.txt"), withDestinationPath: outside.url("secret.txt"))
        try FileManager.default.createSymbolicLink(atPath: folder.url("alias.txt"), withDestinationPath: folder.url("inside.txt"))
        try FileManager.default.createSymbolicLink(atPath: folder.url("linked-folder"), withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: folder.url("dangling.txt"), withDestinationPath: folder.url("gone.txt"))
        let files = try InputWalker(options: InputOptions(path: folder.path)).walk()
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.relativePath, $0) })
        #expect(files.map(\.relativePath) == ["alias.txt", "dangling.txt", "escape.txt", "inside.txt", "linked-folder", "pipe.txt"])
        #expect(byPath["alias.txt"]?.problem == nil)
        #expect(byPath["dangling.txt"]?.problem == .unreadable)
        #expect(byPath["escape.txt"]?.problem == .outsideInput)
        #expect(byPath["linked-folder"]?.problem == .outsideInput)
        #expect(byPath["pipe.txt"]?.problem == .notRegularFile)
        #expect(byPath["pipe.txt"]?.problemDetail == "not a regular file (a FIFO)")
    }

    @Test func failsClearlyOnAMissingInputFolder() {
        #expect(throws: InputWalker.FolderError.self) {
            try InputWalker(options: InputOptions(path: "/nonexistent/input")).walk()
        }
    }

    /// Writes a file whose name is given as raw bytes (not valid UTF-8).
    private func writeRaw(_ folder: TemporaryFolder, name: [UInt8], text: String) {
        let path = Array(folder.path.utf8) + [UInt8(ascii: "/")] + name + [0]
        let descriptor = path.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        }
        #expect(descriptor >= 0)
        _ = Array(text.utf8).withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
    }

    @Test func namesThatAreNotUTF8StayDistinctAndReadable() throws {
        let folder = TemporaryFolder()
        writeRaw(folder, name: Array("caf".utf8) + [0xE9, 0x2E, 0x74, 0x78, 0x74], text: "one")  // Latin-1 "café.txt"
        writeRaw(folder, name: Array("caf".utf8) + [0xE8, 0x2E, 0x74, 0x78, 0x74], text: "two")
        writeRaw(folder, name: [0xFF, 0x25, 0x41], text: "three")  // 0xFF "%A"
        let files = try InputWalker(options: InputOptions(path: folder.path)).walk()
        #expect(files.map(\.relativePath) == ["%FF%25A", "caf%E8.txt", "caf%E9.txt"])
        let texts = try files.map { String(decoding: try FileSystem.readRegularFile(bytes: $0.systemPath), as: UTF8.self) }
        #expect(texts == ["three", "two", "one"])
        #expect(files.allSatisfy { $0.problem == nil && $0.stamp != nil })
    }

    @Test func folderSymlinksAndLoopsHaveTheirOwnReasons() throws {
        let folder = TemporaryFolder()
        folder.write("real/a.txt", "text")
        try FileManager.default.createSymbolicLink(atPath: folder.url("alias"), withDestinationPath: folder.url("real"))
        try FileManager.default.createSymbolicLink(atPath: folder.url("loop-a"), withDestinationPath: folder.url("loop-b"))
        try FileManager.default.createSymbolicLink(atPath: folder.url("loop-b"), withDestinationPath: folder.url("loop-a"))
        let files = try InputWalker(options: InputOptions(path: folder.path)).walk()
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.relativePath, $0) })
        #expect(files.map(\.relativePath) == ["alias", "loop-a", "loop-b", "real/a.txt"])
        #expect(byPath["alias"]?.problem == .symlinkToFolder)
        #expect(byPath["loop-a"]?.problem == .symlinkLoop)
        #expect(byPath["loop-b"]?.problem == .symlinkLoop)
    }

    @Test func pathsLongerThanPathMaxAreListedAndReadOneByOne() throws {
        let folder = TemporaryFolder()
        let segment = String(repeating: "d", count: 200)
        var relative = ""
        for _ in 0..<25 { relative += segment + "/" }  // ~5,000 bytes, beyond PATH_MAX
        // FileManager and mkdir cannot reach that deep at once: create it one level at a time.
        var descriptor = open(folder.path, O_RDONLY | O_DIRECTORY)
        for _ in 0..<25 {
            #expect(mkdirat(descriptor, segment, 0o755) == 0)
            let next = openat(descriptor, segment, O_RDONLY | O_DIRECTORY)
            close(descriptor)
            descriptor = next
        }
        for name in ["one.txt", "two.txt"] {
            let file = openat(descriptor, name, O_WRONLY | O_CREAT, 0o644)
            _ = Array(name.utf8).withUnsafeBytes { Glibc.write(file, $0.baseAddress, $0.count) }
            close(file)
        }
        close(descriptor)
        let files = try InputWalker(options: InputOptions(path: folder.path)).walk()
        #expect(files.map(\.relativePath) == [relative + "one.txt", relative + "two.txt"])
        #expect(files.allSatisfy { $0.problem == nil })
        #expect(try files.map { String(decoding: try FileSystem.readRegularFile(bytes: $0.systemPath), as: UTF8.self) } == ["one.txt", "two.txt"])
        #expect(try FileSystem.linkStatus(bytes: files[0].systemPath).kind == .regular)
        // Clean up as it was made, one level at a time.
        var levels = [open(folder.path, O_RDONLY | O_DIRECTORY)]
        for _ in 0..<25 { levels.append(openat(levels.last!, segment, O_RDONLY | O_DIRECTORY)) }
        for name in ["one.txt", "two.txt"] { unlinkat(levels.last!, name, 0) }
        while levels.count > 1 {
            close(levels.removeLast())
            unlinkat(levels.last!, segment, AT_REMOVEDIR)
        }
        close(levels[0])
    }

    @Test func skipsExcludedFoldersAndReportsThem() throws {
        let folder = TemporaryFolder()
        folder.write("news/a.txt", "text")
        folder.write("out/documents.csv", "doc_id")
        let real = try FileSystem.realPath(folder.path)
        let listing = try InputWalker(options: InputOptions(path: folder.path), excludedFolders: [real + "/out"]).list()
        #expect(listing.files.map(\.relativePath) == ["news/a.txt"])
        #expect(listing.skippedFolders == ["out"])
    }
}
