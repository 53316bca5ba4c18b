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

    /// The pairs of names (each pair in order, the list sorted) that could be
    /// variants: names alike in every word but one, whose differing words
    /// share a key that any two variant words share (the word or the word
    /// less one letter, for one edit; the word or its prefix one to three
    /// letters shorter, for an extension). Comparing only these keeps the
    /// work near linear in the names where comparing within "john *" would
    /// grow with the square of the Johns. Keys are compared by hash: a
    /// collision may add a pair that `areVariants` turns down, never lose one.
    static func candidatePairs(_ names: some Sequence<String>) -> [(String, String)] {
        var groups: [String: [(name: String, word: [Unicode.Scalar])]] = [:]
        for name in Set(names) {
            let words = name.split(separator: " ")
            guard words.count >= 2 else { continue }
            for index in words.indices where words[index].unicodeScalars.count >= 4 {
                var others = words
                others.remove(at: index)
                groups["\(index)|" + others.joined(separator: " "), default: []].append((name, Array(words[index].unicodeScalars)))
            }
        }
        var pairs = Set<[String]>()
        var buckets: [UInt64: [Int]] = [:]
        for group in groups.values where group.count > 1 {
            buckets.removeAll(keepingCapacity: true)
            for (position, member) in group.enumerated() {
                // A word's keys may repeat ("anna" less either "n"): each bucket holds a member once.
                for key in variantKeys(member.word) where buckets[key]?.last != position { buckets[key, default: []].append(position) }
            }
            for bucket in buckets.values where bucket.count > 1 {
                for (index, left) in bucket.enumerated() {
                    for right in bucket[(index + 1)...] { pairs.insert([group[left].name, group[right].name].sorted()) }
                }
            }
        }
        return pairs.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }.map { ($0[0], $0[1]) }
    }

    /// Hashes of the keys two variant words always share: "D" for one edit
    /// (symmetric deletion: a substitution, insertion or swap of neighbours
    /// leaves both words one deletion from a common string), "P" for an
    /// extension.
    private static func variantKeys(_ word: [Unicode.Scalar]) -> [UInt64] {
        let deletion = StableHash.fnv1a(StableHash.fnv1aBasis, byte: UInt8(ascii: "D"))
        let prefix = StableHash.fnv1a(StableHash.fnv1aBasis, byte: UInt8(ascii: "P"))
        var keys = [hash(word[...], seed: deletion), hash(word[...], seed: prefix)]
        for position in word.indices {
            keys.append(hash(word[..<position], then: word[(position + 1)...], seed: deletion))
        }
        for cut in 1...3 where word.count - cut >= 4 { keys.append(hash(word.prefix(word.count - cut), seed: prefix)) }
        return keys
    }

    /// FNV-1a over the scalars' values, four bytes each.
    private static func hash(_ scalars: ArraySlice<Unicode.Scalar>, then more: ArraySlice<Unicode.Scalar> = [], seed: UInt64) -> UInt64 {
        var hash = seed
        func add(_ part: ArraySlice<Unicode.Scalar>) {
            for scalar in part {
                var value = scalar.value
                for _ in 0..<4 {
                    hash = StableHash.fnv1a(hash, byte: UInt8(truncatingIfNeeded: value))
                    value >>= 8
                }
            }
        }
        add(scalars)
        add(more)
        return hash
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
