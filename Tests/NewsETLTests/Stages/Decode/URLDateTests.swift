import Testing
@testable import NewsETL

@Suite struct URLDateTests {
    @Test(arguments: [
        ("http://www.abc.net.au/news/stories/2008/01/01/2129914.htm?section=sport", "2008-01-01"),
        ("https://example.com/2012/3/14/storm-hits-coast/", "2012-03-14"),
        ("http://news.xinhuanet.com/english/2007-11/24/content_7138034.htm", "2007-11-24"),
        ("https://site.example/world/2019-06-02/election-result", "2019-06-02"),
        ("https://site.example/archive/20120314/story.html", "2012-03-14"),
    ])
    func findsTheDateInAnArticlePath(url: String, date: String) {
        #expect(URLDate.find(in: url) == date)
    }

    @Test(arguments: [
        "http://www.un.org/apps/news/story.asp?NewsID=25318&Cr=kosovo&Cr1=",
        "http://www.belfasttelegraph.co.uk/breaking-news/sport/soccer/article3322353.ece",
        "https://example.com/2012/13/40/not-a-date",
        "https://example.com/page?date=2012/03/14",
        "https://example.com/products/1234/56/78",
    ])
    func findsNothingElsewhere(url: String) {
        #expect(URLDate.find(in: url) == nil)
    }

    @Test func boundsADateByTheFileTimeAndBy1900() {
        let march2025 = 1_741_132_800 * 1_000_000_000  // 2025-03-05
        #expect(URLDate.isPlausible("2025-03-05", modifiedNanoseconds: march2025))
        #expect(URLDate.isPlausible("2025-03-06T01:00", modifiedNanoseconds: march2025))
        #expect(!URLDate.isPlausible("2025-09-01", modifiedNanoseconds: march2025))
        #expect(!URLDate.isPlausible("1899-12-31", modifiedNanoseconds: nil))
        #expect(URLDate.isPlausible("2031-01-01", modifiedNanoseconds: nil))
    }

    @Test func aPageWithoutMetadataTakesTheDateOfItsURL() throws {
        let html = """
            <html><head><title>Storm</title><link rel="canonical" href="https://gazette.example/news/2012/03/14/storm"></head>
            <body><p>The storm hit the coast on Tuesday and the port closed.</p></body></html>
            """
        guard case .success(let document) = DecodeStage().decode(bytes: Array(html.utf8), relativePath: "a.html") else {
            Issue.record("not decoded")
            return
        }
        #expect(document.published == "2012-03-14")
    }

    @Test func aPageKeepsItsDescription() throws {
        let page = try HTMLTextExtractor().extract(html: """
            <html><head><meta property="og:description" content="Social summary">
            <meta name="description" content="  The storm closed the port.  "></head><body><p>Text.</p></body></html>
            """)
        #expect(page.description == "The storm closed the port.")
        let social = try HTMLTextExtractor().extract(html: #"<html><head><meta name="twitter:description" content="Tweet"></head><body><p>x</p></body></html>"#)
        #expect(social.description == "Tweet")
    }
}
