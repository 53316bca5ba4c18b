import Testing
@testable import NewsETL

/// Outcomes hold digests and ids as their value: whatever the text, it
/// must come back exactly as given.
@Suite struct HexTextTests {
    @Test(arguments: [
        String(repeating: "0", count: 64), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "doc-0000000000000000", "doc-ffffffffffffffff", "doc-00a1b2c3d4e5f607",
        // Anything else is kept as text.
        "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", "doc-00A1B2C3D4E5F607", "doc-00a1b2c3d4e5f60",
        "doc-00a1b2c3d4e5f6071", "dox-00a1b2c3d4e5f607", "", "doc-", "abc", String(repeating: "g", count: 64),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85", "doc-00a1b2c3d4e5f6é",
    ])
    func textComesBackAsGiven(_ text: String) {
        #expect(HexText(text).text == text)
    }

    @Test func equalTextsAreEqualValues() {
        let digest = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        #expect(HexText(digest) == HexText(digest))
        #expect(HexText(digest) != HexText(digest.uppercased()))
        #expect(FileOutcome(path: "a", sha256: digest, kind: .kept, docID: "doc-00a1b2c3d4e5f607")
                == FileOutcome(path: "a", sha256: digest, kind: .kept, docID: "doc-00a1b2c3d4e5f607"))
        #expect(FileOutcome(path: "a", sha256: digest, kind: .kept).docID == nil)
    }
}
