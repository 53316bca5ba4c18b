/// Whether two folded person names could be spellings of one name
/// ("julian smith" / "julianne smith", "sergei ryabkov" / "sergey ryabkov").
///
/// Deliberately narrow: the names must have the same number of words and
/// differ in exactly one word, and that word must start with the same letter
/// and either extend the other (at least four shared letters, at most three
/// more) or differ from it by one edit (insertion, deletion, substitution or
/// swap of neighbours, words of four letters or more). Names passing this
/// test are only candidates; the collector also asks the reports' context.
enum NameVariant {
    static func areVariants(_ left: String, _ right: String) -> Bool {
        let leftWords = left.split(separator: " "), rightWords = right.split(separator: " ")
        guard leftWords.count >= 2, leftWords.count == rightWords.count else { return false }
        let differing = zip(leftWords, rightWords).filter { $0 != $1 }
        guard differing.count == 1, let (a, b) = differing.first else { return false }
        return wordsAreVariants(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    /// Names that differ at most in word `i`, grouped by their other words
    /// (groups of two or more, in a fixed order): variants are always in one
    /// group together, so only pairs within a group need comparing.
    static func candidateGroups(_ names: some Sequence<String>) -> [[String]] {
        var groups: [String: [String]] = [:]
        for name in Set(names).sorted() {
            let words = name.split(separator: " ")
            for index in words.indices {
                var others = words
                others.remove(at: index)
                groups["\(index)|" + others.joined(separator: " "), default: []].append(name)
            }
        }
        return groups.keys.sorted().compactMap { groups[$0]!.count > 1 ? groups[$0] : nil }
    }

    static func wordsAreVariants(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        let (shorter, longer) = a.count <= b.count ? (a, b) : (b, a)
        guard shorter.count >= 4, shorter.first == longer.first else { return false }
        if longer.count - shorter.count <= 3 && longer.starts(with: shorter) { return true }
        return editDistanceIsOne(shorter, longer)
    }

    /// One insertion, deletion, substitution or transposition of neighbours.
    private static func editDistanceIsOne(_ shorter: [Unicode.Scalar], _ longer: [Unicode.Scalar]) -> Bool {
        guard longer.count - shorter.count <= 1 else { return false }
        var i = 0
        while i < shorter.count && shorter[i] == longer[i] { i += 1 }
        if shorter.count == longer.count {
            if i == shorter.count { return false }
            if shorter[(i + 1)...] == longer[(i + 1)...] { return true }
            return i + 1 < shorter.count && shorter[i] == longer[i + 1] && shorter[i + 1] == longer[i]
                && shorter[(i + 2)...] == longer[(i + 2)...]
        }
        return shorter[i...] == longer[(i + 1)...]
    }
}
