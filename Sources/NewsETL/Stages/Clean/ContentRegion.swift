/// Picks the article's blocks on an HTML page from layout alone, before any
/// text rule runs.
///
/// Each block of running text (enough words, few of them links) scores its
/// words, discounted by its link share; the score flows to the element that
/// holds the paragraph, half of it to that element's parent and a quarter to
/// the grandparent, so the element that holds most running text wins even
/// when its paragraphs sit in nested wrappers. The winner, together with
/// sibling elements that score at least `siblingShare` of it, is the article
/// region. Blocks outside it, link lists inside it, and blocks inside it that
/// sit in a comment, share, related or similar element are removed.
struct ContentRegion {
    var minWords = 8
    var maxLinkDensity = 0.35
    var siblingShare = 0.3

    /// Why each block goes (`layout:…`), or nil for the blocks that stay.
    func removals(blocks: [TextBlock], wordCounts: [Int]) -> [String?] {
        selection(blocks: blocks, wordCounts: wordCounts).verdicts
    }

    /// The verdicts with the scores behind them, for `newsetl eval clean --explain`.
    struct Selection {
        var verdicts: [String?]
        var scores: [Int32: Double]
        var region: Set<Int32>
        /// The winning element and its score.
        var top: (id: Int32, score: Double)?
        /// The winner's parent: article text split over sibling containers sits under it.
        var regionParent: Int32?
    }

    func selection(blocks: [TextBlock], wordCounts: [Int]) -> Selection {
        guard !blocks.isEmpty else { return Selection(verdicts: [], scores: [:], region: [], top: nil, regionParent: nil) }
        var scores: [Int32: Double] = [:]
        var parents: [Int32: Int32] = [:]
        var hints: [Int32: LayoutHint] = [:]
        var previous: TextBlock?
        for (block, words) in zip(blocks, wordCounts) {
            // Blocks come in page order: what a block shares with the one
            // before (its outer ancestors, with their hints) is recorded already.
            let shared = previous.map { ContentRegion.sharedAncestors(block, $0) } ?? 0
            for position in shared..<block.ancestors.count {
                let id = block.ancestors[position]
                hints[id] = block.ancestorHints[position]
                if position > 0 { parents[id] = block.ancestors[position - 1] }
            }
            previous = block
            let score = runningTextScore(block, words: words)
            guard score > 0 else { continue }
            var position = ContentRegion.containerPosition(block)
            var share = 1.0
            while position >= 0 && share >= 0.25 {
                scores[block.ancestors[position], default: 0] += score * share
                position -= 1
                share /= 2
            }
        }
        for (id, score) in scores {
            let hint = hints[id] ?? []
            if hint.contains(.content) { scores[id] = score * 1.25 }
            if !hint.isDisjoint(with: .boilerplate) { scores[id] = score * 0.3 }
        }
        guard let top = scores.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) else {
            return Selection(verdicts: blocks.map { _ in nil }, scores: scores, region: [], top: nil, regionParent: nil)
        }
        var region: Set<Int32> = [top.key]
        if let parent = parents[top.key] {
            for (id, score) in scores where id != top.key && parents[id] == parent && score >= siblingShare * top.value {
                region.insert(id)
            }
        }
        let regionIDs = Array(region)
        let verdicts = zip(blocks, wordCounts).map { block, words in verdict(block, words: words, region: regionIDs) }
        return Selection(verdicts: verdicts, scores: scores, region: region, top: (top.key, top.value), regionParent: parents[top.key])
    }

    private func runningTextScore(_ block: TextBlock, words: Int) -> Double {
        guard words >= minWords, block.linkDensity < maxLinkDensity, !block.tag.hasHeadingShape else { return 0 }
        var score = Double(words) * (1 - block.linkDensity)
        if block.tag == "li" { score *= 0.5 }
        if block.ancestorHints.contains(where: { !$0.isDisjoint(with: .boilerplate) }) { score *= 0.25 }
        return score
    }

    /// The ancestor position of the element that holds the block as one of
    /// its paragraphs: the parent of a `p`, `li`, heading…; a `div` or `td`
    /// holding text directly is the container itself.
    static func containerPosition(_ block: TextBlock) -> Int {
        ContentRegion.paragraphTags.contains(block.tag) ? max(block.blockDepth - 1, 0) : block.blockDepth
    }

    /// How many outer ancestors two blocks share, with the same hints.
    static func sharedAncestors(_ block: TextBlock, _ other: TextBlock) -> Int {
        var shared = 0
        while shared < block.ancestors.count, shared < other.ancestors.count,
              block.ancestors[shared] == other.ancestors[shared], block.ancestorHints[shared] == other.ancestorHints[shared] {
            shared += 1
        }
        return shared
    }

    /// `region` is a handful of elements: a list, searched faster than a set is hashed.
    private func verdict(_ block: TextBlock, words: Int, region: [Int32]) -> String? {
        guard let regionPosition = block.ancestors.lastIndex(where: region.contains) else { return "layout:outside-article" }
        for hint in block.ancestorHints[(regionPosition + 1)...] {
            if let name = ContentRegion.boilerplateName(hint) { return "layout:\(name)" }
        }
        if block.linkDensity > 0.5 && words < 50 { return "layout:link-list" }
        return nil
    }

    private static let paragraphTags: Set<String> = [
        "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt", "figcaption", "caption", "th",
        "address", "summary", "legend",
    ]

    private static func boilerplateName(_ hint: LayoutHint) -> String? {
        let names: [(LayoutHint, String)] = [
            (.comments, "comments"), (.related, "related"), (.social, "share"), (.navigation, "navigation"),
            (.promotion, "promotion"), (.sidebar, "sidebar"), (.chrome, "page-chrome"), (.form, "form"),
        ]
        return names.first { hint.contains($0.0) }?.1
    }
}

private extension String {
    var hasHeadingShape: Bool { count == 2 && hasPrefix("h") && last!.isNumber }
}
