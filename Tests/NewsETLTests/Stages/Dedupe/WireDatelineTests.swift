import Testing
@testable import NewsETL

@Suite struct WireDatelineTests {
    @Test func readsTheDayOfAWireDateline() {
        #expect(WireDateline.day(in: "FED ADDS RESERVES\nNEW YORK, March 4 (Reuters) - The Federal Reserve") == -Double(3 * 32 + 4))
        #expect(WireDateline.day(in: "BRUSSELS 1996-08-22 - Ministers met") == DateParser.dayNumber("1996-08-22"))
        #expect(WireDateline.day(in: "WASHINGTON, Aug. 20, 1996 - Talks") == DateParser.dayNumber("1996-08-20"))
        #expect(WireDateline.day(in: "The council met on March 4 to decide.") == nil)
    }

    /// Another day's edition of a templated report, no publication dates:
    /// the datelines keep them apart; the same day's re-send still joins.
    @Test func keepsAnotherDaysEditionApartByItsDateline() throws {
        let body = [
            "The Federal Reserve entered the government securities market to arrange 1.5 billion dlrs of customer repurchase agreements, a Fed spokesman said.",
            "Dealers said federal funds were trading at 6-1/8 pct when the Fed began its temporary and indirect supply of reserves to the banking system.",
            "The Fed also supplied 2.0 billion dlrs of reserves through overnight system repurchases at the same time as the customer agreements were arranged.",
        ]
        func edition(_ name: String, _ dateline: String) -> Document {
            DedupeStageTests.document(name, ["FED ADDS RESERVES VIA CUSTOMER REPURCHASES", "NEW YORK, \(dateline) - " + body[0]] + body.dropFirst())
        }
        let outcomes = try DedupeStageTests.run([edition("a.txt", "March 4"), edition("b.txt", "March 11"), edition("c.txt", "March 4")]).outcomes
        guard case .keep(let kept) = outcomes[1] else {
            Issue.record("another day's edition was merged: \(outcomes[1])")
            return
        }
        #expect(kept.duplicateCluster == nil)
        if case .duplicate(_, let record, _) = outcomes[2] { #expect(record.canonicalPath == "a.txt") } else { Issue.record("the re-send was not joined") }
    }
}
