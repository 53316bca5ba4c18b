import Testing
@testable import NewsETL

@Suite struct CanonicalURLTests {
    @Test func prefersTheCanonicalLinkAndDropsTheFragment() {
        #expect(CanonicalURL.resolve(link: "https://example.org/a#comments", ogURL: "https://example.org/b") == "https://example.org/a")
        #expect(CanonicalURL.resolve(link: nil, ogURL: "https://example.org/b") == "https://example.org/b")
    }

    @Test func resolvesRelativeAndProtocolRelativeLinks() {
        #expect(CanonicalURL.resolve(link: "/news/2025/03/04/storm", ogURL: "https://www.example.org/x")
                == "https://www.example.org/news/2025/03/04/storm")
        #expect(CanonicalURL.resolve(link: "//example.org/a", ogURL: nil) == "https://example.org/a")
        #expect(CanonicalURL.resolve(link: "story.html", ogURL: "https://example.org/news/") == "https://example.org/news/story.html")
    }

    @Test func isNothingRatherThanAGuess() {
        #expect(CanonicalURL.resolve(link: "/news/storm", ogURL: nil) == nil)
        #expect(CanonicalURL.resolve(link: "https://example.org/a b", ogURL: nil) == nil)
        #expect(CanonicalURL.resolve(link: "javascript:void(0)", ogURL: "not a url") == nil)
    }
}
