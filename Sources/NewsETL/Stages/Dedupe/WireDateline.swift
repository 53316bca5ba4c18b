import Foundation

/// The date in a wire report's dateline ("LONDON, March 4 (Reuters) -",
/// "NEW YORK, Aug. 20 -", "BRUSSELS 1996-08-22"), for telling one day's
/// edition of a templated report from the next when the report has no
/// publication date. Used by dedupe only: a dateline without a year is not
/// a date an analyst could use, so it never reaches a dataset.
enum WireDateline {
    /// A day to compare: days since 1970 when the dateline has a year;
    /// otherwise `-(month × 32 + day)`, a day of some year, which
    /// `DedupeStage.tooFarApart` compares by its place in the year.
    static func day(in text: String) -> Double? {
        let head = String(text.unicodeScalars.prefix(400))
        let range = NSRange(head.startIndex..., in: head)
        guard let match = pattern.firstMatch(in: head, range: range) else { return nil }
        func group(_ index: Int) -> String? {
            Range(match.range(at: index), in: head).map { String(head[$0]) }
        }
        if let iso = group(1) { return DateParser.dayNumber(iso) }
        guard let monthWord = group(2), let month = DateParser.months[monthWord.lowercased()],
              let dayText = group(3), let day = Int(dayText), (1...31).contains(day) else { return nil }
        if let year = group(4), let full = DateParser.dayNumber(String(format: "%@-%02d-%02d", year, month, day)) { return full }
        return -Double(month * 32 + day)
    }

    /// A place in capitals at the start of a line, then an ISO date or a
    /// month and day (and perhaps a year), then an agency in brackets or a dash.
    private static let pattern = try! NSRegularExpression(
        pattern: #"(?m)^[A-Z][A-Z .'-]{1,40}(?:,\s*[A-Za-z .]{1,30})?[,]?\s+(?:(\d{4}-\d{2}-\d{2})|([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:,\s*(\d{4}))?)\s*(?:\([^)]{1,40}\)\s*)?[-–—]"#)

    /// Whether two days, either of them perhaps without a year, are more than `limit` days apart.
    static func apart(_ left: Double, _ right: Double, more limit: Double) -> Bool {
        if left >= 0 && right >= 0 { return abs(left - right) > limit }
        let a = dayOfYear(left), b = dayOfYear(right)
        let distance = abs(a - b)
        return min(distance, 366 - distance) > limit
    }

    /// Month × 31 + day as a rough day of the year, for either encoding.
    private static func dayOfYear(_ day: Double) -> Double {
        if day < 0 {
            let code = Int(-day)
            return Double((code / 32 - 1) * 31 + code % 32)
        }
        let (_, month, dayOfMonth) = DateParser.civilDate(Int(day.rounded(.down)))
        return Double((month - 1) * 31 + dayOfMonth)
    }
}
