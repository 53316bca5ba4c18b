import Testing
@testable import NewsETL

@Suite struct HTMLTextExtractorTests {
    let extractor = HTMLTextExtractor()

    @Test func makesParagraphsOfBlocksAndDropsScriptsStylesAndComments() throws {
        let page = try extractor.extract(html: """
            <html><head><title> Port  closed </title><style>p { color: red }</style></head>
            <body><script>var hidden = "script text";</script>
            <div>First <b>block</b>
            text</div><!-- an editor's note --><p>Second</p><ul><li>one</li><li>two</li></ul>line<br>break
            <noscript>Enable JavaScript</noscript></body></html>
            """)
        #expect(page.text == "First block text\n\nSecond\n\none\n\ntwo\n\nline\n\nbreak")
        #expect(page.title == "Port closed")
    }

    @Test func prefersOpenGraphTitleAndReadsSiteMetadata() throws {
        let page = try extractor.extract(html: """
            <html><head><title>Story | Site</title>
            <meta property="og:title" content="Story">
            <meta property="og:site_name" content="Valmora Gazette">
            <link rel="canonical" href="https://gazette.example/story">
            <meta property="article:published_time" content="2025-03-04T11:20:00+01:00">
            </head><body><p>Text.</p></body></html>
            """)
        #expect(page.title == "Story")
        #expect(page.siteName == "Valmora Gazette")
        #expect(page.canonicalURL == "https://gazette.example/story")
        #expect(page.published == "2025-03-04T11:20:00+01:00")
    }

    @Test func readsJSONLDAndTimeElementDates() throws {
        let jsonLD = try extractor.extract(html: """
            <html><head><script type="application/ld+json">{"@type": "NewsArticle", "datePublished" : "2025-03-04T09:05:00Z"}</script></head>
            <body><p>Text.</p></body></html>
            """)
        #expect(jsonLD.published == "2025-03-04T09:05:00Z")
        #expect(jsonLD.text == "Text.")
        let time = try extractor.extract(html: #"<p>Filed <time datetime="2025-03-05">5 March</time></p>"#)
        #expect(time.published == "2025-03-05")
        #expect(time.text == "Filed 5 March")
    }

    @Test func readsAuthorsFromMetaTagsElseJSONLDButNotFromComments() throws {
        let meta = try extractor.extract(html: """
            <html><head><meta name="author" content="By Mira Lund and Tomas Berg">
            <script type="application/ld+json">{"author": {"name": "Someone Else"}}</script></head><body><p>Text.</p></body></html>
            """)
        #expect(meta.authors == ["Mira Lund", "Tomas Berg"])
        let jsonLD = try extractor.extract(html: """
            <html><head><script type="application/ld+json">{"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Anders Holm"}],
            "comment": [{"@type": "Comment", "author": {"name": "Angry Reader"}}]}</script></head><body><p>Text.</p></body></html>
            """)
        #expect(jsonLD.authors == ["Anders Holm"])
        let malformed = try extractor.extract(html: """
            <html><head><script type="application/ld+json">{"author": {"name": "Anders Holm"</script></head><body><p>Text.</p></body></html>
            """)
        #expect(malformed.authors == [])
    }

    @Test func survivesMalformedMarkup() throws {
        let page = try extractor.extract(html: "<html><body><div><p>Unclosed <b>bold <i>italic</div><p>Next &amp; last &nbsp;<table><tr><td>cell")
        #expect(page.text == "Unclosed bold italic\n\nNext & last \u{00A0}\n\ncell")
    }

    @Test func keepsThePageAfterAnUnterminatedTitle() throws {
        let page = try extractor.extract(html: "<html><head><title>Broken title\n<script>x</script></head><body><p>Body text.</p></body></html>")
        #expect(page.title == "Broken title")
        #expect(page.text == "Body text.")
    }

    @Test func keepsTheTextOfAPageWhoseRootElementIsClosedEarly() throws {
        // Seen on a wire-copy portal: `<html ... />` closes the root, and a tree of the page holds nothing else.
        let page = try extractor.extract(html: """
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
            <html xmogo.jpg" alt="Logo" width="145" />
            <table><tr><td><p>BAGHDAD (AP) - The minister spoke on Tuesday.</p></td></tr></table>
            """)
        #expect(page.text == "BAGHDAD (AP) - The minister spoke on Tuesday.")
    }

    @Test func keepsTextAfterANulCharacter() throws {
        let page = try extractor.extract(html: "<p>before\u{0}after</p><p>more</p>")
        #expect(page.text == "before after\n\nmore")
    }

    @Test func keepsTextNestedInUnknownHeadElements() throws {
        let page = try extractor.extract(html: "<html><head><title>T</title><mbox><table><tr><td><p>Story text.</p></td></tr></table></mbox></head></html>")
        #expect(page.text == "Story text.")
    }
}

extension HTMLTextExtractor.Extracted {
    /// The paragraphs as the decode stage joins them.
    var text: String { paragraphs.joined(separator: "\n\n") }
}

@Suite struct HTMLBlockLayoutTests {
    @Test func recordsLinkShareAndLayoutHintsOfEachBlock() throws {
        let page = try HTMLTextExtractor().extract(html: """
            <html><body><div id="main-nav"><a href="/">Home</a> <a href="/news">News</a></div>
            <article class="story-body"><p>Storm surge floods the harbour, <a href="/x">officials</a> said.</p></article>
            <section class="commentList"><p>First!</p></section></body></html>
            """)
        #expect(page.paragraphs == ["Home News", "Storm surge floods the harbour, officials said.", "First!"])
        #expect(page.blocks.map(\.tag) == ["div", "p", "p"])
        #expect(page.blocks[0].linkCharacters == 8 && page.blocks[0].characters == 9)
        #expect(page.blocks[1].linkCharacters == 9)
        #expect(page.blocks[0].ancestorHints.contains { $0.contains(.navigation) })
        #expect(page.blocks[1].ancestorHints.contains { $0.contains(.content) })
        #expect(page.blocks[2].ancestorHints.contains { $0.contains(.comments) })
        #expect(page.blocks[1].ancestors.count == page.blocks[2].ancestors.count)
        #expect(page.blocks[1].ancestors.first == page.blocks[2].ancestors.first)
    }

    @Test func readsHintsFromClassAndIDWords() throws {
        #expect(LayoutHints.classHint("relatedStories") == .related)
        #expect(LayoutHints.classHint("site-header") == .chrome)
        #expect(LayoutHints.classHint("shadow download") == [])
        #expect(LayoutHints.classHint("article-body") == .content)
        let page = try HTMLTextExtractor().extract(html: #"<html><body><aside class="social-share"><p>Share this report</p></aside></body></html>"#)
        #expect(page.blocks.first?.ancestorHints.contains { $0 == [.sidebar, .social] } == true)
    }
}
