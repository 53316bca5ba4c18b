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
}
