import Testing
@testable import NewsETL

@Suite struct PublicationTimeTests {
    @Test(arguments: [
        ("2012-03-14", "2012-03-14", nil),
        ("2012-03-14T10:20", "2012-03-14", nil),
        ("2025-03-04T11:20:00+01:00", "2025-03-04", "2025-03-04T10:20:00Z"),
        ("2012-03-14T23:30:15-05:00", "2012-03-14", "2012-03-15T04:30:15Z"),
        ("2012-01-01T00:10Z", "2012-01-01", "2012-01-01T00:10:00Z"),
        ("2012-03-01T01:00+05:30", "2012-03-01", "2012-02-29T19:30:00Z"),
    ] as [(String, String, String?)])
    func splitsIntoTheDateAndTheUTCInstant(iso: String, date: String, utc: String?) {
        #expect(PublicationTime.date(iso) == date)
        #expect(PublicationTime.utc(iso) == utc)
    }

    @Test func isEmptyWithoutADate() {
        #expect(PublicationTime.date(nil) == nil && PublicationTime.utc(nil) == nil)
        #expect(PublicationTime.date("2012") == nil)
    }
}
