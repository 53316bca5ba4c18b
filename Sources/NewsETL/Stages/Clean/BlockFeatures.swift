import Foundation

/// What the block model weighs about one block of an HTML page: the layout
/// verdict and the facts behind it — where the block sits relative to the
/// chosen region, its words and links, its tag, what its ancestors' class
/// and id names say, its neighbours. Only page-independent facts: no site's
/// class names or words, so a model trained on some sites carries over to
/// others.
enum BlockFeatures {
    /// One name per feature, in vector order; the shipped weights are checked against it.
    static let names: [String] = [
        "bias", "in-region", "verdict-outside", "verdict-boilerplate", "verdict-link-list",
        "log-words", "link-density", "short", "page-share",
        "tag-p", "tag-li", "tag-heading", "tag-cell", "tag-container", "tag-quote", "tag-caption",
        "hint-content", "hint-comments", "hint-related", "hint-navigation", "hint-social", "hint-sidebar",
        "hint-chrome", "hint-promotion", "hint-figure", "hint-form",
        "affinity", "container-affinity", "position", "before-region", "after-region",
        "previous-kept", "next-kept", "sentence-end", "under-region-parent",
        "in-region×short", "in-region×link-density", "outside×affinity", "under-region-parent×running",
        "nearest-hint-content", "nearest-hint-boilerplate", "depth-below-region", "comma-rate", "digit-rate",
    ]

    static func vectors(blocks: [TextBlock], wordCounts: [Int], texts: [String], selection: ContentRegion.Selection,
                        minWords: Int) -> [[Double]] {
        let topScore = max(selection.top?.score ?? 1, 1)
        let region = Array(selection.region)
        let inRegion = blocks.map { block in block.ancestors.contains(where: region.contains) }
        let affinities = highestAncestorScores(blocks, scores: selection.scores)
        let layoutKept = blocks.indices.map { inRegion[$0] && selection.verdicts[$0] == nil }
        let firstInRegion = inRegion.firstIndex(of: true) ?? blocks.count
        let lastInRegion = inRegion.lastIndex(of: true) ?? -1
        let pageWords = Double(max(wordCounts.reduce(0, +), 1))
        let count = Double(max(blocks.count - 1, 1))
        return blocks.indices.map { index in
            let block = blocks[index], words = wordCounts[index], verdict = selection.verdicts[index]
            var hints: LayoutHint = []
            for hint in block.ancestorHints { hints.formUnion(hint) }
            let affinity = affinities[index]
            let container = block.ancestors.isEmpty ? 0 : selection.scores[block.ancestors[ContentRegion.containerPosition(block)]] ?? 0
            let underParent = !inRegion[index] && selection.regionParent.map(block.ancestors.contains) == true
            let short = words < minWords
            let tag = block.tag
            let nearest = block.ancestorHints.last { !$0.isEmpty }
            let rates = punctuationRate(texts[index], words: words)
            let values: [Double] = [
                1, flag(inRegion[index]), flag(verdict == "layout:outside-article"),
                flag(verdict != nil && verdict != "layout:outside-article" && verdict != "layout:link-list"),
                flag(verdict == "layout:link-list"),
                log(1 + Double(words)) / 5, block.linkDensity, flag(short), Double(words) / pageWords,
                flag(tag == "p"), flag(tag == "li" || tag == "dd" || tag == "dt"), flag(tag.count == 2 && tag.hasPrefix("h") && tag != "hr"),
                flag(tag == "td" || tag == "th"), flag(containerTags.contains(tag)), flag(tag == "blockquote" || tag == "pre"),
                flag(tag == "figcaption" || tag == "caption" || tag == "figure"),
                flag(hints.contains(.content)), flag(hints.contains(.comments)), flag(hints.contains(.related)),
                flag(hints.contains(.navigation)), flag(hints.contains(.social)), flag(hints.contains(.sidebar)),
                flag(hints.contains(.chrome)), flag(hints.contains(.promotion)), flag(hints.contains(.figure)), flag(hints.contains(.form)),
                min(affinity / topScore, 1), min(container / topScore, 1), Double(index) / count,
                flag(index < firstInRegion), flag(index > lastInRegion),
                flag(index > 0 && layoutKept[index - 1]), flag(index + 1 < blocks.count && layoutKept[index + 1]),
                flag(endsLikeSentence(texts[index])), flag(underParent),
                flag(inRegion[index] && short), inRegion[index] ? block.linkDensity : 0,
                inRegion[index] ? 0 : min(affinity / topScore, 1), flag(underParent && !short && block.linkDensity < 0.35),
                flag(nearest?.contains(.content) == true), flag(nearest.map { !$0.isDisjoint(with: .boilerplate) } == true),
                depthBelowRegion(block, region: region), rates.commas, rates.digits,
            ]
            return values
        }
    }

    private static let containerTags: Set<String> = ["div", "section", "article", "main", "body", "span", "center", "form"]

    /// For each block, the highest score among its ancestors (0 for none).
    /// Blocks come in page order and share most ancestors with the block
    /// before (`ContentRegion.sharedAncestors`): only the ones not shared are looked up.
    static func highestAncestorScores(_ blocks: [TextBlock], scores: [Int32: Double]) -> [Double] {
        /// The highest score among the current block's ancestors `0...depth`, per depth.
        var highest: [Double] = []
        var previous: TextBlock?
        return blocks.map { block in
            let shared = previous.map { ContentRegion.sharedAncestors(block, $0) } ?? 0
            highest.removeSubrange(shared...)
            for id in block.ancestors[shared...] {
                let score = scores[id] ?? 0
                highest.append(highest.last.map { max($0, score) } ?? score)
            }
            previous = block
            return highest.last ?? 0
        }
    }

    /// Block elements between the region's element and the block, over 8 (0 outside the region).
    private static func depthBelowRegion(_ block: TextBlock, region: [Int32]) -> Double {
        guard let position = block.ancestors.firstIndex(where: region.contains) else { return 0 }
        return min(Double(block.ancestors.count - 1 - position) / 8, 1)
    }

    /// Commas and digits per word: running prose has commas, menus and
    /// listings have none; tables, scores and dates are dense in digits.
    private static func punctuationRate(_ text: String, words: Int) -> (commas: Double, digits: Double) {
        guard words > 0 else { return (0, 0) }
        var commas = 0, digits = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: ",") { commas += 1 } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { digits += 1 }
        }
        return (min(Double(commas) / Double(words), 1), min(Double(digits) / Double(words), 2) / 2)
    }

    private static func flag(_ condition: Bool) -> Double { condition ? 1 : 0 }

    private static func endsLikeSentence(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last(where: { !TextNormalizer.isWhitespace($0) }) else { return false }
        return ".!?\"”’')。！？」".unicodeScalars.contains(last)
    }
}
