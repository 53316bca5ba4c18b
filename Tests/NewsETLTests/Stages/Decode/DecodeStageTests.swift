import Foundation
import Testing
@testable import NewsETL

@Suite struct DecodeStageTests {
    let stage = DecodeStage()

    private func decode(_ folder: TemporaryFolder, _ name: String, maxFileBytes: Int = 1_000_000) -> Result<Document, Rejection> {
        stage.decode(InputFile(relativePath: name, absolutePath: folder.url(name)), maxFileBytes: maxFileBytes)
    }

    @Test func decodesAPlainTextReportWithMetadata() throws {
        let folder = TemporaryFolder()
        folder.write("desk/report.txt", "Port to reopen Thursday\r\n\r\nMarch 5, 2025\r\n\r\nThe port of Valmora will reopen.\r\n")
        let document = try decode(folder, "desk/report.txt").get()
        #expect(document.text == "Port to reopen Thursday\n\nMarch 5, 2025\n\nThe port of Valmora will reopen.")
        #expect(document.title == "Port to reopen Thursday")
        #expect(document.published == "2025-03-05")
        #expect(document.source == "desk")
        #expect(document.format == .text)
        #expect(document.encoding == "utf-8")
        #expect(document.wordCount == 13)
        #expect(document.byteCount == 78)
        #expect(document.docID == DecodeStage.docID(forRelativePath: "desk/report.txt"))
        #expect(document.sha256 == SHA256.hex(Array(FileManager.default.contents(atPath: folder.url("desk/report.txt"))!)))
    }

    @Test func prefersTheBylineDateUnderTheHeadlineToTheMastheadDate() throws {
        let page = """
            <html><head><title>Port reopens | Valmora Gazette</title></head><body>
            <div class="masthead">Tue 15 Jan 2008 | 10:17 EST</div>
            <h1>Port reopens after the storm</h1>
            <p class="byline">By Mira Lund | January 3, 2008</p>
            <p>The port of Valmora reopened on Thursday after three days.</p></body></html>
            """
        guard case .success(let document) = DecodeStage().decode(bytes: Array(page.utf8), relativePath: "a.html") else {
            Issue.record("rejected")
            return
        }
        #expect(document.published == "2008-01-03")
        #expect(document.publishedSource == "byline")
        #expect(document.authors == ["Mira Lund"])
        #expect(document.language == "en")
    }

    @Test func derivesTheDocumentIDFromThePathOnly() {
        #expect(DecodeStage.docID(forRelativePath: "a/b.txt") == DecodeStage.docID(forRelativePath: "a/b.txt"))
        #expect(DecodeStage.docID(forRelativePath: "a/b.txt") != DecodeStage.docID(forRelativePath: "a/c.txt"))
        #expect(DecodeStage.docID(forRelativePath: "a/b.txt").count == 20)
    }

    @Test func decodesHTMLBySniffingEvenWithoutAnExtension() throws {
        let folder = TemporaryFolder()
        folder.write("page", "<!DOCTYPE html><html><head><title>T</title><meta property=\"og:url\" content=\"https://www.example.org/x\"></head><body><p>Hello there.</p></body></html>")
        let document = try decode(folder, "page").get()
        #expect(document.format == .html)
        #expect(document.text == "Hello there.")
        #expect(document.source == "example.org")
    }

    @Test func rejectsEachKindOfBadFileWithAReason() {
        let folder = TemporaryFolder()
        folder.write("empty.txt", "")
        folder.write("blank.txt", " \n\t\n")
        folder.write("big.txt", String(repeating: "x", count: 200))
        folder.write("binary.txt", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
        folder.write("empty.html", "<html><body><script>only()</script></body></html>")
        func reason(_ name: String, limit: Int = 100) -> Rejection.Reason? {
            if case .failure(let rejection) = decode(folder, name, maxFileBytes: limit) { return rejection.reason }
            return nil
        }
        #expect(reason("empty.txt") == .empty)
        #expect(reason("blank.txt") == .noText)
        #expect(reason("big.txt") == .tooLarge)
        #expect(reason("binary.txt") == .binary)
        #expect(reason("empty.html") == .noText)
        #expect(reason("missing.txt") == .unreadable)
    }

    @Test func passesOnProblemsFoundByTheWalk() {
        let file = InputFile(relativePath: "fifo", systemPath: Array("/nonexistent".utf8), problem: .notRegularFile, problemDetail: "a FIFO")
        #expect(stage.decode(file, maxFileBytes: 10) == .failure(Rejection(path: "fifo", reason: .notRegularFile, detail: "a FIFO")))
    }

    @Test func readsItsOptions() {
        let (reader, problems) = options(#"{"html_extensions": [".page"], "max_control_ratio": 0.5, "min_words": 3}"#)
        let configured = DecodeStage(options: reader)
        reader.finish()
        #expect(problems.messages.isEmpty)
        #expect(configured.htmlExtensions == [".page"])
        #expect(configured.detector.maxControlRatio == 0.5)
        #expect(configured.minWords == 3)
    }
}
