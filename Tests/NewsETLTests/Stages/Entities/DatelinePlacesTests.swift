import Testing
@testable import NewsETL

@Suite struct DatelinePlacesTests {
    private func places(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return DatelinePlaces.places(in: scalars).map { String(String.UnicodeScalarView(scalars[$0])) }
    }

    @Test(arguments: [
        ("LONDON 1996-08-30", "LONDON"),
        ("NEW YORK, March 4 (Reuters) - Stocks rose.", "NEW YORK"),
        ("VALMORA, 6. März 2025 - Zwei Tage nach der Sturmflut", "VALMORA"),
        ("WASHINGTON (AP) — The Senate voted.", "WASHINGTON"),
        ("ST. PETERSBURG, Aug. 20, 1996 -", "ST. PETERSBURG"),
        // Digits of another script are digits to the pattern, and to the check before it.
        ("CAIRO ١٩٩٦-٠٨-٣٠", "CAIRO"),
    ])
    func readsThePlaceOfADateline(line: String, place: String) {
        #expect(places("Headline\n\n" + line + "\nMore text.") == [place])
    }

    @Test(arguments: [
        "RESULTS",
        "SPORTS (UPDATE)",
        "LONDON is where the talks were held.",
        "NATO, Monday 4 -",
        "Valmora, March 4 - lowercase place",
        "UK RATES UNCHANGED - BANK",
        "BREAKING: MINISTER RESIGNS -",
    ])
    func leavesOtherLinesAlone(line: String) {
        #expect(places(line).isEmpty)
    }

    /// The tagger sees a word in capitals; the dateline says it is a place.
    @Test func makesTheDatelinePlaceALocation() {
        let text = "VALMORA, March 4 (Meridian Press) - A storm surge forced 4,200 people from their homes."
        let found = EntityExtractor(tagger: .builtIn).mentions(in: text, published: nil).map(\.mention)
        #expect(found.contains { $0.text == "VALMORA" && $0.kind == .location && $0.start == 0 }, "\(found)")
    }
}
