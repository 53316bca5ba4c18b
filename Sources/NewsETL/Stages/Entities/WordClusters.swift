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
        // Bytes, not Characters: 80,000 lines are read at every start of the process.
        for line in table.utf8.split(separator: UInt8(ascii: "\n")) {
            guard let space = line.lastIndex(of: UInt8(ascii: " ")),
                  let fine = UInt16(String(decoding: line[line.index(after: space)...], as: UTF8.self)) else { continue }
            fineByWord[String(decoding: line[..<space], as: UTF8.self)] = fine
        }
        self.fineByWord = fineByWord
    }

    /// `lowercased`: the word in lower case, as GloVe's vocabulary is.
    func path(_ lowercased: String) -> Path? {
        guard let fine = fineByWord[lowercased] else { return nil }
        return Path(fine: fine, middle: WordClusterData.middle[Int(fine)], coarse: WordClusterData.coarse[Int(fine)])
    }
}
