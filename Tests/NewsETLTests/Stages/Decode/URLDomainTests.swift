import Testing
@testable import NewsETL

@Suite struct URLDomainTests {
    @Test(arguments: [
        ("https://www.Example.co.uk/news/2012/03/14/story.html", "example.co.uk"),
        ("http://news.bbc.co.uk/1/hi/world/123.stm", "news.bbc.co.uk"),
        ("//www.washingtonpost.com/world?x=1", "washingtonpost.com"),
        ("https://user@blog.example.org:8080/p", "blog.example.org"),
        ("HTTPS://WWW.NYTIMES.COM", "nytimes.com"),
    ])
    func isTheHostWithoutWWW(url: String, domain: String) {
        #expect(URLDomain.of(url) == domain)
    }

    @Test(arguments: ["", "/relative/path.html", "not a url", "http://localhost/x", "mailto:desk@example.com"])
    func isEmptyWithoutAHost(url: String) {
        #expect(URLDomain.of(url) == nil)
    }
}
