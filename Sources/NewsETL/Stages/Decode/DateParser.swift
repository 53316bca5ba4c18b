import Foundation

/// Reads publication dates as pages and datelines write them and normalises
/// them to ISO 8601: `2022-01-11`, `2022-01-11T10:20`, and
/// `2022-01-11T10:20:00+02:00` when the source gives seconds or an offset.
public enum DateParser {
    /// Machine-written dates from metadata (`article:published_time`,
    /// `<time datetime>`, JSON-LD `datePublished`), falling back to the human
    /// forms for the pages that put prose there.
    public static func parseMachineDate(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return parseISO(Array(trimmed.utf8)) ?? parseDateline(trimmed)
    }

    /// A complete date (day, month and year) written out in a dateline, such as
    /// `Wednesday, January 12, 2022`, `12 Jan. 2022` or
    /// `January 11, 2022, Tuesday // 10:20`; a time on the same line is kept.
    public static func parseDateline(_ line: String) -> String? {
        guard hasYearLikeNumber(line) else { return nil }
        let tokens = tokenize(line)
        for (index, token) in tokens.enumerated() {
            if case .word(let word) = token, let isoDate = isoDateToken(word) {
                guard !isoDate.contains("T"), let time = tokens[(index + 1)...].lazy.compactMap(timeValue).first else { return isoDate }
                return isoDate + "T" + time
            }
            guard let date = dateStarting(at: index, in: tokens) else { continue }
            let time = tokens[(index + date.length)...].lazy.compactMap(timeValue).first
            return format(year: date.year, month: date.month, day: date.day, time: time)
        }
        return nil
    }

    // MARK: - ISO forms

    private static func parseISO(_ bytes: [UInt8]) -> String? {
        var reader = DigitReader(bytes: bytes)
        guard let year = reader.number(digits: 4), (1000...2999).contains(year),
              let separator = reader.peek(), separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/") else { return nil }
        reader.skip()
        guard let month = reader.number(digits: 2), reader.consume(separator),
              let day = reader.number(digits: 2), isValid(year: year, month: month, day: day) else { return nil }
        guard reader.consume(UInt8(ascii: "T")) || reader.consume(UInt8(ascii: " ")) else {
            return reader.atEnd || !reader.peekIsDigit ? format(year: year, month: month, day: day, time: nil) : nil
        }
        guard let hour = reader.number(digits: 2), reader.consume(UInt8(ascii: ":")),
              let minute = reader.number(digits: 2), hour < 24, minute < 60 else {
            return format(year: year, month: month, day: day, time: nil)
        }
        var time = String(format2(hour)) + ":" + format2(minute)
        if reader.consume(UInt8(ascii: ":")), let second = reader.number(digits: 2), second < 61 {
            time += ":" + format2(second)
            if reader.consume(UInt8(ascii: ".")) || reader.consume(UInt8(ascii: ",")) { reader.skipDigits() }
        }
        if reader.consume(UInt8(ascii: "Z")) {
            time += "Z"
        } else if let sign = reader.peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            reader.skip()
            if let offsetHours = reader.number(digits: 2), offsetHours <= 14 {
                _ = reader.consume(UInt8(ascii: ":"))
                let offsetMinutes = reader.number(digits: 2) ?? 0
                time += String(UnicodeScalar(sign)) + format2(offsetHours) + ":" + format2(offsetMinutes)
            }
        }
        return format(year: year, month: month, day: day, time: time)
    }

    private static func isoDateToken(_ word: String) -> String? {
        guard word.utf8.count >= 10, word.utf8.first.map({ (0x30...0x39).contains($0) }) == true else { return nil }
        return parseISO(Array(word.utf8))
    }

    // MARK: - Written-out forms

    private enum Token: Equatable {
        case word(String)
        case number(Int)
        case time(String)
    }

    private static func tokenize(_ line: String) -> [Token] {
        let separators: Set<Character> = [" ", ",", "|", "\t", "\u{00A0}", ".", ";", "(", ")", "[", "]"]
        var tokens: [Token] = []
        for piece in line.lowercased().split(whereSeparator: separators.contains) {
            let word = String(piece)
            if let number = Int(word), number >= 0 {
                tokens.append(.number(number))
            } else if let time = parseTime(word) {
                tokens.append(.time(time))
            } else if word.count > 2, let value = Int(word.dropLast(2)), ["st", "nd", "rd", "th"].contains(String(word.suffix(2))) {
                tokens.append(.number(value))
            } else {
                tokens.append(.word(word))
            }
        }
        return tokens
    }

    /// Whether the line has four digits in a row: no year, no full date.
    static func hasYearLikeNumber(_ line: String) -> Bool {
        var run = 0
        for byte in line.utf8 {
            run = (0x30...0x39).contains(byte) ? run + 1 : 0
            if run == 4 { return true }
        }
        return false
    }

    private static func dateStarting(at index: Int, in tokens: [Token]) -> (year: Int, month: Int, day: Int, length: Int)? {
        guard index + 2 < tokens.count else { return nil }
        let first = tokens[index], second = tokens[index + 1], third = tokens[index + 2]
        if case .word(let name) = first, let month = monthNumber(name),
           case .number(let day) = second, case .number(let year) = third,
           isValid(year: year, month: month, day: day) {
            return (year, month, day, 3)
        }
        if case .number(let day) = first, case .word(let name) = second, let month = monthNumber(name),
           case .number(let year) = third, isValid(year: year, month: month, day: day) {
            return (year, month, day, 3)
        }
        return nil
    }

    private static func timeValue(_ token: Token) -> String? {
        if case .time(let time) = token { return time }
        return nil
    }

    /// `10:20`, `9:05`, `10:20:30`; a trailing `am`/`pm` glued on is honoured.
    private static func parseTime(_ word: String) -> String? {
        guard word.contains(":") else { return nil }
        var text = word
        var pm = false, am = false
        if text.hasSuffix("pm") { pm = true; text.removeLast(2) } else if text.hasSuffix("am") { am = true; text.removeLast(2) }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(\.isNumber) }),
              var hour = Int(parts[0]), let minute = Int(parts[1]), parts[1].count == 2, hour < 24, minute < 60 else { return nil }
        if pm, hour < 12 { hour += 12 }
        if am, hour == 12 { hour = 0 }
        var result = format2(hour) + ":" + format2(minute)
        if parts.count == 3, let second = Int(parts[2]), second < 61 { result += ":" + format2(second) }
        return result
    }

    /// Month names and abbreviations (lowercase) to month numbers.
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
        "december": 12, "dec": 12,
    ]

    private static func monthNumber(_ word: String) -> Int? { months[word] }

    /// Words a dateline may hold besides the date itself (lower case): the
    /// clean stage's page furniture and decode's dateline both read these.
    static let datelineFurniture: Set<String> = [
        "posted", "published", "updated", "last", "modified", "on", "at", "am", "pm", "gmt", "utc", "et", "est", "edt",
        "cet", "cest", "bst", "pst", "pdt", "ist", "date", "time", "created", "filed", "issued", "st", "nd", "rd", "th",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu",
        "fri", "sat", "sun", "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "h", "hrs", "ago", "of",
    ]

    /// Days since 1970-01-01 (with the time of day as a fraction) of a
    /// normalised date (`2022-01-11`, `2022-01-11T10:20`); offsets ignored.
    public static func dayNumber(_ iso: String) -> Double? {
        let bytes = Array(iso.utf8)
        var reader = DigitReader(bytes: bytes)
        guard let year = reader.number(digits: 4), reader.consume(UInt8(ascii: "-")), let month = reader.number(digits: 2),
              reader.consume(UInt8(ascii: "-")), let day = reader.number(digits: 2), isValid(year: year, month: month, day: day) else {
            return nil
        }
        var fraction = 0.0
        if reader.consume(UInt8(ascii: "T")), let hour = reader.number(digits: 2), reader.consume(UInt8(ascii: ":")),
           let minute = reader.number(digits: 2) {
            fraction = (Double(hour) * 60 + Double(minute)) / 1440
        }
        // Days from civil date (proleptic Gregorian), after Howard Hinnant.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return Double(era * 146_097 + dayOfEra - 719_468) + fraction
    }

    /// `YYYY-MM-DD` of a day number (days since 1970-01-01).
    static func isoDay(_ day: Int) -> String {
        let date = civilDate(day)
        return isoDay(year: date.year, month: date.month, day: date.day)
    }

    /// `YYYY-MM-DD`.
    static func isoDay(year: Int, month: Int, day: Int) -> String {
        isoMonth(year: year, month: month) + "-" + zeroPadded(day, width: 2)
    }

    /// `YYYY-MM`.
    static func isoMonth(year: Int, month: Int) -> String {
        zeroPadded(year, width: 4) + "-" + zeroPadded(month, width: 2)
    }

    /// `value` in at least `width` characters, as `%0*d` writes it (a
    /// minus sign counts in the width); without Foundation's formatter,
    /// which the report calls for every day of a span.
    static func zeroPadded(_ value: Int, width: Int) -> String {
        let digits = String(value.magnitude)
        let sign = value < 0 ? "-" : ""
        return sign + String(repeating: "0", count: max(0, width - sign.count - digits.count)) + digits
    }

    /// The civil date of a day number (days since 1970-01-01), the inverse
    /// of `dayNumber`; after Howard Hinnant.
    static func civilDate(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    // MARK: - Calendar and formatting

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1000...2999).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    private static func format(year: Int, month: Int, day: Int, time: String?) -> String {
        let date = "\(year)-\(format2(month))-\(format2(day))"
        return time.map { date + "T" + $0 } ?? date
    }

    private static func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

/// Reads fixed-width ASCII digits and separators off a byte array.
private struct DigitReader {
    let bytes: [UInt8]
    var position = 0

    var atEnd: Bool { position >= bytes.count }
    var peekIsDigit: Bool { peek().map { (0x30...0x39).contains($0) } ?? false }

    func peek() -> UInt8? { atEnd ? nil : bytes[position] }
    mutating func skip() { position += 1 }

    mutating func consume(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        position += 1
        return true
    }

    mutating func number(digits: Int) -> Int? {
        guard position + digits <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[position..<(position + digits)] {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        position += digits
        return value
    }

    mutating func skipDigits() {
        while peekIsDigit { position += 1 }
    }
}
