import Foundation

/// Which words behave alike in unlabelled text, so the tagger can treat a
/// club, company or surname it never saw in training like the ones it did
/// ("Everton" beside "Chelsea", "Netscape" beside "Microsoft"). Clusters
/// come from k-means over the GloVe 6B vectors (`tools/word_clusters.py`)
/// at three granularities; a word outside the table has none.
struct WordClusters: Sendable {
    /// The clusters of one word, fine to coarse.
    struct Path: Sendable, Equatable {
        var fine: UInt16, middle: UInt16, coarse: UInt16
    }

    /// One word of the table: where its bytes lie in `bytes`, and its fine cluster.
    private struct Word {
        var start: Int32, count: Int32, fine: UInt16
    }

    /// The words back to back, in NFC (so that bytes compare as strings do).
    private let bytes: [UInt8]
    private let words: [Word]
    /// Open addressing by the FNV-1a of a word's bytes: an index into
    /// `words`, -1 where free. Reading 80,000 lines into a dictionary of
    /// strings took most of a small run's model loading.
    private let slots: [Int32]
    private let mask: Int

    static let shared = WordClusters(table: WordClusterData.table)

    init(table: String) {
        var bytes: [UInt8] = [], words: [Word] = []
        bytes.reserveCapacity(table.utf8.count)
        words.reserveCapacity(80_000)
        var table = table
        table.withUTF8 { source in
            var lineStart = 0
            while lineStart < source.count {
                var lineEnd = lineStart
                while lineEnd < source.count, source[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                var space = lineEnd - 1
                while space >= lineStart, source[space] != UInt8(ascii: " ") { space -= 1 }
                guard space >= lineStart, let fine = Self.number(UnsafeBufferPointer(rebasing: source[(space + 1)..<lineEnd])) else { continue }
                let word = UnsafeBufferPointer(rebasing: source[lineStart..<space])
                let start = bytes.count
                if word.allSatisfy({ $0 < 0x80 }) {
                    bytes.append(contentsOf: word)
                } else {
                    bytes.append(contentsOf: String(decoding: word, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
                }
                words.append(Word(start: Int32(start), count: Int32(bytes.count - start), fine: fine))
            }
        }
        var capacity = 16
        while capacity < words.count * 2 { capacity *= 2 }
        var slots = [Int32](repeating: -1, count: capacity)
        bytes.withUnsafeBufferPointer { bytes in
            for (index, word) in words.enumerated() {
                let key = UnsafeBufferPointer(rebasing: bytes[Int(word.start)..<Int(word.start + word.count)])
                var slot = Int(truncatingIfNeeded: StableHash.fnv1a(key)) & (capacity - 1)
                // A word listed twice takes its last cluster, as a dictionary's assignment would.
                while slots[slot] >= 0, !Self.holds(words[Int(slots[slot])], key, in: bytes) { slot = (slot + 1) & (capacity - 1) }
                slots[slot] = Int32(index)
            }
        }
        self.bytes = bytes
        self.words = words
        self.slots = slots
        mask = capacity - 1
    }

    private static func holds(_ word: Word, _ key: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        Int(word.count) == key.count && (key.isEmpty || memcmp(bytes.baseAddress! + Int(word.start), key.baseAddress!, key.count) == 0)
    }

    private func fine(of key: UnsafeBufferPointer<UInt8>) -> UInt16? {
        bytes.withUnsafeBufferPointer { bytes in
            var slot = Int(truncatingIfNeeded: StableHash.fnv1a(key)) & mask
            while slots[slot] >= 0 {
                let word = words[Int(slots[slot])]
                if Self.holds(word, key, in: bytes) { return word.fine }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    /// The number the bytes write, as `UInt16(_:)` reads it, with a fast
    /// path for plain digits.
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt16? {
        guard !bytes.isEmpty, bytes.count <= 5, bytes.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            return UInt16(String(decoding: bytes, as: UTF8.self))
        }
        let value = bytes.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        return value <= Int(UInt16.max) ? UInt16(value) : nil
    }

    /// `lowercased`: the word in lower case, as GloVe's vocabulary is. A
    /// word found under another form of the same characters (not in NFC)
    /// is its NFC form's, as with strings.
    func path(_ lowercased: String) -> Path? {
        var word = lowercased
        var fine = word.withUTF8(fine(of:))
        if fine == nil, !word.utf8.allSatisfy({ $0 < 0x80 }) {
            var composed = word.precomposedStringWithCanonicalMapping
            fine = composed.withUTF8(fine(of:))
        }
        return fine.map { Path(fine: $0, middle: WordClusterData.middle[Int($0)], coarse: WordClusterData.coarse[Int($0)]) }
    }
}
