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

    /// For each list, its entries as token sequences keyed by first token.
    private let entries: [List: [String: [[String]]]]
    /// The same keyed by uppercased first token, for text in capitals (headlines).
    private let upperEntries: [List: [String: [[String]]]]

    static let shared = Gazetteer(lists: [
        .place: GazetteerData.places, .organisation: GazetteerData.organisations, .demonym: GazetteerData.demonyms,
        .firstName: GazetteerData.firstNames, .title: GazetteerData.titles,
    ])

    init(lists: [List: String]) {
        var entries: [List: [String: [[String]]]] = [:]
        var upperEntries: [List: [String: [[String]]]] = [:]
        for (list, text) in lists {
            var byFirst: [String: [[String]]] = [:]
            for line in text.split(separator: "\n") {
                let words = Tokenizer.tokens(String(line)).map(\.text)
                guard let first = words.first else { continue }
                byFirst[first, default: []].append(words)
            }
            for key in byFirst.keys { byFirst[key]!.sort { $0.count > $1.count } }
            entries[list] = byFirst
            var upper: [String: [[String]]] = [:]
            for sequences in byFirst.values {
                for words in sequences { upper[words[0].uppercased(), default: []].append(words.map { $0.uppercased() }) }
            }
            for key in upper.keys { upper[key]!.sort { $0.count > $1.count } }
            upperEntries[list] = upper
        }
        self.entries = entries
        self.upperEntries = upperEntries
    }

    /// Whether `name` (one word, as written) is a whole entry of `list`.
    func contains(_ name: String, in list: List) -> Bool {
        entries[list]?[name]?.contains { $0.count == 1 } ?? false
    }

    /// Per token, the lists whose entries cover it, with whether the token
    /// begins the entry: `(list, isFirst)`.
    func annotate(_ words: [String]) -> [[(list: List, isFirst: Bool)]] {
        var result = [[(list: List, isFirst: Bool)]](repeating: [], count: words.count)
        let inCapitals = words.map(LetterCase.isAllCapitals)
        for list in List.allCases {
            guard let byFirst = entries[list], let upper = upperEntries[list] else { continue }
            var index = 0
            while index < words.count {
                let word = words[index]
                let capitals = inCapitals[index]
                func longestMatch(_ candidates: [[String]]?) -> [String]? {
                    candidates?.first { entry in
                        index + entry.count <= words.count && zip(entry, words[index...]).allSatisfy { $0 == $1 }
                    }
                }
                // An acronym ("RIA Novosti") matches as written; other words in capitals, as a headline.
                guard let match = longestMatch(byFirst[word]) ?? (capitals ? longestMatch(upper[word]) : nil) else {
                    // A hyphenated first name ("Jean-Pierre") is a first name when its first part is.
                    if list == .firstName, let dash = word.firstIndex(of: "-"), byFirst[String(word[..<dash])] != nil {
                        result[index].append((list, true))
                    }
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
