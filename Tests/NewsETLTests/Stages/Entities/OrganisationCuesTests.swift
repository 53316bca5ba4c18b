import Testing
@testable import NewsETL

@Suite struct OrganisationCuesTests {
    /// A club or company named after its city is an organisation when the words beside it say so.
    @Test func readsClubsAndCompaniesNamedAfterPlaces() {
        let text = "Juventus beat rivals Milan 2-1 in Turin, and the Milan coach blamed the referee. Leeds fans travelled from Leeds."
        let found = EntityExtractor(tagger: .builtIn).mentions(in: text, published: nil).map(\.mention)
        let milan = found.filter { $0.text == "Milan" }.map(\.kind)
        #expect(milan == [.organization, .organization], "\(found)")
        #expect(found.contains { $0.text == "Turin" && $0.kind == .location })
        #expect(found.filter { $0.text == "Leeds" }.map(\.kind).first == .organization)
        #expect(found.filter { $0.text == "Leeds" }.map(\.kind).last == .location)
    }
}
