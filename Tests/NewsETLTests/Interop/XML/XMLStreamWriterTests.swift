import Foundation
import Testing
@testable import NewsETL

@Suite struct XMLStreamWriterTests {
    @Test func dropsCharactersXMLForbids() {
        #expect(XMLStreamWriter.sanitize("a\u{1}b\u{8}c\td\ne\u{FFFE}f\u{FFFF}g") == "abc\td\nefg")
    }

    /// Property: the byte scan finds a forbidden character exactly when the
    /// scalars hold one (U+FFFD, U+FFFE and U+FFFF share their first two bytes).
    @Test func theByteScanFindsWhatTheScalarsHold() {
        var generator = SplitMix(seed: 10)
        let alphabet: [Unicode.Scalar] = ["a", "\t", "\n", "\r", "\u{1}", "\u{1F}", " ", "\u{7F}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{EFBF}", "\u{BFBE}", "é"]
        for _ in 0..<5_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...6, using: &generator) { scalars.append(alphabet.randomElement(using: &generator)!) }
            let text = String(scalars)
            let expected = text.unicodeScalars.contains { [0xFFFE, 0xFFFF].contains($0.value) || ($0.value < 0x20 && ![0x09, 0x0A, 0x0D].contains($0.value)) }
            #expect(XMLStreamWriter.holdsForbidden(text) == expected, "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test func writesXMLThatLibxml2ReadsBack() throws {
        let folder = TemporaryFolder()
        let path = folder.url("out.xml")
        let file = try AtomicFile(path: path)
        let writer = try XMLStreamWriter(file: file)
        try writer.startElement("rejects")
        try writer.startElement("reject")
        try writer.element("path", text: "a <b> & \"c\" \u{1}")
        try writer.element("reason", text: "binary")
        try writer.element("detail", text: "control \u{0}bytes ]]> end")
        try writer.endElement()
        try writer.endElement()
        try writer.finish()
        try file.close()
        try AtomicFile.rename(from: file.temporaryPath, to: path)
        let text = folder.read("out.xml")
        #expect(text.contains("<path>a &lt;b&gt; &amp; &quot;c&quot; </path>"))
        #expect(text.contains("<detail>control bytes ]]&gt; end</detail>"))
        let validator = try XMLSchemaValidator(schemaPath: RepositoryPaths.schema)
        #expect(validator.validate(fileAt: path) == [])
    }

    @Test func reportsSchemaViolationsWithTheirLine() throws {
        let folder = TemporaryFolder()
        folder.write("bad.xml", "<?xml version=\"1.0\"?>\n<rejects>\n  <reject><path>x</path><reason>bored</reason><detail/></reject>\n</rejects>\n")
        let problems = try XMLSchemaValidator(schemaPath: RepositoryPaths.schema).validate(fileAt: folder.url("bad.xml"))
        #expect(problems.count == 1)
        #expect(problems.first?.contains(":3:") == true)
        #expect(problems.first?.contains("bored") == true)
    }
}
