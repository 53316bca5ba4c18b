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

    /// A name does not run on into the words after it; one lowercase
    /// word may end a place ("Valmora harbour"), two do not.
    @Test func stopsANameBeforeTheWordsThatFollowIt() {
        let text = "Ferries resume as Valmora harbour reopens\n\nThe first ferry left Valmora harbour at 7 a.m. on Thursday."
        let found = EntityExtractor(tagger: .builtIn).mentions(in: text, published: nil).map(\.mention)
        #expect(!found.contains { $0.text.hasSuffix("reopens") }, "\(found.map(\.text))")
        #expect(found.contains { $0.text.hasPrefix("Valmora") && $0.kind == .location })
    }
}
