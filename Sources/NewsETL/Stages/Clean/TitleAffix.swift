/// The site's name in a page title ("Headline | The Site", "The Site:
/// Headline", "Headline - Section - The Site"): page chrome, like a
/// recurring footer. A leading or trailing segment is the site's when it
/// recurs across the source's titles (learned like boilerplate paragraphs)
/// or when it names the site (its `og:site_name` or its domain). Without
/// such evidence the headline stays whole: "Syria: rebels advance" keeps
/// its "Syria". Only page titles (HTML) are read so: the first line of a
/// plain-text report is the desk's headline, and what recurs at its end is
/// an attribution ("- OFFICIAL", "- USDA").
struct TitleAffix: Sendable, Equatable {
    enum Side: Sendable { case leading, trailing }

    var side: Side
    /// The segment(s) on that side, without the separator.
    var text: String
    /// The title without them.
    var headline: String

    static let trailingSeparators = [" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " || "]
    static let leadingSeparators = trailingSeparators + [": "]
    /// Only this many separators from each end are looked at.
    static let maxSegments = 3
    /// A site name is short; a longer segment is part of the headline.
    static let maxAffixWords = 8
    /// What must remain of the headline.
    static let minHeadlineWords = 2

    /// Every affix `title` could carry, nearest the end first. Runs on
    /// UTF-8 bytes: it is asked about every title twice.
    static func candidates(_ title: String) -> [TitleAffix] {
        let bytes = Array(title.utf8)
        guard bytes.count >= 5 else { return [] }
        var found: [TitleAffix] = []
        for (side, separators) in [(Side.trailing, trailingSeparatorBytes), (Side.leading, leadingSeparatorBytes)] {
            var cuts: [Range<Int>] = []
            for separator in separators {
                var index = 0
                while index + separator.count <= bytes.count {
                    if bytes[index] == separator[0], bytes[index..<(index + separator.count)].elementsEqual(separator) {
                        cuts.append(index..<(index + separator.count))
                        index += separator.count
                    } else {
                        index += 1
                    }
                }
            }
            guard !cuts.isEmpty else { continue }
            cuts.sort { side == .trailing ? $0.lowerBound > $1.lowerBound : $0.lowerBound < $1.lowerBound }
            for cut in cuts.prefix(maxSegments) {
                let affix = side == .trailing ? bytes[cut.upperBound...] : bytes[..<cut.lowerBound]
                let headline = side == .trailing ? bytes[..<cut.lowerBound] : bytes[cut.upperBound...]
                let affixWords = words(affix)
                guard affixWords >= 1, affixWords <= maxAffixWords, words(headline) >= minHeadlineWords else { continue }
                found.append(TitleAffix(side: side, text: String(decoding: affix, as: UTF8.self),
                                        headline: String(decoding: headline, as: UTF8.self)))
            }
        }
        return found
    }

    private static let trailingSeparatorBytes = trailingSeparators.map { Array($0.utf8) }
    private static let leadingSeparatorBytes = leadingSeparators.map { Array($0.utf8) }

    /// Space-separated words.
    private static func words(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.split(separator: 0x20).count
    }

    /// Hash under which an affix of the source is counted, apart from paragraphs.
    static func hash(_ affix: TitleAffix, learning: SourceLearning, sourceSeed: UInt64) -> UInt64 {
        let side: UInt64 = affix.side == .trailing ? 0x7469746C65746169 : 0x7469746C65686561
        return learning.paragraphHash(LineKey(affix.text), sourceSeed: sourceSeed ^ side)
    }

    /// The title without its site name: the widest affix on each side that
    /// the source is known for, or that names the site.
    static func strip(_ title: String, siteName: String?, domain: String?, isLearned: (TitleAffix) -> Bool) -> String {
        var headline = title
        for side in [Side.trailing, .leading] {
            let widest = candidates(headline).filter { $0.side == side }.last { affix in
                isLearned(affix) || SiteReference.names(affix.text, siteName: siteName, domain: domain)
            }
            if let widest { headline = widest.headline }
        }
        return headline
    }
}
