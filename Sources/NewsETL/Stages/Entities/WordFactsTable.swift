import Foundation

/// What the tagger's features take from one word on its own — its lower
/// case and shape as bytes, its clusters, and the hashes of the features
/// that name only this word — worked out once per distinct word as written.
/// A token's features are then mostly these hashes; only the few that pair
/// a word with a neighbour or with the previous tag are hashed per token,
/// from the bytes kept here. Before, every token hashed some twenty
/// strings and lower-cased, shaped and looked up its word again.
struct WordFacts {
    /// The word in lower case and its shape, as ranges of `WordFactsTable.bytes`.
    var lower: Range<Int32>
    var shape: Range<Int32>
    var capitalised: Bool
    /// The first character is a letter (for a sentence's headline test).
    var startsWithLetter: Bool
    var hasHyphen: Bool
    /// Letters and upper-case letters among the word's scalars.
    var letters: Int32
    var capitals: Int32
    var cluster: WordClusters.Path?
    /// The hashes of the features that name only this word.
    var hashes: TaggerFeatures.WordHashes
    /// What the gazetteer matches the word by.
    var gazetteer: Gazetteer.WordKeys
}

/// The `WordFacts` of the words seen so far, by word as written, with the
/// bytes they point into. Kept across documents by `WordFactsTables`: in
/// news most tokens are words seen before, so most of a token's features
/// cost one dictionary look-up.
struct WordFactsTable {
    private(set) var facts: [WordFacts] = []
    private(set) var bytes: [UInt8] = []
    private var ids: [String: Int32] = [:]

    var count: Int { facts.count }

    /// The id of `word`'s facts, working them out the first time.
    mutating func id(of word: String) -> Int32 {
        if let id = ids[word] { return id }
        let id = Int32(facts.count)
        facts.append(makeFacts(word))
        ids[word] = id
        return id
    }

    private mutating func makeFacts(_ word: String) -> WordFacts {
        let lower = word.lowercased()
        let shape = TaggerFeatures.shape(word)
        let (letters, capitals) = LetterCase.letterCounts(word.unicodeScalars)
        return WordFacts(
            lower: append(lower), shape: append(shape), capitalised: LetterCase.startsUppercase(word),
            startsWithLetter: word.first?.isLetter ?? false, hasHyphen: word.utf8.contains(UInt8(ascii: "-")),
            letters: Int32(letters), capitals: Int32(capitals), cluster: WordClusters.shared.path(lower),
            hashes: TaggerFeatures.WordHashes(lower: lower, shape: shape), gazetteer: Gazetteer.shared.keys(of: word))
    }

    private mutating func append(_ text: String) -> Range<Int32> {
        let start = Int32(bytes.count)
        bytes.append(contentsOf: text.utf8)
        return start..<Int32(bytes.count)
    }
}

/// Word facts tables for the threads that tag at the same time: a document
/// takes one, tags with it and gives it back, so tables grow with no lock
/// held while tagging. What a table holds changes only how fast a sentence
/// is tagged, never its tags, so which table a document gets does not
/// matter to the outputs. A table that has grown past `maxWords` is
/// dropped, which bounds the memory of a run over any vocabulary.
final class WordFactsTables: @unchecked Sendable {
    /// Guards `spare` (a pthread mutex, which ThreadSanitizer follows).
    private let lock = NSLock()
    private var spare: [WordFactsTable] = []
    let maxWords: Int

    init(maxWords: Int = 200_000) {
        self.maxWords = maxWords
    }

    /// Runs `body` with a table no other thread is using.
    func withTable<Result>(_ body: (inout WordFactsTable) -> Result) -> Result {
        var table = lock.withLock { spare.popLast() } ?? WordFactsTable()
        let result = body(&table)
        if table.count <= maxWords { lock.withLock { spare.append(table) } }
        return result
    }
}
