/// Reads `LayoutHint`s from an element's tag, `class` and `id`, the way a
/// person guesses a page's layout from its markup. Class and id are split
/// into words (`story-body__inner` → story, body, inner) and matched whole or
/// by prefix, so that `header` is not mistaken for `ad`.
enum LayoutHints {
    /// What the words of an element's `class` and `id` (joined by a space) suggest.
    static func classHint(_ classAndID: String) -> LayoutHint {
        var hint: LayoutHint = []
        // An embedded post quotes what someone said — part of the report,
        // although its class names the network ("twitter-tweet").
        if embeddedPostClasses.contains(where: classAndID.containsBytes) { return hint }
        var word: [UInt8] = []
        func finishWord() {
            if !word.isEmpty {
                hint.formUnion(wordHint(word))
                word.removeAll(keepingCapacity: true)
            }
        }
        for byte in classAndID.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                // camelCase starts a new word: "relatedStories" → related, stories.
                if let last = word.last, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(last) { finishWord() }
                word.append(byte | 0x20)
            default: finishWord()
            }
        }
        finishWord()
        return hint
    }

    private static let embeddedPostClasses = ["twitter-tweet", "instagram-media", "tiktok-embed", "fb-post", "bluesky-embed", "mastodon-embed", "reddit-embed"]

    /// What a tag alone suggests.
    static let tagHints: [String: LayoutHint] = [
        "article": .content, "main": .content,
        "nav": .navigation, "menu": .navigation,
        "aside": .sidebar,
        "header": .chrome, "footer": .chrome,
        "form": .form, "button": .form, "input": .form, "textarea": .form, "label": .form,
        "figcaption": .figure,
    ]

    private static let exactWords: [String: LayoutHint] = [
        "ad": .promotion, "ads": .promotion, "advert": .promotion, "adv": .promotion, "banner": .promotion,
        "tags": .related, "tag": .related, "keywords": .related, "topics": .related,
        "rss": .social, "print": .social, "email": .social, "mail": .social, "facebook": .social, "twitter": .social,
        "login": .form, "signin": .form, "search": .form, "searchbox": .form,
        "popular": .related, "mostread": .related, "trending": .related, "more": .related,
        "toolbar": .navigation, "masthead": .chrome, "top": .chrome, "bottom": .chrome,
        "caption": .figure, "credit": .figure, "credits": .figure, "photo": .figure, "wp": [],
        "article": .content, "story": .content, "content": .content, "entry": .content, "post": .content,
        "body": .content, "text": .content, "main": .content, "blog": .content,
    ]

    private static let prefixes: [(String, LayoutHint)] = [
        ("comment", .comments), ("disqus", .comments), ("respond", .comments), ("reply", .comments), ("discussion", .comments),
        ("related", .related), ("recommend", .related), ("outbrain", .related), ("taboola", .related), ("teaser", .related),
        ("share", .social), ("sharing", .social), ("social", .social), ("follow", .social), ("bookmark", .social),
        ("sidebar", .sidebar), ("widget", .sidebar), ("rail", .sidebar), ("aside", .sidebar),
        ("nav", .navigation), ("menu", .navigation), ("breadcrumb", .navigation), ("pagination", .navigation), ("pager", .navigation),
        ("footer", .chrome), ("header", .chrome), ("copyright", .chrome), ("legal", .chrome), ("disclaimer", .chrome),
        ("promo", .promotion), ("sponsor", .promotion), ("advert", .promotion), ("newsletter", .promotion),
        ("subscri", .promotion), ("signup", .promotion), ("cookie", .promotion), ("consent", .promotion), ("donat", .promotion),
    ]

    /// `prefixes` as bytes, grouped by their first letter (`a` to `z`), in
    /// their order: a word is held only against those that can match it.
    private static let prefixesByLetter: [[(prefix: [UInt8], hint: LayoutHint)]] = {
        var groups = [[(prefix: [UInt8], hint: LayoutHint)]](repeating: [], count: 26)
        for (prefix, hint) in prefixes { groups[Int(prefix.utf8.first! - UInt8(ascii: "a"))].append((Array(prefix.utf8), hint)) }
        return groups
    }()

    /// The hint of one lowercase word of letters and digits.
    private static func wordHint(_ word: [UInt8]) -> LayoutHint {
        if let hint = exactWords[String(decoding: word, as: UTF8.self)] { return hint }
        guard let first = word.first, first >= UInt8(ascii: "a") else { return [] }
        for (prefix, hint) in prefixesByLetter[Int(first - UInt8(ascii: "a"))] where word.starts(with: prefix) { return hint }
        return []
    }
}
