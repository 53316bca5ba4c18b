/// Word 4-gram overlap between an extracted text and a gold text, the
/// convention of the well-known boilerplate benchmarks: texts split into
/// lowercase letter-or-digit words (punctuation ignored; each Chinese or
/// Japanese character a word, `CharacterWords`), shingles compared
/// as multisets, precision and recall per page.
public struct ShingleScore: Sendable, Equatable {
    public var precision: Double
    public var recall: Double

    public static let shingleSize = 4

    public init(precision: Double, recall: Double) {
        self.precision = precision
        self.recall = recall
    }

    public init(extracted: String, gold: String) {
        let found = ShingleScore.shingles(extracted)
        let expected = ShingleScore.shingles(gold)
        let foundCount = found.values.reduce(0, +)
        let expectedCount = expected.values.reduce(0, +)
        var overlap = 0
        for (shingle, count) in found { overlap += min(count, expected[shingle] ?? 0) }
        if expectedCount == 0 && foundCount == 0 {
            self.init(precision: 1, recall: 1)
        } else {
            self.init(precision: foundCount == 0 ? 0 : Double(overlap) / Double(foundCount),
                      recall: expectedCount == 0 ? 0 : Double(overlap) / Double(expectedCount))
        }
    }

    public static func f1(_ precision: Double, _ recall: Double) -> Double {
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }

    /// Multiset of word 4-grams (fewer words: the whole text as one shingle).
    static func shingles(_ text: String) -> [UInt64: Int] {
        let words = self.words(text)
        var counts: [UInt64: Int] = [:]
        guard !words.isEmpty else { return counts }
        let size = min(shingleSize, words.count)
        for start in 0...(words.count - size) { counts[shingle(words[start..<(start + size)]), default: 0] += 1 }
        return counts
    }

    static func shingle(_ words: ArraySlice<UInt64>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for word in words { hash = (hash ^ word) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// The text's words as the scorer sees them, hashed.
    static func words(_ text: String) -> [UInt64] {
        var words: [UInt64] = []
        var current: [UInt8] = []
        for scalar in text.lowercased().unicodeScalars {
            if CharacterWords.isCharacterWord(scalar.value) {
                if !current.isEmpty { words.append(StableHash.fnv1a(current)) }
                words.append(StableHash.fnv1a(Array(String(scalar).utf8)))
                current.removeAll(keepingCapacity: true)
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(contentsOf: String(scalar).utf8)
            } else if !current.isEmpty {
                words.append(StableHash.fnv1a(current))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { words.append(StableHash.fnv1a(current)) }
        return words
    }
}
