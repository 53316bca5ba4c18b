import Foundation
import Testing
@testable import NewsETL

/// Whatever bytes arrive, decode and clean end in a document or a rejection:
/// no crash, no text XML cannot carry, offsets that slice the decoded text.
@Suite struct DecodeRobustnessTests {
    private static let fragments: [[UInt8]] = [
        Array("<html><head><title>".utf8), Array("</title></head><body>".utf8), Array("<div class=\"comments\">".utf8),
        Array("<p>Storm surge floods the harbour, officials said on Tuesday.</p>".utf8), Array("<script>var x = '<p>';</script>".utf8),
        Array("</div></div></p>".utf8), Array("<!--".utf8), Array("-->".utf8), Array("<![CDATA[".utf8), Array("&amp;&#0;&#xFFFE;&bogus;".utf8),
        [0x00], [0xFF, 0xFE], [0xC3], [0xE2, 0x80], [0x93, 0x94], Array("\r\n\r\n".utf8), Array("Leave a Reply\n".utf8),
        Array("Tags: storm, harbour\n".utf8), Array(String(repeating: "word ", count: 40).utf8), Array("<meta charset=\"koi8-r\">".utf8),
        Array("<time datetime=\"2025-02-30\">".utf8), [0x1B, 0x07, 0x7F], Array("\u{2028}\u{FEFF}".utf8),
    ]

    @Test func survivesRandomlyAssembledInput() throws {
        var random = SplitMix(seed: 4242)
        let folder = TemporaryFolder()
        let decode = DecodeStage()
        let clean = CleanStage()
        let validator = try XMLSchemaValidator(schemaPath: RepositoryPaths.schema)
        var documents: [Document] = []
        for index in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...30, using: &random) {
                bytes += Self.fragments.randomElement(using: &random)!
            }
            let name = index % 2 == 0 ? "case\(index).html" : "case\(index).txt"
            folder.write(name, bytes: bytes)
            let result = decode.decode(InputFile(relativePath: name, absolutePath: folder.url(name)), maxFileBytes: 1 << 20)
            guard case .success(let document) = result else { continue }
            #expect(!document.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
            if case .keep(let cleaned) = clean.process(document) {
                let scalars = Array(document.text.unicodeScalars)
                for removed in cleaned.removed {
                    var slice = String.UnicodeScalarView()
                    slice.append(contentsOf: scalars[removed.start..<removed.end])
                    #expect(String(slice) == removed.text)
                }
                documents.append(cleaned)
            }
        }
        #expect(documents.count > 50)
        let output = TemporaryFolder()
        let session = try ExportStage().openSession(folder: output.path, datasets: ["removed"])
        for document in documents { try session.write(document) }
        try session.commit(manifest: Array("{}\n".utf8))
        #expect(validator.validate(fileAt: output.url("documents.xml")) == [])
        #expect(validator.validate(fileAt: output.url("removed.xml")) == [])
    }
}
