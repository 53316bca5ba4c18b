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
                let words = keys[index].wordCount
                linkLike = words > 0 && words <= 8 && !endsLikeSentence(paragraphs[index].text)
            }
            guard linkLike else { break }
            run.append(index)
        }
        let minimumRun = blocks == nil ? 3 : 2
        if run.count >= minimumRun {
            for index in run { reasons[index] = "structure:trailing-links" }
        }
    }

    static func endsLikeSentence(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last(where: { !"\"'”’)]»".unicodeScalars.contains($0) }) else { return false }
        return ".!?;".unicodeScalars.contains(last)
    }

    static func isTruncated(_ text: String) -> Bool {
        text.hasSuffix("...") || text.hasSuffix("…") || text.hasSuffix("[...]") || text.hasSuffix("(...)")
    }
}
