import Foundation
import Testing
@testable import NewsETL

/// Fixtures here are written for these tests, not copied from any page.
@Suite struct CleanStageTests {
    private func document(_ text: String, source: String? = "desk", blocks: [TextBlock]? = nil) -> Document {
        Document(docID: "doc-0000000000000001", sourcePath: "desk/report.txt", sha256: String(repeating: "0", count: 64),
                 byteCount: text.utf8.count, encoding: "utf-8", format: blocks == nil ? .text : .html, title: nil,
                 published: nil, source: source, canonicalURL: nil, text: text, wordCount: TextNormalizer.wordCount(text), blocks: blocks)
    }

    private static let article = """
        The harbour master said the new tide gauges gave almost three hours of warning before the surge reached the quay.

        Ships were moved to the inner basin and the flood gates were closed well before the water peaked on Tuesday.
        """

    private func clean(_ text: String, stage: CleanStage = CleanStage()) -> (text: String, rules: [String]) {
        guard case .keep(let cleaned) = stage.process(document(text)) else { return ("", ["rejected"]) }
        return (cleaned.text, cleaned.removed.map(\.rule))
    }

    @Test(arguments: [
        ("Leave a Reply", "comments:header"),
        ("No comments yet. Why don't you start the discussion?", "comments:widget"),
        ("Your email address will not be published. Required fields are marked *", "comments:widget"),
        ("12 Comments", "comments:count"),
        ("Tags: harbour, storm, flood gates", "tags:tag-line"),
        ("Share this: Facebook | X | Email | Print", "share:share-bar"),
        ("Sign up for our newsletter and get the morning briefing.", "newsletter:newsletter"),
        ("We need your support so we can keep reporting from the coast. Thank you!", "donation:appeal"),
        ("Coast | May 2, 2024, Thursday // 09:15| 873 views", "byline:views"),
        ("By Marit Lund, Harbour Desk", "byline:by"),
        ("This website uses cookies to improve your experience.", "cookie:notice"),
        ("Skip to main content", "navigation:chrome"),
        ("© 2024 The Harbour Weekly. All rights reserved.", "copyright:notice"),
        ("English | Deutsch | Español", "language:picker"),
        ("Thursday, May 2, 2024", "dateline:date"),
    ])
    func removesEachBoilerplateCategory(line: String, rule: String) {
        let result = clean(CleanStageTests.article + "\n\n" + line)
        #expect(result.text == CleanStageTests.article)
        #expect(result.rules.first == rule)
    }

    @Test(arguments: [
        "By Wednesday the water had gone back down and the shops on the quay were open again.",
        "Related charges were filed against the owner of the vessel.",
        "The newsletter of the fishermen's union warned members about the surge.",
        "Comments from residents were collected by the council during the week.",
        "Copyright law was not the issue, the mayor said.",
        "March 4, 2025 was the day the sea came in, and nobody in the old town will forget it soon.",
    ])
    func keepsArticleSentencesThatMerelyMentionBoilerplateWords(line: String) {
        let text = CleanStageTests.article + "\n\n" + line
        #expect(clean(text).text == text)
    }

    @Test func endsTheArticleAtACommentHeader() {
        let text = CleanStageTests.article + "\n\nLeave a Comment\n\nGreat reporting, thank you for covering the harbour every week.\n\nI was there and it was much worse than this."
        let result = clean(text)
        #expect(result.text == CleanStageTests.article)
        #expect(result.rules == ["comments:header", "structure:after-comments", "structure:after-comments"])
    }

    @Test func resumesAfterARelatedHeaderOnlyForRealArticleText() {
        let resumed = "The council will meet again on Friday to decide how much of the emergency fund goes to the shops on Quay Street and how much to the harbour walls, officials said."
        let text = CleanStageTests.article + "\n\nRelated Articles:\n\nSea wall plan returns\n\nEngineers presented a revised design on Monday, three years after the first...\n\n" + resumed
        let result = clean(text)
        #expect(result.text == CleanStageTests.article + "\n\n" + resumed)
        #expect(result.rules == ["related:header", "structure:after-related", "structure:after-related"])
    }

    @Test func doesNotLetAHeaderBeforeTheArticleEndIt() {
        let text = "Most Read\n\n" + CleanStageTests.article
        #expect(clean(text).text == CleanStageTests.article)
    }

    @Test func removesATeaserAndATrailingRunOfLinks() {
        let text = CleanStageTests.article + "\n\nFishermen fear lost season\nDozens of boats were damaged when the surge hit, and owners say repairs could take...\n\nHarbour timeline\nPhotos of the old town\nMap of the flooded streets"
        let result = clean(text)
        #expect(result.text == CleanStageTests.article)
        #expect(result.rules == ["related:teaser", "related:teaser", "structure:trailing-links", "structure:trailing-links", "structure:trailing-links"])
    }

    @Test func recordsOffsetsThatSliceTheDecodedText() {
        let text = "Café “Søren” news\n\n" + CleanStageTests.article + "\n\nTags: café, Søren"
        guard case .keep(let cleaned) = CleanStage().process(document(text)) else {
            Issue.record("rejected")
            return
        }
        let scalars = Array(text.unicodeScalars)
        #expect(cleaned.removed.count == 1)
        for removed in cleaned.removed {
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: scalars[removed.start..<removed.end])
            #expect(String(slice) == removed.text)
        }
        #expect(cleaned.removed.first?.index == 3)
    }

    @Test func rejectsADocumentThatIsAllBoilerplate() {
        guard case .reject(let rejection) = CleanStage().process(document("Leave a Reply\n\nTags: storm")) else {
            Issue.record("expected a rejection")
            return
        }
        #expect(rejection.reason == .noText)
    }

    @Test func takesExtraRulesAndDisablesCategories() {
        let (reader, problems) = options("""
            {"rules": [{"name": "radio", "category": "promo", "match": "prefix", "phrases": ["Listen live on Radio"], "max_words": 12}],
             "disable_rules": ["tags"], "keep_removed": false}
            """)
        let stage = CleanStage(options: reader)
        reader.finish()
        #expect(problems.messages.isEmpty)
        guard case .keep(let cleaned) = stage.process(document(CleanStageTests.article + "\n\nListen live on Radio Valmora 98.1\n\nTags: storm")) else {
            Issue.record("rejected")
            return
        }
        #expect(cleaned.text == CleanStageTests.article + "\n\nTags: storm")
        #expect(cleaned.removed.isEmpty)
    }

    @Test func reportsBadRuleOptionsByPath() {
        let (reader, problems) = options("""
            {"rules": [{"name": "x", "match": "glob", "phrases": ["a"]}, {"match": "regex", "phrases": ["(unclosed"]}],
             "disable_rules": ["nonsense"], "learn": {"min_share": 2}}
            """)
        _ = CleanStage(options: reader)
        reader.finish()
        #expect(problems.messages == [
            #"options.rules[0].match: expected one of "exact", "prefix", "contains", "words", "regex", got "glob""#,
            "options.rules[1].name: missing: every rule needs a name",
            #"options.rules[1].phrases[0]: not a valid regular expression: "(unclosed""#,
            #"options.disable_rules[0]: no rule or category named "nonsense" (categories: comments, related, tags, share, newsletter, donation, byline, cookie, navigation, copyright, language)"#,
            "options.learn.min_share: expected a number between 0 and 1, got 2",
        ])
    }

    @Test func aCatastrophicUserRegexIsStoppedAndTheParagraphKept() {
        let (reader, problems) = options("""
            {"rules": [{"name": "runaway", "category": "promo", "match": "regex", "phrases": ["^(a+)+$"], "max_words": 100}]}
            """)
        let stage = CleanStage(options: reader)
        #expect(problems.messages.isEmpty)
        let trap = String(repeating: "a", count: 40) + "b"
        let text = Self.article + "\n\n" + trap + "\n\naaaa"
        // Unbounded, this one paragraph would take hours.
        var cleaned: Document?
        if case .keep(let kept) = stage.process(document(text)) { cleaned = kept }
        #expect(cleaned?.text.contains(trap) == true)
        #expect(cleaned?.removed.map(\.rule) == ["promo:runaway"])  // "aaaa" still matches
        #expect(cleaned?.boundedWork == ["rule promo:runaway: its regex ran out of its work budget and was stopped; the paragraph was kept"])
    }

    /// A language decode left to this stage is identified from the text as
    /// decoded when a few lines go, from the kept text when much goes.
    @Test func identifiesALanguageDecodeLeftEmpty() {
        var few = document(Self.article + "\n\nLeave a Reply")
        few.language = ""
        guard case .keep(let keptMost) = CleanStage().process(few) else { Issue.record("rejected"); return }
        #expect(keptMost.language == LanguageIdentifier.identify(few.text))
        #expect(keptMost.language == "en")

        let german = "Teilen Sie diesen Artikel mit Ihren Freunden und Bekannten in den sozialen Netzwerken"
        var much = document(Self.article + "\n\nLeave a Reply\n\n" + (1...6).map { _ in german }.joined(separator: "\n\n"))
        much.language = ""
        let kept = CleanStage(rules: DefaultRules.all + [LineRule(name: "appeal", category: "share", match: .prefix, phrases: ["teilen sie"], maxWords: 30)])
        guard case .keep(let cleaned) = kept.process(much) else { Issue.record("rejected"); return }
        #expect(cleaned.text == Self.article)
        #expect(cleaned.language == "en")
        #expect(LanguageIdentifier.identify(much.text) == "de")
    }
}
