/// What the dedupe stage keeps of a document: an exact-content key, a
/// MinHash signature of its word shingles, its size, and two small bit sets
/// of the facts it states (numbers, capitalised names), which tell a copy of
/// a report from a templated report about other figures or other names.
///
/// About 640 bytes per document with 128 hashes, whatever the document's length.
public struct DocumentSketch: Sendable, Equatable {
    /// SHA-256 of the lowercased words: equal for exact copies.
    public var contentKey: [UInt64]
    public var signature: [UInt32]
    /// Number of distinct shingles (for containment from Jaccard).
    public var shingleCount: Int
    public var wordCount: Int
    /// 256-bit sets of hashed number tokens and name tokens.
    public var numbers: [UInt64]
    public var names: [UInt64]

    static let factWords = 4

    /// Packs the sketch into a corpus summary.
    func packed() -> [UInt64] {
        var words = contentKey + [UInt64(shingleCount), UInt64(wordCount), UInt64(signature.count)]
        var index = 0
        while index < signature.count {
            let high = UInt64(signature[index]) << 32
            let low = index + 1 < signature.count ? UInt64(signature[index + 1]) : 0
            words.append(high | low)
            index += 2
        }
        return words + numbers + names
    }

    init(contentKey: [UInt64], signature: [UInt32], shingleCount: Int, wordCount: Int, numbers: [UInt64], names: [UInt64]) {
        self.contentKey = contentKey
        self.signature = signature
        self.shingleCount = shingleCount
        self.wordCount = wordCount
        self.numbers = numbers
        self.names = names
    }

    init?(packed words: [UInt64]) {
        guard words.count >= 7 else { return nil }
        let hashCount = Int(words[6])
        let signatureWords = (hashCount + 1) / 2
        guard words.count == 7 + signatureWords + 2 * DocumentSketch.factWords else { return nil }
        var signature: [UInt32] = []
        signature.reserveCapacity(hashCount)
        for word in words[7..<(7 + signatureWords)] {
            signature.append(UInt32(truncatingIfNeeded: word >> 32))
            if signature.count < hashCount { signature.append(UInt32(truncatingIfNeeded: word)) }
        }
        let factsStart = 7 + signatureWords
        self.init(contentKey: Array(words[0..<4]), signature: signature, shingleCount: Int(words[4]), wordCount: Int(words[5]),
                  numbers: Array(words[factsStart..<(factsStart + DocumentSketch.factWords)]),
                  names: Array(words[(factsStart + DocumentSketch.factWords)...]))
    }
}
