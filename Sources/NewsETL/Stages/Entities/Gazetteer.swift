/// Names the tagger should know even when its training data never showed
/// them: places, organisations and news agencies, demonyms, common first
/// names, and titles that announce a person ("Deputy Foreign Minister",
/// "spokeswoman"). Lists come from `GazetteerData` (sources named there).
///
/// Matching is on token sequences, longest first, case as written for
/// names (so "Turkey" the country, not "turkey" the bird) and for titles;
/// words written all in capitals (headlines) match in capitals, and a
/// hyphenated first name ("Jean-Pierre") counts when its first part does.
struct Gazetteer: Sendable {
    enum List: String, Sendable, CaseIterable {
        case place, organisation, demonym, firstName, title
    }

    /// What matching needs of one word, found once per distinct word (the
    /// entity stage keeps it with the word's other facts), so that a
    /// sentence is matched by comparing numbers, with no string hashed.
    struct WordKeys: Sendable, Equatable {
        /// The word's number among the entries' words as written, and among
        /// them in capitals; -1 when it is none of them.
        var asWritten: Int32
        var inCapitals: Int32
        /// Written all in capitals: it may begin an entry in capitals.
        var allCapitals: Bool
        /// Hyphenated, with a first name before the hyphen ("Jean-Pierre").
        var hyphenatedFirstName: Bool
    }

    private typealias Entries = [(list: List, sequences: [[Int32]])]

    /// The numbers of the entries' words as written, and in capitals.
    private let wordNumbers: [String: Int32]
    private let wordNumbersInCapitals: [String: Int32]
    /// Entries as sequences of word numbers, by the number of their first
    /// word, with their list, longest first within a list: one look-up per
    /// word finds all lists.
    private let entries: [Entries]
    /// The same in capitals (for headlines), by the number of the first word in capitals.
    private let entriesInCapitals: [Entries]
    /// First names, for the first part of a hyphenated name.
    private let firstNames: Set<String>

    static let shared = Gazetteer(lists: [
        .place: GazetteerData.places, .organisation: GazetteerData.organisations, .demonym: GazetteerData.demonyms,
        .firstName: GazetteerData.firstNames, .title: GazetteerData.titles,
    ])

    init(lists: [List: String]) {
        var words: [String: Int32] = [:], wordsInCapitals: [String: Int32] = [:]
        func number(_ word: String, in numbers: inout [String: Int32]) -> Int32 {
            if let number = numbers[word] { return number }
            let number = Int32(numbers.count)
            numbers[word] = number
            return number
        }
        var entries: [Entries] = [], entriesInCapitals: [Entries] = []
        var firstNames = Set<String>()
        for list in List.allCases {
            guard let text = lists[list] else { continue }
            var byFirst: [Int32: [[Int32]]] = [:], inCapitalsByFirst: [Int32: [[Int32]]] = [:]
            for line in text.split(separator: "\n") {
                let entry = Tokenizer.tokens(String(line)).map(\.text)
                guard let first = entry.first else { continue }
                let numbers = entry.map { number($0, in: &words) }
                byFirst[numbers[0], default: []].append(numbers)
                let numbersInCapitals = entry.map { number($0.uppercased(), in: &wordsInCapitals) }
                inCapitalsByFirst[numbersInCapitals[0], default: []].append(numbersInCapitals)
                if list == .firstName { firstNames.insert(first) }
            }
            entries += Array(repeating: [], count: words.count - entries.count)
            entriesInCapitals += Array(repeating: [], count: wordsInCapitals.count - entriesInCapitals.count)
            for (first, sequences) in byFirst { entries[Int(first)].append((list, sequences.sorted { $0.count > $1.count })) }
            for (first, sequences) in inCapitalsByFirst {
                entriesInCapitals[Int(first)].append((list, sequences.sorted { $0.count > $1.count }))
            }
        }
        wordNumbers = words
        wordNumbersInCapitals = wordsInCapitals
        self.entries = entries
        self.entriesInCapitals = entriesInCapitals
        self.firstNames = firstNames
    }

    /// The keys of one word as written.
    func keys(of word: String) -> WordKeys {
        // (The hyphen is looked for as a byte: a Character search costs more than the whole look-up.)
        var hyphenatedFirstName = false
        if let dash = word.utf8.firstIndex(of: UInt8(ascii: "-")), word[dash] == "-" {
            hyphenatedFirstName = firstNames.contains(String(word[..<dash]))
        }
        return WordKeys(asWritten: wordNumbers[word] ?? -1, inCapitals: wordNumbersInCapitals[word] ?? -1,
                        allCapitals: LetterCase.isAllCapitals(word), hyphenatedFirstName: hyphenatedFirstName)
    }

    /// Whether `name` (one word, as written) is a whole entry of `list`.
    func contains(_ name: String, in list: List) -> Bool {
        guard let number = wordNumbers[name] else { return false }
        return entries[Int(number)].contains { $0.list == list && $0.sequences.contains { $0.count == 1 } }
    }

    /// Per token, the lists whose entries cover it, with whether the token
    /// begins the entry: `(list, isFirst)`.
    func annotate(_ words: [String]) -> [[(list: List, isFirst: Bool)]] {
        annotate(keys: words.map(keys(of:)))
    }

    /// `annotate` of the words whose keys these are.
    func annotate(keys: [WordKeys]) -> [[(list: List, isFirst: Bool)]] {
        var result = [[(list: List, isFirst: Bool)]](repeating: [], count: keys.count)
        // Most words begin no entry of any list (nor are hyphenated first
        // names): only the words that may are visited, list by list.
        // An acronym ("RIA Novosti") matches as written; other words in capitals, as a headline.
        let starts = keys.indices.compactMap { index -> (index: Int, asWritten: Entries, inCapitals: Entries)? in
            let word = keys[index]
            let asWritten = word.asWritten >= 0 ? entries[Int(word.asWritten)] : []
            let inCapitals = word.allCapitals && word.inCapitals >= 0 ? entriesInCapitals[Int(word.inCapitals)] : []
            guard !asWritten.isEmpty || !inCapitals.isEmpty || word.hyphenatedFirstName else { return nil }
            return (index, asWritten, inCapitals)
        }
        for list in List.allCases {
            /// The length of the longest entry of `list` among `candidates` that the words from `index` on begin.
            func longestMatch(_ candidates: Entries, at index: Int, inCapitals: Bool) -> Int? {
                candidates.first { $0.list == list }?.sequences.first { entry in
                    index + entry.count <= keys.count && entry.indices.allSatisfy { offset in
                        entry[offset] == (inCapitals ? keys[index + offset].inCapitals : keys[index + offset].asWritten)
                    }
                }?.count
            }
            var next = 0
            for start in starts where start.index >= next {
                let index = start.index
                guard let length = longestMatch(start.asWritten, at: index, inCapitals: false)
                    ?? longestMatch(start.inCapitals, at: index, inCapitals: true) else {
                    if list == .firstName, keys[index].hyphenatedFirstName { result[index].append((list, true)) }
                    continue
                }
                for offset in 0..<length { result[index + offset].append((list, offset == 0)) }
                next = index + length
            }
        }
        return result
    }
}
