/// The boilerplate rules NewsETL ships with, one list per category. Every
/// phrase is written here from what news pages commonly show; extend them
/// with `clean.options.rules`, switch any off with `clean.options.disable_rules`.
public enum DefaultRules {
    public static let all: [LineRule] = comments + related + tags + share + newsletter + donation
        + byline + cookie + navigation + copyright + language

    static let comments: [LineRule] = [
        LineRule(name: "header", category: "comments", match: .exact, phrases: [
            "leave a comment", "leave a reply", "post a comment", "add a comment", "add comment", "write a comment",
            "comments", "comment", "reader comments", "user comments", "readers' comments", "show comments",
            "view comments", "no comments", "no comments yet", "join the discussion", "join the conversation",
            "have your say", "your comments", "discussion", "responses", "what do you think",
        ], maxWords: 6, endsArticle: true),
        LineRule(name: "count", category: "comments", match: .regex, phrases: [
            #"^\(?\d+\)? (comments?|responses?|replies|reactions?)( so far)?$"#, #"^comments? \(\d+\)$"#,
            #"^\d+ (thoughts|responses?) (on|to) "#,
        ], maxWords: 16, endsArticle: true, requires: ["comment", "respons", "repl", "reaction", "thought"]),
        LineRule(name: "widget", category: "comments", match: .prefix, phrases: [
            "no comments yet", "your email address will not be published", "required fields are marked",
            "you must be logged in to post a comment", "you must be logged in to comment", "log in to comment",
            "login to comment", "sign in to comment", "comments are closed", "comments are moderated",
            "be the first to comment", "click here to comment", "leave a reply cancel reply", "cancel reply",
            "post comment", "submit comment", "notify me of follow-up comments", "notify me of new posts",
            "this site uses akismet", "comment moderation", "please read our comment policy", "share your thoughts",
            "to comment, please", "commenting is closed", "comments for this thread are now closed",
        ], maxWords: 30),
    ]

    static let related: [LineRule] = [
        LineRule(name: "header", category: "related", match: .exact, phrases: [
            "related articles", "related stories", "related posts", "related news", "related coverage",
            "related content", "related links", "related reading", "related topics", "related", "more from",
            "more on this story", "more stories", "more news", "you may also like", "you might also like",
            "recommended for you", "recommended stories", "most read", "most popular", "most viewed",
            "trending now", "also read", "read also", "further reading", "see also", "don't miss",
            "what to read next", "latest news", "top stories", "in other news", "more in",
        ], maxWords: 6, endsArticle: true),
        LineRule(name: "read-more", category: "related", match: .exact, phrases: [
            "read more", "read more here", "continue reading", "full story", "read full story", "read the full story",
            "click here", "more", "next article", "previous article", "next story", "previous story",
        ], maxWords: 5),
    ]

    static let tags: [LineRule] = [
        LineRule(name: "tag-line", category: "tags", match: .regex, phrases: [
            #"^(tags|tagged|topics|keywords|categories|category|labels|subjects)\s*:"#,
            #"^(tagged with|tagged as|filed under|posted in) "#,
        ], maxWords: 40, requires: [":", "tagged", "filed", "posted"]),
    ]

    static let share: [LineRule] = [
        LineRule(name: "share-bar", category: "share", match: .words, phrases: [
            "share", "this", "article", "story", "page", "on", "via", "print", "email", "e", "mail", "tweet", "facebook",
            "twitter", "x", "whatsapp", "linkedin", "pinterest", "reddit", "telegram", "messenger", "google", "copy",
            "link", "flipboard", "tumblr", "digg", "stumbleupon", "delicious", "sms", "send", "to", "a", "friend", "save",
            "bookmark", "follow", "us", "like", "comment", "comments", "font", "size", "text", "rss", "feed",
            "reprint", "permalink", "more", "options", "and", "or", "share this", "instagram", "youtube", "vk",
        ], maxWords: 14),
        LineRule(name: "share-prompt", category: "share", match: .prefix, phrases: [
            "share this", "share on", "share:", "follow us on", "follow us", "like us on", "click to share",
            "click to email", "click to print", "print this article", "print this page", "email this article",
        ], maxWords: 14),
    ]

    static let newsletter: [LineRule] = [
        LineRule(name: "newsletter", category: "newsletter", match: .contains, phrases: [
            "our newsletter", "subscribe to our", "sign up to our", "sign up for our", "delivered to your inbox",
            "straight to your inbox", "subscribe now", "subscribe today", "sign up for free",
            "newsletter sign up", "newsletter signup",
        ], maxWords: 40),
    ]

    static let donation: [LineRule] = [
        LineRule(name: "appeal", category: "donation", match: .contains, phrases: [
            "we need your support", "need your support", "support our journalism", "support independent journalism",
            "donate today", "donate now", "make a donation", "please donate", "become a supporter",
            "help us keep", "keep delivering news", "contribute today",
            "support quality journalism",
        ], maxWords: 50),
    ]

    static let byline: [LineRule] = [
        LineRule(name: "views", category: "byline", match: .regex, phrases: [
            #"\b\d{4}\b.*\bviews?$"#, #"^\d[\d,.]* views?$"#, #"\bviews?: ?\d[\d,.]*$"#,
        ], maxWords: 20, requires: ["view"]),
        LineRule(name: "by", category: "byline", match: .regex, phrases: [
            #"^(By|BY|Posted by|Written by|Words by|Reporting by|Reported by)\s+(?!(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|The|Then|Now|Contrast|Comparison|Far|Law)\b)\p{Lu}[\p{L}.'-]*( [\p{L}.'-]+){0,3}\s*([,|/].{0,60})?$"#,
        ], maxWords: 10, requires: ["by "], matchCase: true),
    ]

    static let cookie: [LineRule] = [
        LineRule(name: "notice", category: "cookie", match: .contains, phrases: [
            "we use cookies", "this website uses cookies", "this site uses cookies", "accept cookies",
            "accept all cookies", "cookie policy", "cookie settings", "by continuing to use this site",
            "by continuing to browse", "by using this site, you agree", "by using our site, you agree",
        ], maxWords: 60),
    ]

    static let navigation: [LineRule] = [
        LineRule(name: "chrome", category: "navigation", match: .exact, phrases: [
            "home", "skip to content", "skip to main content", "skip navigation", "menu", "main menu", "search",
            "back to top", "top", "go to top", "next", "previous", "close", "sign in", "log in", "login", "register",
            "subscribe", "advertisement", "advertise", "sponsored", "sponsored content", "ad", "loading",
            "toggle navigation", "open menu", "close menu", "you are here",
        ], maxWords: 4),
    ]

    static let copyright: [LineRule] = [
        LineRule(name: "notice", category: "copyright", match: .regex, phrases: [
            #"^(copyright\s*(©|\(c\))?\s*(\d{4}|©)|©|\(c\) \d{4})"#,
        ], maxWords: 40, requires: ["copyright", "©", "(c)"]),
        LineRule(name: "rights", category: "copyright", match: .contains, phrases: [
            "all rights reserved", "may not be published, broadcast, rewritten", "may not be reproduced",
        ], maxWords: 30),
        LineRule(name: "legal-links", category: "copyright", match: .contains, phrases: [
            "terms of use", "privacy policy", "terms and conditions", "terms of service", "contact us",
        ], maxWords: 12),
    ]

    static let language: [LineRule] = [
        LineRule(name: "picker", category: "language", match: .words, phrases: [
            "english", "deutsch", "français", "francais", "español", "espanol", "italiano", "português", "portugues",
            "nederlands", "polski", "русский", "українська", "български", "македонски", "српски", "hrvatski",
            "slovenščina", "čeština", "slovenčina", "magyar", "română", "ελληνικά", "türkçe", "العربية", "עברית",
            "中文", "日本語", "한국어", "svenska", "norsk", "dansk", "suomi", "eesti", "latviešu", "lietuvių",
            "shqip", "bosanski", "macedonian", "bulgarian", "serbian", "croatian", "albanian", "russian",
            "ukrainian", "german", "french", "spanish", "italian", "portuguese", "dutch", "polish", "greek",
            "turkish", "arabic", "chinese", "japanese", "korean", "en", "de", "fr", "es", "pt", "ru", "mk", "bg",
            "language", "languages", "select", "choose",
        ], maxWords: 12),
    ]
}
