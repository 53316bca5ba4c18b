import Testing
@testable import NewsETL

@Suite struct ContentRegionTests {
    static let page = """
        <!DOCTYPE html><html><head><title>Harbour reopens</title></head><body>
        <div id="cookie-consent">We use cookies to give you the best experience. <a href="/ok">OK</a></div>
        <header class="masthead"><a href="/">The Harbour Weekly</a> <a href="/news">News</a> <a href="/sport">Sport</a></header>
        <div class="layout">
          <div class="main-column">
            <h1>Harbour reopens after the storm</h1>
            <div class="article-body">
              <p>The port of Valmora reopened on Thursday morning, two days after a storm surge flooded the harbour district and closed the terminal.</p>
              <p>Divers found no structural damage to the main quay, the coast guard said, and the first container ship berthed shortly after nine.</p>
              <h2>What comes next</h2>
              <p>The council will decide on Friday how to spend the emergency fund, with the sea wall and the shops on Quay Street competing for money.</p>
              <div class="share-tools"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
            </div>
            <section id="comments">
              <h3>2 Comments</h3>
              <div class="comment"><p>Good to see the port open again so quickly after such a terrible storm, well done to the crews.</p></div>
              <div class="comment"><p>The sea wall should have been finished years ago and everyone in the old town knows it very well.</p></div>
            </section>
          </div>
          <aside class="sidebar">
            <h3>Related stories</h3>
            <ul><li><a href="/a">Fishermen fear a lost season after the harbour storm</a></li>
                <li><a href="/b">Sea wall plan returns to the council agenda next month</a></li></ul>
          </aside>
        </div>
        <footer>© 2024 The Harbour Weekly · <a href="/privacy">Privacy</a></footer>
        </body></html>
        """

    @Test func keepsTheArticleAndDropsCommentsSidebarCookieBannerAndChrome() throws {
        let folder = TemporaryFolder()
        folder.write("page.html", ContentRegionTests.page)
        let decoded = try DecodeStage().decode(InputFile(relativePath: "page.html", absolutePath: folder.url("page.html")), maxFileBytes: 1 << 20).get()
        guard case .keep(let cleaned) = CleanStage().process(decoded) else {
            Issue.record("rejected")
            return
        }
        #expect(cleaned.text == """
            The port of Valmora reopened on Thursday morning, two days after a storm surge flooded the harbour district and closed the terminal.

            Divers found no structural damage to the main quay, the coast guard said, and the first container ship berthed shortly after nine.

            What comes next

            The council will decide on Friday how to spend the emergency fund, with the sea wall and the shops on Quay Street competing for money.
            """)
        let rules = Dictionary(cleaned.removed.map { ($0.text, $0.rule) }, uniquingKeysWith: { first, _ in first })
        #expect(rules["We use cookies to give you the best experience. OK"] == "layout:outside-article")
        #expect(rules["Share Tweet Email"] == "layout:share")
        #expect(rules["Good to see the port open again so quickly after such a terrible storm, well done to the crews."] == "layout:outside-article")
        #expect(rules["Fishermen fear a lost season after the harbour storm"] == "layout:outside-article")
        #expect(cleaned.blocks == nil)
    }

    @Test func fallsBackToTextRulesWhenLayoutFindsNoRunningText() throws {
        let folder = TemporaryFolder()
        folder.write("short.html", "<html><body><div>Port reopens</div><div>Leave a Reply</div></body></html>")
        let decoded = try DecodeStage().decode(InputFile(relativePath: "short.html", absolutePath: folder.url("short.html")), maxFileBytes: 1 << 20).get()
        guard case .keep(let cleaned) = CleanStage().process(decoded) else {
            Issue.record("rejected")
            return
        }
        #expect(cleaned.text == "Port reopens")
    }
}
