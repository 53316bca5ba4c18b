/// Rules about where the article ends, beyond single lines.
///
/// - A comment header ("Leave a Reply", "3 comments") ends the article:
///   everything after it is removed, since readers' comments read like prose.
/// - A related-content header ("Related Articles") ends it too, unless
///   article text clearly resumes: a paragraph of at least `resumeWords`
///   words that ends like a sentence rather than a truncated teaser.
/// - A teaser — a headline-like line followed by a truncated sentence
///   ending in "..." — is removed wherever it stands.
/// - A trailing run of link-like lines (link lists on pages; short lines
///   without sentence punctuation in plain text) is removed.
enum StructuralCut {
    static let resumeWords = 25
    static let articleStartWords = 30

    static func apply(after header: (index: Int, category: String)?, paragraphs: [Paragraph], keys: [LineKey],
                      blocks: [TextBlock]?, to reasons: inout [String?]) {
        if let header {
            var cutting = true
            for index in (header.index + 1)..<paragraphs.count {
                if header.category != "comments", reasons[index] == nil, resumesArticle(paragraphs[index].text, key: keys[index]) {
                    cutting = false
                }
                if cutting, reasons[index] == nil { reasons[index] = "structure:after-\(header.category)" }
            }
        }
        removeTeasers(paragraphs, keys: keys, reasons: &reasons)
        removeTrailingLinks(paragraphs, keys: keys, blocks: blocks, reasons: &reasons)
    }

    private static func resumesArticle(_ text: String, key: LineKey) -> Bool {
        key.wordCount >= resumeWords && endsLikeSentence(text) && !isTruncated(text)
    }

    private static func removeTeasers(_ paragraphs: [Paragraph], keys: [LineKey], reasons: inout [String?]) {
        for index in paragraphs.indices.dropFirst() where reasons[index] == nil || reasons[index - 1] == nil {
            let text = paragraphs[index].text
            guard isTruncated(text), keys[index].wordCount <= 60 else { continue }
            let headline = paragraphs[index - 1].text
            guard keys[index - 1].wordCount <= 20, !endsLikeSentence(headline) else { continue }
            reasons[index - 1] = reasons[index - 1] ?? "related:teaser"
            reasons[index] = reasons[index] ?? "related:teaser"
        }
    }

    private static func removeTrailingLinks(_ paragraphs: [Paragraph], keys: [LineKey], blocks: [TextBlock]?,
                                            reasons: inout [String?]) {
        var run: [Int] = []
        for index in paragraphs.indices.reversed() {
            if reasons[index] != nil { continue }
            let linkLike: Bool
            if let blocks, blocks.count == paragraphs.count {
                linkLike = blocks[index].linkDensity >= 0.5
            } else {
                linkLike = looksLikeLinkText(paragraphs[index].text, key: keys[index])
            }
            guard linkLike else { break }
            run.append(index)
        }
        let minimumRun = blocks == nil ? 3 : 2
        guard let firstOfRun = run.last, run.count >= minimumRun else { return }
        if articleStarted(before: firstOfRun, paragraphs: paragraphs, keys: keys, reasons: reasons) {
            for index in run { reasons[index] = "structure:trailing-links" }
        }
    }

    /// Article text came before `index`: at least `articleStartWords` words
    /// in kept paragraphs that read as sentences. Headers and link runs only
    /// end an article that has begun.
    static func articleStarted(before index: Int, paragraphs: [Paragraph], keys: [LineKey], reasons: [String?]) -> Bool {
        var words = 0
        for earlier in 0..<index where reasons[earlier] == nil && keys[earlier].wordCount >= 8 {
            let text = paragraphs[earlier].text
            if endsLikeSentence(text) && !isTruncated(text) { words += keys[earlier].wordCount }
            if words >= articleStartWords { return true }
        }
        return false
    }

    /// A headline-like line of plain text: 2–12 words, capitalised, no
    /// sentence end, few digits (table rows have many).
    private static func looksLikeLinkText(_ text: String, key: LineKey) -> Bool {
        let words = key.wordCount
        guard (2...12).contains(words), !endsLikeSentence(text), text.first?.isUppercase == true else { return false }
        let digits = text.unicodeScalars.filter { $0.properties.numericType != nil }.count
        return digits * 5 < text.unicodeScalars.count
    }

    static func endsLikeSentence(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last(where: { !"\"'”’)]»".unicodeScalars.contains($0) }) else { return false }
        return ".!?;".unicodeScalars.contains(last)
    }

    /// Ends in an ellipsis right after a word: "…which will..." (not the
    /// dot leaders of a table, "Gold stock......").
    static func isTruncated(_ text: String) -> Bool {
        var body = Substring(text)
        if body.hasSuffix("[...]") || body.hasSuffix("(...)") { return true }
        if body.hasSuffix("...") { body = body.dropLast(3) } else if body.hasSuffix("…") { body = body.dropLast() } else { return false }
        guard let last = body.last else { return false }
        return last.isLetter || last == "," || last == "\u{201D}"
    }
}
