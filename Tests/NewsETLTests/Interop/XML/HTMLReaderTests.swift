import Testing
@testable import NewsETL

/// The reader hands a visitor what a walk of libxml2's tree of the page
/// would show, element by element and text by text, without the tree.
@Suite struct HTMLReaderTests {
    /// Writes every event as one line: `<name attr=value>`, `"text"`, `</name>`.
    private struct Recorder: HTMLVisitor {
        var events: [String] = []
        var attributeNames: [StaticString] = ["class", "id", "href", "content", "pubdate"]
        var skipping: Set<String> = ["script"]

        mutating func enter(_ element: HTMLElement) -> Bool {
            let attributes = attributeNames.compactMap { name in element.attribute(name).map { " \(name)=\($0)" } }.joined()
            events.append("<\(element.name)\(attributes)>")
            return !skipping.contains(element.name)
        }

        mutating func text(_ text: String) {
            if case let last? = events.last, last.hasPrefix("\"") {
                events[events.count - 1] = String(last.dropLast()) + text + "\""
            } else {
                events.append("\"\(text)\"")
            }
        }

        mutating func leave(_ name: String) { events.append("</\(name)>") }
    }

    private func read(_ html: String) throws -> [String] {
        var recorder = Recorder()
        try HTMLReader.read(html, into: &recorder)
        return recorder.events
    }

    @Test func impliedElementsAreOpenedAndEveryElementIsClosed() throws {
        #expect(try read("<p class=lead>One<br>two<p>three") == [
            "<html>", "<body>", "<p class=lead>", "\"One\"", "<br>", "</br>", "\"two\"", "</p>",
            "<p>", "\"three\"", "</p>", "</body>", "</html>",
        ])
    }

    @Test func aSkippedElementIsLeftWithoutItsContent() throws {
        #expect(try read("<body><script>var a = '<p>x</p>';</script><p>kept</p></body>") == [
            "<html>", "<body>", "<script>", "</script>", "<p>", "\"kept\"", "</p>", "</body>", "</html>",
        ])
    }

    @Test func attributesAreReadWithEntitiesResolvedAndAnEmptyValueWhenWrittenWithoutOne() throws {
        let events = try read(#"<body><time pubdate>t</time><a href="/a?b=1&amp;c=2" id='x' class=>l</a></body>"#)
        #expect(events.contains("<time pubdate=>"))
        #expect(events.contains("<a class= id=x href=/a?b=1&c=2>"))
    }

    @Test func namesLoseTheirNamespacePrefixAsTheTreesNodesDo() throws {
        let events = try read("<body><a0:ul><a0:li x:class=menu>About</a0:li></a0:ul><p :odd>odd</p></body>")
        #expect(events.contains("<ul>") && events.contains("<li class=menu>") && events.contains("</li>"))
    }

    @Test func textIsWholeAcrossTheParsersBuffersAndCharacterBoundaries() throws {
        // libxml2 hands text on in pieces of about a thousand bytes.
        let long = String(repeating: "é€a", count: 900)
        #expect(try read("<body><p>\(long)</p></body>") == ["<html>", "<body>", "<p>", "\"\(long)\"", "</p>", "</body>", "</html>"])
    }

    @Test func blanksOutsideEveryElementAreNotPartOfThePageButTextThereIs() throws {
        #expect(try read("\n \n<!DOCTYPE html>\n<html><body><p>in</p></body></html>").first == "<html>")
        // Text before any element opens the elements it implies, as a browser's page would.
        #expect(try read("before<p>in</p>").prefix(4) == ["<html>", "<body>", "<p>", "\"before\""])
    }

    @Test func whatFollowsARootClosedEarlyIsRead() throws {
        // A tree keeps this page's text out of reach: the second root is not its root.
        let events = try read(#"<!DOCTYPE html><html lang="en" /><p>The article's text.</p>"#)
        #expect(events.contains("\"The article's text.\""))
    }

    @Test func aPageNestedDeeperThanTheTreesLimitEndsThereWithEveryElementClosed() throws {
        let events = try read(String(repeating: "<div>x", count: 400))
        let opened = events.count { $0 == "<div>" }
        #expect(opened == 255)  // html and body take two of the 257 open elements
        #expect(events.count { $0 == "</div>" } == opened)
        #expect(events.last == "</html>")
    }

    @Test func nulCharactersDoNotEndThePage() throws {
        #expect(try read("<body><p>a\u{0}b</p></body>").contains("\"a b\""))
        let many = try read("\u{0}<body><p>a\u{0}\u{0}b</p><p>c\u{0}</p></body>\u{0}")
        #expect(many.contains("\"a  b\""))
        #expect(many.contains("\"c \""))
    }
}
