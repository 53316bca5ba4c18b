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

    private let fineByWord: [String: UInt16]

    static let shared = WordClusters(table: WordClusterData.table)

    init(table: String) {
        var fineByWord: [String: UInt16] = [:]
        fineByWord.reserveCapacity(80_000)
        // One pass over the bytes: 80,000 lines are read at every start of
        // the process (a generic split and a string per number cost 3×).
        var table = table
        table.withUTF8 { bytes in
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                var space = lineEnd - 1
                while space >= lineStart, bytes[space] != UInt8(ascii: " ") { space -= 1 }
                guard space >= lineStart, let fine = Self.number(UnsafeBufferPointer(rebasing: bytes[(space + 1)..<lineEnd])) else { continue }
                fineByWord[String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<space]), as: UTF8.self)] = fine
            }
        }
        self.fineByWord = fineByWord
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

    /// `lowercased`: the word in lower case, as GloVe's vocabulary is.
    func path(_ lowercased: String) -> Path? {
        guard let fine = fineByWord[lowercased] else { return nil }
        return Path(fine: fine, middle: WordClusterData.middle[Int(fine)], coarse: WordClusterData.coarse[Int(fine)])
    }
}
