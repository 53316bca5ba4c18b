import Testing
@testable import NewsETL

@Suite struct EntityExtractorTests {
    /// A first name the tagger left out joins the name after it; a lowercase word is never a name.
    @Test func joinsALeftOutFirstNameAndSkipsLowercaseWords() {
        let found = EntityExtractor(tagger: .builtIn)
            .mentions(in: "Jean-Pierre Lacroix met the council in Geneva, and the Deputy Foreign Minister of Russia Sergei Ryabkov was there.",
                      published: nil).map(\.mention)
        let people = found.filter { $0.kind == .person }.map(\.text)
        #expect(people.contains("Jean-Pierre Lacroix") && people.contains("Sergei Ryabkov"), "\(people)")
        #expect(!found.contains { $0.text == "council" })
    }
}
