import Foundation

/// Text and metadata of an HTML page: scripts, styles and comments dropped,
/// each block element a paragraph of its own; title from `og:title` or
/// `<title>`; publication date from `article:published_time` (or a similar
/// meta tag), JSON-LD `datePublished`, `<time datetime>` or a date in the
/// page's URL path (`/2012/03/14/`), in that order of trust.
public struct HTMLTextExtractor: Sendable {
    public struct Extracted: Sendable, Equatable {
        /// One entry per block of text, whitespace collapsed, not yet normalised.
        public var paragraphs: [String]
        /// Layout of each paragraph, aligned with `paragraphs`.
        public var blocks: [TextBlock]
        public var title: String?
        public var published: String?
        /// Where `published` was found: `meta`, `json-ld`, `time` or `url`.
        public var publishedSource: String?
        public var siteName: String?
        /// `<link rel="canonical">`, else `og:url`, made absolute (`CanonicalURL`).
        public var canonicalURL: String?
        /// Credited people from meta tags, else JSON-LD (`Authors.fromMetadata`).
        public var authors: [String]
        /// The page's summary: `<meta name="description">`, else `og:` or `twitter:description`.
        public var description: String?
    }

    public init() {}

    public func extract(html: String) throws -> Extracted {
        var collector = PageCollector()
        try HTMLReader.read(UnterminatedTitle.repair(html), into: &collector)
        collector.flushParagraph()
        let metaDate = collector.metaDates.lazy.compactMap(DateParser.parseMachineDate).first
        let jsonLDDate = collector.jsonLDDates.lazy.compactMap(DateParser.parseMachineDate).first
        let timeDate = collector.timeDates.lazy.compactMap(DateParser.parseMachineDate).first
        let canonicalURL = CanonicalURL.resolve(link: nonEmpty(collector.canonicalLink), ogURL: nonEmpty(collector.ogURL))
        let urlDate = canonicalURL.flatMap(URLDate.find)
        let siteName = nonEmpty(collector.siteName)
        let domain = URLDomain.of(canonicalURL)
        let metaAuthors = Authors.fromMetadata(collector.metaAuthors.compactMap(nonEmpty), siteName: siteName, domain: domain)
        let evidence: (String, String)? = metaDate.map { ($0, "meta") } ?? jsonLDDate.map { ($0, "json-ld") }
            ?? timeDate.map { ($0, "time") } ?? urlDate.map { ($0, "url") }
        return Extracted(
            paragraphs: collector.paragraphs,
            blocks: collector.blocks,
            title: nonEmpty(collector.ogTitle) ?? nonEmpty(collector.titleText),
            published: evidence?.0,
            publishedSource: evidence?.1,
            siteName: siteName,
            canonicalURL: canonicalURL,
            authors: metaAuthors.isEmpty ? Authors.fromMetadata(collector.jsonLDAuthors.compactMap(nonEmpty), siteName: siteName, domain: domain) : metaAuthors,
            description: nonEmpty(collector.metaDescription) ?? nonEmpty(collector.socialDescription)
        )
    }

    private func nonEmpty(_ text: String?) -> String? {
        guard let text else { return nil }
        let collapsed = WhitespaceCollapser.collapse(text)
        return collapsed.isEmpty ? nil : collapsed
    }
}

/// What one read of a page collects; see `HTMLTextExtractor`.
private struct PageCollector: HTMLVisitor {
    var paragraphs: [String] = []
    var blocks: [TextBlock] = []
    var current = ""
    var currentLinkText = ""
    private var stack: [(id: Int32, tag: String, hint: LayoutHint, isBlock: Bool)] = []
    private var nextID: Int32 = 0
    private var linkDepth = 0
    /// Pages repeat the same few class names; each is read once.
    private var classHints: [String: LayoutHint] = [:]
    var titleText: String?
    var ogTitle: String?
    var siteName: String?
    var canonicalLink: String?
    var ogURL: String?
    var metaAuthors: [String] = []
    var jsonLDAuthors: [String] = []
    var metaDescription: String?
    var socialDescription: String?
    var metaDates: [String] = []
    var jsonLDDates: [String] = []
    var timeDates: [String] = []
    private var inTitle = false
    private var inJSONLD = false
    private var jsonLDText = ""

    /// What the collector knows of a tag before it reads the element's
    /// attributes, found with one look-up per element.
    private struct TagTraits {
        var isBlock = false
        var isInline = false
        var isSkipped = false
        var hint: LayoutHint = []
    }

    private static let traits: [String: TagTraits] = {
        var traits: [String: TagTraits] = [:]
        for name in blocks { traits[name, default: TagTraits()].isBlock = true }
        for name in inline { traits[name, default: TagTraits()].isInline = true }
        for name in skipped { traits[name, default: TagTraits()].isSkipped = true }
        for (name, hint) in LayoutHints.tagHints { traits[name, default: TagTraits()].hint = hint }
        return traits
    }()

    private static let skipped: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "map",
        "select", "option", "datalist",
    ]
    private static let blocks: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details", "dialog",
        "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1", "h2",
        "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol",
        "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    ]
    /// Inline formatting whose class rarely says anything about layout.
    private static let inline: Set<String> = ["a", "b", "i", "em", "strong", "br", "img", "font", "u", "small", "big", "sup", "sub", "abbr", "wbr", "html", "head", "body", "title", "meta", "link", "script", "style"]
    static let publishedMetaNames: Set<String> = [
        "article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate",
        "publish-date", "publication_date", "dc.date.issued", "dc.date", "dcterms.created", "sailthru.date",
        "parsely-pub-date", "cxenseparse:recs:publishtime", "article:published", "og:article:published_time",
        "published_time", "date_published", "pub_date", "article.published", "dcterms.issued",
    ]

    mutating func enter(_ element: HTMLElement) -> Bool {
        let name = element.name
        let traits = PageCollector.traits[name] ?? TagTraits()
        if traits.isBlock { flushParagraph() }
        let hint = traits.isInline ? [] : traits.hint.union(classHint(element))
        stack.append((nextID, name, hint, traits.isBlock))
        nextID += 1
        if name == "a" { linkDepth += 1 }
        switch name {
        case "title":
            inTitle = titleText == nil
            return true
        case "meta":
            readMeta(element)
            return false
        case "link":
            if canonicalLink == nil, element.attribute("rel")?.lowercased() == "canonical" { canonicalLink = element.attribute("href") }
            return false
        case "script":
            if element.attribute("type")?.lowercased().containsBytes("ld+json") == true {
                inJSONLD = true
                jsonLDText = ""
                return true
            }
            return false
        case "time":
            if let datetime = element.attribute("datetime") {
                if element.attribute("pubdate") != nil { timeDates.insert(datetime, at: 0) } else { timeDates.append(datetime) }
            }
            return true
        default:
            break
        }
        return !traits.isSkipped
    }

    /// What the element's `class` and `id` suggest (`LayoutHints.classHint`).
    private mutating func classHint(_ element: HTMLElement) -> LayoutHint {
        let classes = element.attribute("class")
        let id = element.attribute("id")
        let classAndID: String
        switch (classes, id) {
        case (nil, nil): return []
        case let (c?, i?): classAndID = c + " " + i
        default: classAndID = classes ?? id!
        }
        if let cached = classHints[classAndID] { return cached }
        let hint = LayoutHints.classHint(classAndID)
        classHints[classAndID] = hint
        return hint
    }

    mutating func text(_ text: String) {
        if inTitle {
            titleText = (titleText ?? "") + text
        } else if inJSONLD {
            jsonLDText += text
        } else {
            current += text
            if linkDepth > 0 { currentLinkText += text }
        }
    }

    mutating func leave(_ name: String) {
        switch name {
        case "title":
            inTitle = false
        case "script":
            if inJSONLD {
                jsonLDDates.append(contentsOf: JSONLDDates.find(in: jsonLDText))
                jsonLDAuthors.append(contentsOf: JSONLDAuthors.find(in: jsonLDText))
                inJSONLD = false
            }
        default:
            break
        }
        // The innermost open element is the one left: the reader closes them in order.
        if stack.last?.isBlock == true { flushParagraph() }
        if name == "a" { linkDepth -= 1 }
        stack.removeLast()
    }

    mutating func flushParagraph() {
        let paragraph = WhitespaceCollapser.collapse(current)
        if !paragraph.isEmpty {
            paragraphs.append(paragraph)
            let blockDepth = stack.lastIndex(where: \.isBlock) ?? 0
            blocks.append(TextBlock(
                tag: stack.isEmpty ? "body" : stack[blockDepth].tag,
                characters: paragraph.scalarCount,
                linkCharacters: currentLinkText.isEmpty ? 0 : WhitespaceCollapser.collapse(currentLinkText).scalarCount,
                ancestors: stack.map(\.id),
                ancestorHints: stack.map(\.hint),
                blockDepth: blockDepth))
        }
        current = ""
        currentLinkText = ""
    }

    private mutating func readMeta(_ element: HTMLElement) {
        guard let key = (element.attribute("property") ?? element.attribute("name") ?? element.attribute("itemprop"))?.lowercased(),
              let content = element.attribute("content") ?? element.attribute("datetime") else { return }
        switch key {
        case "og:title": if ogTitle == nil { ogTitle = content }
        case "og:site_name", "application-name": if siteName == nil { siteName = content }
        case "og:url": if ogURL == nil { ogURL = content }
        case "author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator":
            metaAuthors.append(content)
        case "description": if metaDescription == nil { metaDescription = content }
        case "og:description", "twitter:description": if socialDescription == nil { socialDescription = content }
        default:
            if PageCollector.publishedMetaNames.contains(key) { metaDates.append(content) }
        }
    }
}

/// A `<title>` without `</title>` makes libxml2 (like a browser) read the
/// rest of the page as the title, leaving no text. Real pages do this; the
/// title is closed at the end of its line instead.
enum UnterminatedTitle {
    static func repair(_ html: String) -> String {
        let bytes = Array(html.utf8)
        guard let open = find("<title", in: bytes, from: 0), find("</title", in: bytes, from: open) == nil,
              let tagEnd = bytes[open...].firstIndex(of: UInt8(ascii: ">")) else { return html }
        let end = bytes[(tagEnd + 1)...].firstIndex { $0 == 0x0A || $0 == UInt8(ascii: "<") } ?? bytes.count
        return String(decoding: bytes[..<end] + Array("</title>".utf8) + bytes[end...], as: UTF8.self)
    }

    /// First case-insensitive occurrence of an ASCII lowercase `needle`.
    private static func find(_ needle: String, in bytes: [UInt8], from start: Int) -> Int? {
        let pattern = Array(needle.utf8)
        guard bytes.count >= pattern.count else { return nil }
        var index = start
        while index <= bytes.count - pattern.count {
            if bytes[index] == pattern[0] || bytes[index] | 0x20 == pattern[0] {
                var offset = 1
                while offset < pattern.count, bytes[index + offset] | 0x20 == pattern[offset] { offset += 1 }
                if offset == pattern.count { return index }
            }
            index += 1
        }
        return nil
    }
}

/// `datePublished` values in a JSON-LD block, found by key rather than by
/// parsing, so that the malformed JSON-LD common on real pages still yields
/// its date.
enum JSONLDDates {
    private static let key = Array("\"datePublished\"".utf8)

    static func find(in text: String) -> [String] {
        let bytes = Array(text.utf8)
        var dates: [String] = []
        var searchFrom = 0
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
        while let found = firstIndex(of: key, in: bytes, from: searchFrom) {
            searchFrom = found + key.count
            var index = searchFrom
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { continue }
            index += 1
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { continue }
            let start = index + 1
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
            dates.append(String(decoding: bytes[start..<end], as: UTF8.self))
            searchFrom = start
        }
        return dates
    }

    private static func firstIndex(of pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        var index = start
        while index <= bytes.count - pattern.count {
            if bytes[index] == first, bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }
}

/// Author names in a JSON-LD block: `author` as a string, an object with
/// `name`, or a list of either, anywhere except inside comments and
/// reviews (whose authors are readers, not the report's). Malformed JSON
/// (common on real pages) yields none.
enum JSONLDAuthors {
    private static let notTheReport: Set<String> = ["comment", "review", "citation", "mentions", "about", "itemReviewed"]

    static func find(in text: String) -> [String] {
        guard text.containsBytes("\"author\""),
              let json = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else { return [] }
        var names: [String] = []
        collect(json, into: &names)
        return names
    }

    private static func collect(_ value: Any, into names: inout [String]) {
        if let list = value as? [Any] {
            for item in list { collect(item, into: &names) }
        } else if let object = value as? [String: Any] {
            for key in object.keys.sorted() where !notTheReport.contains(key) {
                if key == "author" || key == "creator" { names.append(contentsOf: authorNames(object[key]!)) } else { collect(object[key]!, into: &names) }
            }
        }
    }

    private static func authorNames(_ value: Any) -> [String] {
        if let name = value as? String { return [name] }
        if let object = value as? [String: Any] { return (object["name"] as? String).map { [$0] } ?? [] }
        if let list = value as? [Any] { return list.flatMap(authorNames) }
        return []
    }
}

/// Collapses runs of ASCII whitespace to one space and trims the ends; a
/// no-break space is content and stays.
enum WhitespaceCollapser {
    static func collapse(_ text: String) -> String {
        guard !text.isEmpty else { return "" }
        var text = text
        return text.withUTF8 { source in
            // Only ASCII bytes are dropped, so what is left is as valid as the text.
            String(unsafeUninitializedCapacity: source.count) { output in
                var count = 0
                var pendingSpace = false
                for byte in source {
                    if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                        pendingSpace = count > 0
                    } else {
                        if pendingSpace {
                            output[count] = 0x20
                            count += 1
                            pendingSpace = false
                        }
                        output[count] = byte
                        count += 1
                    }
                }
                return count
            }
        }
    }
}
