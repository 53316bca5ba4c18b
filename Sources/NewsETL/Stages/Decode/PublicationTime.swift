/// The two forms of a publication date in the datasets, from the ISO 8601
/// value decode keeps (`2012-03-14`, `2012-03-14T10:20`,
/// `2012-03-14T10:20:00+01:00`): the calendar date as the source states it,
/// one shape throughout; and the instant in UTC, only when the source gives
/// a time and its offset — a time without an offset, or no time, is not an
/// instant, and no midnight is invented.
enum PublicationTime {
    /// `YYYY-MM-DD`.
    static func date(_ iso: String?) -> String? {
        guard let iso, iso.utf8.count >= 10 else { return nil }
        let date = String(iso.prefix(10))
        return DateParser.dayNumber(date) == nil ? nil : date
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`.
    static func utc(_ iso: String?) -> String? {
        guard let iso, let date = date(iso), let day = DateParser.dayNumber(date) else { return nil }
        let rest = Array(iso.utf8.dropFirst(10))
        guard rest.first == UInt8(ascii: "T"), rest.count >= 6 else { return nil }
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= rest.count else { return nil }
            return Int(String(decoding: rest[from..<(from + count)], as: UTF8.self))
        }
        guard let hour = number(1, 2), let minute = number(4, 2), rest[3] == UInt8(ascii: ":") else { return nil }
        var index = 6
        var second = 0
        if index < rest.count, rest[index] == UInt8(ascii: ":"), let value = number(index + 1, 2) {
            second = value
            index += 3
        }
        guard index < rest.count else { return nil }
        var offsetMinutes = 0
        switch rest[index] {
        case UInt8(ascii: "Z"): break
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard let hours = number(index + 1, 2), let minutes = number(index + 4, 2) else { return nil }
            offsetMinutes = (hours * 60 + minutes) * (rest[index] == UInt8(ascii: "-") ? -1 : 1)
        default: return nil
        }
        let total = Int(day) * 1440 + hour * 60 + minute - offsetMinutes
        let utcDay = Int((Double(total) / 1440).rounded(.down))
        let minuteOfDay = total - utcDay * 1440
        let civil = DateParser.civilDate(utcDay)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(civil.year)-\(two(civil.month))-\(two(civil.day))T\(two(minuteOfDay / 60)):\(two(minuteOfDay % 60)):\(two(second))Z"
    }
}
