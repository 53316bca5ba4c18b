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
}
