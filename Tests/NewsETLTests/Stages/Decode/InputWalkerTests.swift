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
}
