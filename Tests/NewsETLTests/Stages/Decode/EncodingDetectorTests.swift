import Testing
@testable import NewsETL

@Suite struct EncodingDetectorTests {
    let detector = EncodingDetector()

    private func decode(_ bytes: [UInt8], html: Bool = false) -> EncodingDetector.Decoded? {
        try? detector.decode(bytes, looksLikeHTML: html).get()
    }

    @Test func readsValidUTF8() {
        let decoded = decode(Array("Søren’s café".utf8))
        #expect(decoded == .init(text: "Søren’s café", encoding: "utf-8"))
    }

    @Test func stripsAUTF8ByteOrderMark() {
        #expect(decode([0xEF, 0xBB, 0xBF] + Array("News".utf8)) == .init(text: "News", encoding: "utf-8"))
    }

    @Test func readsUTF16WithEitherByteOrderMark() {
        let text = "Radio – “bulletin” 🌊"
        let little = Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big = Array(text.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(decode([0xFF, 0xFE] + little) == .init(text: text, encoding: "utf-16le"))
        #expect(decode([0xFE, 0xFF] + big) == .init(text: text, encoding: "utf-16be"))
    }

    @Test func recognisesUTF16WithoutAByteOrderMark() {
        let text = "Storm surge floods the harbour district of Valmora."
        let little = Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(decode(little) == .init(text: text, encoding: "utf-16le"))
    }

    @Test func rejectsBrokenUTF16() {
        let oddLength: [UInt8] = [0xFF, 0xFE, 0x41, 0x00, 0x42]
        #expect(detector.decode(oddLength, looksLikeHTML: false) == .failure(.undecodable("UTF-16 text with an odd number of bytes")))
        let loneSurrogate: [UInt8] = [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x41, 0x00]
        #expect(detector.decode(loneSurrogate, looksLikeHTML: false) == .failure(.undecodable("invalid UTF-16 (unpaired surrogate)")))
    }

    @Test func fallsBackToWindows1252ForSmartQuotes() {
        // “Hello” – it’s €5 in Windows-1252.
        let bytes: [UInt8] = [0x93, 0x48, 0x65, 0x6C, 0x6C, 0x6F, 0x94, 0x20, 0x96, 0x20, 0x69, 0x74, 0x92, 0x73, 0x20, 0x80, 0x35]
        #expect(decode(bytes) == .init(text: "“Hello” – it’s €5", encoding: "windows-1252"))
    }

    @Test func trustsValidUTF8OverALatin1Declaration() {
        let page = #"<html><head><meta charset="iso-8859-1"></head><body>Søren’s café</body></html>"#
        #expect(decode(Array(page.utf8), html: true)?.encoding == "utf-8")
    }

    @Test func followsADeclaredLegacyCharsetThroughIconv() {
        // "Пресса" in KOI8-R, declared by the page.
        let head = Array(#"<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head><body>"#.utf8)
        let body: [UInt8] = [0xF0, 0xD2, 0xC5, 0xD3, 0xD3, 0xC1]
        let decoded = decode(head + body + Array("</body></html>".utf8), html: true)
        #expect(decoded?.encoding == "koi8-r")
        #expect(decoded?.text.contains("Пресса") == true)
    }

    @Test func treatsALatin1DeclarationAsWindows1252() {
        let page = Array(#"<html><head><meta charset="ISO-8859-1"></head><body>caf"#.utf8) + [0xE9, 0x20, 0x93, 0x6F, 0x6B, 0x94]
        #expect(decode(page, html: true) == .init(text: #"<html><head><meta charset="ISO-8859-1"></head><body>café “ok”"#, encoding: "windows-1252"))
    }

    @Test func rejectsBinaryData() {
        var state: UInt32 = 7
        let noise = (0..<4096).map { _ -> UInt8 in
            state = state &* 1_103_515_245 &+ 12345
            return UInt8(truncatingIfNeeded: state >> 16)
        }
        guard case .failure(.binary(let detail)) = detector.decode(noise, looksLikeHTML: false) else {
            Issue.record("random bytes were not rejected as binary")
            return
        }
        #expect(detail.hasSuffix("% control bytes"))
        #expect(detector.decode([0x25, 0x50, 0x44, 0x46, 0x2D, 0x31] + Array("text".utf8), looksLikeHTML: false)
                == .failure(.binary("PDF data")))
    }

    @Test func toleratesAStrayControlByteInText() {
        let text = Array(String(repeating: "A normal sentence of a news report. ", count: 20).utf8) + [0x00]
        #expect(decode(text)?.encoding == "utf-8")
    }
}
