import Testing
@testable import NewsETL

@Suite struct DateParserTests {
    @Test(arguments: [
        ("Wednesday, January 12, 2022", "2022-01-12"),
        ("January 11, 2022, Tuesday // 10:20", "2022-01-11T10:20"),
        ("Russia | January 11, 2022, Tuesday // 10:20|\u{00A0} views", "2022-01-11T10:20"),
        ("12 Jan. 2022", "2022-01-12"),
        ("Posted 3rd March 2025 at 9:05pm", "2025-03-03T21:05"),
        ("Sept 30, 2021", "2021-09-30"),
        ("Updated 2024-02-29 08:00", "2024-02-29T08:00"),
    ])
    func readsDatelines(line: String, expected: String) {
        #expect(DateParser.parseDateline(line) == expected)
    }

    @Test(arguments: [
        "On January 10, talks were held in Geneva.",
        "February 30, 2022",
        "Meeting at 10:20 in room 5",
        "Tags: Russia, US, talks",
    ])
    func ignoresLinesWithoutAValidFullDate(line: String) {
        #expect(DateParser.parseDateline(line) == nil)
    }

    @Test(arguments: [
        ("2025-03-04T11:20:00+01:00", "2025-03-04T11:20:00+01:00"),
        ("2025-03-04T09:05:00Z", "2025-03-04T09:05:00Z"),
        ("2025-03-04T09:05:00.123+0530", "2025-03-04T09:05:00+05:30"),
        ("2025-03-05", "2025-03-05"),
        ("2008/01/16", "2008-01-16"),
        ("Tue, 4 Mar 2025 10:20:00 GMT", "2025-03-04T10:20:00"),
    ])
    func readsMachineDates(value: String, expected: String) {
        #expect(DateParser.parseMachineDate(value) == expected)
    }

    @Test func rejectsImpossibleMachineDates() {
        #expect(DateParser.parseMachineDate("2023-02-29") == nil)
        #expect(DateParser.parseMachineDate("not a date") == nil)
    }

    /// Dates and times are padded as `%0*d` pads them (the values in the
    /// datasets did not change when Foundation's formatter was replaced).
    @Test func padsAsPrintfDoes() {
        for value in [-12345, -100, -5, -1, 0, 1, 9, 10, 99, 100, 999, 1000, 2025, 12345] {
            for width in 1...5 {
                #expect(DateParser.zeroPadded(value, width: width) == String(format: "%0\(width)d", value))
            }
        }
        for day in stride(from: -800_000, to: 800_000, by: 997) {
            let date = DateParser.civilDate(day)
            #expect(DateParser.isoDay(day) == String(format: "%04d-%02d-%02d", date.year, date.month, date.day))
        }
    }
}
