import Testing
@testable import NewsETL

@Suite struct GazetteerTests {
    private let gazetteer = Gazetteer(lists: [
        .place: "New York\nYork\nOslo", .firstName: "Jean\nMarit", .title: "Deputy Foreign Minister\nMinister",
        .organisation: "RIA Novosti\nUnited Nations",
    ])

    private func annotations(_ words: [String]) -> [String] {
        gazetteer.annotate(words).map { $0.map { "\($0.list.rawValue)\($0.isFirst ? "+" : "")" }.joined(separator: ",") }
    }

    @Test func marksTheLongestEntryOfEachListAndHyphenatedFirstNames() {
        let words = ["Deputy", "Foreign", "Minister", "Jean-Pierre", "Lund", "visited", "New", "York", "and", "OSLO",
                     "with", "RIA", "Novosti", "and", "Marit", "."]
        #expect(annotations(words) == ["title+", "title", "title", "firstName+", "", "", "place+", "place", "",
                                       "place+", "", "organisation+", "organisation", "", "firstName+", ""])
    }

    @Test func matchesCaseAsWrittenOrAllInCapitals() {
        #expect(annotations(["new", "york", "NEW", "YORK", "Ria", "Novosti", "Jean-pierre", "jean-Pierre"]) ==
                ["", "", "place+", "place", "", "", "firstName+", ""])
    }

    /// A word's keys say which entry words it is, as written and in
    /// capitals, so that matching a sentence compares numbers only.
    @Test func keysNameTheEntryWordsAWordIs() {
        let york = gazetteer.keys(of: "York"), yorkInCapitals = gazetteer.keys(of: "YORK")
        #expect(york.asWritten >= 0 && york.inCapitals == -1 && !york.allCapitals)
        #expect(yorkInCapitals.asWritten == -1 && yorkInCapitals.inCapitals >= 0 && yorkInCapitals.allCapitals)
        #expect(gazetteer.keys(of: "RIA").asWritten >= 0 && gazetteer.keys(of: "RIA").inCapitals >= 0)
        #expect(gazetteer.keys(of: "harbour") == Gazetteer.WordKeys(asWritten: -1, inCapitals: -1, allCapitals: false, hyphenatedFirstName: false))
        #expect(gazetteer.keys(of: "Jean-Pierre").hyphenatedFirstName && !gazetteer.keys(of: "Jean").hyphenatedFirstName)
        #expect(gazetteer.keys(of: "Oslo") != gazetteer.keys(of: "York"))
    }

    /// Matching by word numbers marks what matching the words themselves
    /// does: longest entry first, list by list, as written or (from a word
    /// in capitals) in capitals, and hyphenated first names.
    @Test func marksWhatMatchingTheWordsThemselvesMarks() {
        let lists: [Gazetteer.List: [[String]]] = [
            .place: [["New", "York"], ["York"], ["Oslo"]], .firstName: [["Jean"], ["Marit"]],
            .title: [["Deputy", "Foreign", "Minister"], ["Minister"]], .organisation: [["RIA", "Novosti"], ["United", "Nations"]],
        ]
        func reference(_ words: [String]) -> [String] {
            var result = [[String]](repeating: [], count: words.count)
            for list in Gazetteer.List.allCases {
                let entries = (lists[list] ?? []).sorted { $0.count > $1.count }
                var index = 0
                while index < words.count {
                    let asWritten = entries.first { entry in
                        index + entry.count <= words.count && zip(entry, words[index...]).allSatisfy { $0 == $1 }
                    }
                    let inCapitals = LetterCase.isAllCapitals(words[index]) ? entries.first { entry in
                        index + entry.count <= words.count && zip(entry, words[index...]).allSatisfy { $0.uppercased() == $1 }
                    } : nil
                    if let match = asWritten ?? inCapitals {
                        for offset in 0..<match.count { result[index + offset].append("\(list.rawValue)\(offset == 0 ? "+" : "")") }
                        index += match.count
                    } else {
                        if list == .firstName, let dash = words[index].firstIndex(of: "-"),
                           lists[.firstName]!.contains([String(words[index][..<dash])]) {
                            result[index].append("\(list.rawValue)+")
                        }
                        index += 1
                    }
                }
            }
            return result.map { $0.joined(separator: ",") }
        }
        let vocabulary = ["New", "York", "NEW", "YORK", "Oslo", "OSLO", "Jean", "Jean-Pierre", "Marit", "Deputy", "Foreign",
                          "Minister", "MINISTER", "RIA", "Novosti", "NOVOSTI", "United", "Nations", "the", "said", "."]
        var generator = SplitMix(seed: 5)
        for _ in 0..<500 {
            let words = (0..<Int(generator.next() % 12)).map { _ in vocabulary[Int(generator.next() % UInt64(vocabulary.count))] }
            #expect(annotations(words) == reference(words), "\(words)")
        }
    }
}
