import Testing
@testable import NewsETL

@Suite struct ByteSearchTests {
    @Test func findsNeedlesWhereFoundationWould() {
        let cases: [(String, String, Bool)] = [
            ("twitter-tweet embed", "twitter-tweet", true), ("a twitter-twee", "twitter-tweet", false),
            ("aaab", "aab", true), ("abab", "bab", true), ("ab", "abc", false), ("", "a", false), ("abc", "", false),
            ("{\"author\": \"Anne\"}", "\"author\"", true), ("Zürich ld+json", "ld+json", true), ("Zürich", "ürich", true),
            ("Zurich", "ürich", false), ("line\nbreak", "\n", true),
        ]
        for (text, needle, expected) in cases {
            #expect(text.containsBytes(needle) == expected, "\(text) / \(needle)")
            #expect(text.contains(needle) == expected, "Foundation: \(text) / \(needle)")
            #expect(text.dropFirst(0).containsBytes(needle) == expected)
        }
    }
}
