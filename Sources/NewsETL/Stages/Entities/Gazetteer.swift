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

    /// Entries as token sequences keyed by first token, with their list,
    /// longest first within a list: one look-up per word finds all lists.
    private let entries: [String: [(list: List, sequences: [[String]])]]
    /// The same keyed by uppercased first token, for text in capitals (headlines).
    private let upperEntries: [String: [(list: List, sequences: [[String]])]]
    /// First names, for the first part of a hyphenated name.
    private let firstNames: Set<String>

    static let shared = Gazetteer(lists: [
        .place: GazetteerData.places, .organisation: GazetteerData.organisations, .demonym: GazetteerData.demonyms,
        .firstName: GazetteerData.firstNames, .title: GazetteerData.titles,
    ])

    init(lists: [List: String]) {
        var entries: [String: [(list: List, sequences: [[String]])]] = [:]
        var upperEntries: [String: [(list: List, sequences: [[String]])]] = [:]
        var firstNames = Set<String>()
        for list in List.allCases {
            guard let text = lists[list] else { continue }
            var byFirst: [String: [[String]]] = [:]
            for line in text.split(separator: "\n") {
                let words = Tokenizer.tokens(String(line)).map(\.text)
                guard let first = words.first else { continue }
                byFirst[first, default: []].append(words)
            }
            var upper: [String: [[String]]] = [:]
            for sequences in byFirst.values {
                for words in sequences { upper[words[0].uppercased(), default: []].append(words.map { $0.uppercased() }) }
            }
            for (first, sequences) in byFirst {
                entries[first, default: []].append((list, sequences.sorted { $0.count > $1.count }))
            }
            for (first, sequences) in upper {
                upperEntries[first, default: []].append((list, sequences.sorted { $0.count > $1.count }))
            }
            if list == .firstName { firstNames = Set(byFirst.keys) }
        }
        self.entries = entries
        self.upperEntries = upperEntries
        self.firstNames = firstNames
    }

    /// Whether `name` (one word, as written) is a whole entry of `list`.
    func contains(_ name: String, in list: List) -> Bool {
        entries[name]?.contains { $0.list == list && $0.sequences.contains { $0.count == 1 } } ?? false
    }

    /// Per token, the lists whose entries cover it, with whether the token
    /// begins the entry: `(list, isFirst)`.
    func annotate(_ words: [String]) -> [[(list: List, isFirst: Bool)]] {
        var result = [[(list: List, isFirst: Bool)]](repeating: [], count: words.count)
        let asWritten = words.map { entries[$0] }
        let inCapitals = words.map { LetterCase.isAllCapitals($0) ? upperEntries[$0] : nil }
        // A hyphenated first name ("Jean-Pierre") is a first name when its first part is.
        // (Looked for as a byte: a Character search costs more than the whole look-up.)
        let hyphenatedFirstName = words.map { word in
            guard let dash = word.utf8.firstIndex(of: UInt8(ascii: "-")), word[dash] == "-" else { return false }
            return firstNames.contains(String(word[..<dash]))
        }
        for list in List.allCases {
            var index = 0
            while index < words.count {
                func longestMatch(_ candidates: [(list: List, sequences: [[String]])]?) -> [String]? {
                    candidates?.first { $0.list == list }?.sequences.first { entry in
                        index + entry.count <= words.count && zip(entry, words[index...]).allSatisfy { $0 == $1 }
                    }
                }
                // An acronym ("RIA Novosti") matches as written; other words in capitals, as a headline.
                // Most words begin no entry of any list: they are passed over without a search.
                guard asWritten[index] != nil || inCapitals[index] != nil,
                      let match = longestMatch(asWritten[index]) ?? longestMatch(inCapitals[index]) else {
                    if list == .firstName, hyphenatedFirstName[index] { result[index].append((list, true)) }
                    index += 1
                    continue
                }
                for offset in 0..<match.count { result[index + offset].append((list, offset == 0)) }
                index += match.count
            }
        }
        return result
    }
}
