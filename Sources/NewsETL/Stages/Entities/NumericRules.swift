import Foundation

/// Dates, times, sums of money, percentages and quantities, found by rules
/// over tokens: "January 11, 2022", "on Monday", "December 17", "10:20",
/// "6 a.m.", "$60,000", "40 million euros", "10.5 pct", "3,000 troops",
/// "7.5 hours". Dates without a year, weekdays and "yesterday" are resolved
/// against the report's publication date when it is known.
public struct NumericRules: Sendable {
    public init() {}

    public func mentions(in tokens: [Token], text scalars: [Unicode.Scalar], published: String?) -> [EntityMention] {
        let reference = published.flatMap(DateParser.dayNumber).map { Int($0.rounded(.down)) }
        var result: [EntityMention] = []
        var index = 0
        func mention(_ kind: EntityMention.Kind, _ first: Int, _ last: Int, _ value: String?) -> EntityMention {
            EntityMention(kind: kind, text: String(scalars: scalars[tokens[first].start..<tokens[last].end]),
                          start: tokens[first].start, end: tokens[last].end, value: value)
        }
        while index < tokens.count {
            guard NumericRules.mayStartMention(tokens[index].text) else {
                index += 1
                continue
            }
            if let (length, value) = date(tokens, index, scalars: scalars, reference: reference) {
                result.append(mention(.date, index, index + length - 1, value))
                let month = DateParser.months[tokens[index].text.lowercased().trimmingTrailingPeriod]
                index += length
                // "January 9 and 10": the second day shares the month (and year).
                if let month, length == 2, index + 1 < tokens.count, ["and", "or", "to", "-", "–"].contains(tokens[index].text),
                   let day = dayNumber(tokens, index + 1), inOneParagraph(tokens, index - 1, index + 1, scalars),
                   !(index + 2 < tokens.count && DateParser.months[tokens[index + 2].text.lowercased()] != nil) {
                    let year = value.flatMap { Int($0.prefix(4)) }
                    result.append(mention(.date, index + 1, index + 1, iso(year: year, month: month, day: day, reference: reference)))
                    index += 2
                }
            } else if let (length, value) = time(tokens, index) {
                result.append(mention(.time, index, index + length - 1, value))
                index += length
            } else if let (kind, length, value, unit) = amount(tokens, index) {
                var found = mention(kind, index, index + length - 1, value)
                found.unit = unit
                result.append(found)
                index += length
            } else {
                index += 1
            }
        }
        return result
    }

    /// Whether a date, time or amount may start at a token of this text.
    /// Most tokens are words or punctuation that start none, and the rules
    /// cost thousands of instructions a token; this answers for them with
    /// a length and one or two set look-ups. Sound by construction: a word
    /// starts a mention only as one of `wordStarters` (any case, a full
    /// stop after it as `date` reads it) or of `codeStarters` (as written);
    /// numbers start with a digit; the only ASCII punctuation that starts
    /// one is `$`. Anything else not ASCII goes to the rules.
    static func mayStartMention(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        guard first < 0x80 else { return true }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            let length = text.utf8.count
            guard length <= longestStarter, starterHashes.mayHold(text) else { return false }
            if length <= longestCodeStarter, codeStarters.contains(text) { return true }
            guard length <= longestWordStarter + 1 else { return false }
            let lower = text.lowercased()
            return wordStarters.contains(lower) || wordStarters.contains(lower.trimmingTrailingPeriod)
        default:
            return currencySymbolStarts.contains(first) && currencySymbols[text] != nil
        }
    }

    /// The words that start a mention in any case: months, weekdays,
    /// "yesterday", "noon", "three".
    private static let wordStarters = Set(DateParser.months.keys).union(weekdays).union(relativeDays.keys)
        .union(clockWords.keys).union(numberWords.keys)
    private static let longestWordStarter = wordStarters.map(\.utf8.count).max() ?? 0
    /// The currency codes and prefixes that start an amount, as written: "USD", "Rs", "HK".
    private static let codeStarters = Set(currencyCodes.keys).union(dollarPrefixes.keys)
    private static let longestCodeStarter = codeStarters.map(\.utf8.count).max() ?? 0
    private static let longestStarter = max(longestCodeStarter, longestWordStarter + 1)
    /// The first bytes of the currency symbols ("$"): other punctuation starts nothing.
    private static let currencySymbolStarts = ByteFilter(currencySymbols.keys.compactMap(\.utf8.first))
    /// The starters' hashes, which rule out most words before a lower-cased copy and two set look-ups.
    private static let starterHashes = WordHashFilter(wordStarters.union(codeStarters))

    // MARK: - Dates

    private static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    private static let relativeDays = ["yesterday": -1, "today": 0, "tomorrow": 1]

    /// A date starting at `index`: its length in tokens and its ISO value.
    /// A date never reaches across a paragraph break ("1 March" ending one
    /// paragraph and "2000 GMT" starting the next are a date and a time), and a full stop
    /// after a month is the sentence's, not the date's, unless a day or a
    /// year follows the abbreviation ("Jan. 12").
    func date(_ tokens: [Token], _ index: Int, scalars: [Unicode.Scalar], reference: Int?) -> (Int, String?)? {
        let word = tokens[index].text
        let lower = word.lowercased().trimmingTrailingPeriod
        /// Token `next` continues the date that ends at token `next - 1`.
        func continues(_ next: Int) -> Bool { next < tokens.count && inOneParagraph(tokens, next - 1, next, scalars) }
        if let month = DateParser.months[lower], LetterCase.startsUppercase(word), lower != "may" || isNumber(tokens, index + 1) {
            var length = 1
            if continues(index + 1), tokens[index + 1].text == ".", continues(index + 2),
               dayNumber(tokens, index + 2) != nil || yearNumber(tokens, index + 2) != nil {
                length += 1
            }
            if continues(index + length), let day = dayNumber(tokens, index + length) {
                length += 1
                var year: Int?
                if continues(index + length + 1), tokens[index + length].text == ",",
                   let value = yearNumber(tokens, index + length + 1) {
                    year = value
                    length += 2
                } else if continues(index + length), let value = yearNumber(tokens, index + length) {
                    year = value
                    length += 1
                }
                return (length, iso(year: year, month: month, day: day, reference: reference))
            }
            if continues(index + length), let year = yearNumber(tokens, index + length) {
                return (length + 1, DateParser.isoMonth(year: year, month: month))
            }
            return (length, reference.map { nearestMonth(month, to: $0) })
        }
        if let day = dayNumber(tokens, index), continues(index + 1),
           let month = DateParser.months[tokens[index + 1].text.lowercased().trimmingTrailingPeriod],
           LetterCase.startsUppercase(tokens[index + 1].text) {
            let period = continues(index + 2) && tokens[index + 2].text == "." && continues(index + 3)
                && yearNumber(tokens, index + 3) != nil ? 1 : 0
            if continues(index + 2 + period), let year = yearNumber(tokens, index + 2 + period) {
                return (3 + period, iso(year: year, month: month, day: day, reference: reference))
            }
            return (2, iso(year: nil, month: month, day: day, reference: reference))
        }
        if let weekday = NumericRules.weekdays.firstIndex(of: lower), LetterCase.startsUppercase(word) {
            return (1, reference.map { resolveWeekday(weekday, around: $0) })
        }
        if let offset = NumericRules.relativeDays[lower] {
            return (1, reference.map { DateParser.isoDay($0 + offset) })
        }
        if word.utf8.count >= 10, word.first?.isNumber ?? false, let iso = DateParser.parseMachineDate(word) {
            return (1, iso)
        }
        if let year = yearNumber(tokens, index), index == 0 || !isCurrencySymbol(tokens[index - 1].text),
           index + 1 >= tokens.count || !NumericRules.units.contains(tokens[index + 1].text.lowercased()) {
            return (1, String(year))
        }
        return nil
    }

    /// A date without a year is the occurrence nearest the reference day
    /// ("December 10" in a report of 11 January 2022 is 2021-12-10).
    private func iso(year: Int?, month: Int, day: Int, reference: Int?) -> String? {
        if let year {
            guard DateParser.isValid(year: year, month: month, day: day) else { return nil }
            return DateParser.isoDay(year: year, month: month, day: day)
        }
        guard let reference else { return nil }
        let referenceYear = DateParser.civilDate(reference).year
        let candidates = (referenceYear - 1...referenceYear + 1).compactMap { year -> (year: Int, distance: Int)? in
            guard DateParser.isValid(year: year, month: month, day: day),
                  let number = DateParser.dayNumber(DateParser.isoDay(year: year, month: month, day: day)) else { return nil }
            return (year, abs(Int(number.rounded(.down)) - reference))
        }
        guard let nearest = candidates.min(by: { $0.distance < $1.distance }) else { return nil }
        return DateParser.isoDay(year: nearest.year, month: month, day: day)
    }

    /// A month without a year is the occurrence nearest the reference day's month.
    private func nearestMonth(_ month: Int, to reference: Int) -> String {
        let date = DateParser.civilDate(reference)
        let year = (date.year - 1...date.year + 1).min { abs(($0 * 12 + month) - (date.year * 12 + date.month))
            < abs(($1 * 12 + month) - (date.year * 12 + date.month)) }!
        return DateParser.isoMonth(year: year, month: month)
    }

    /// No paragraph break (a blank line) between tokens `first` and `last`.
    /// A single line break inside a paragraph is hard-wrapped wire copy
    /// ("October\n1986" is one date), as `EntityExtractor` reads it too.
    private func inOneParagraph(_ tokens: [Token], _ first: Int, _ last: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        guard first >= 0, last < tokens.count, first <= last else { return false }
        return scalars[tokens[first].end..<tokens[last].start].count { $0 == "\n" } < 2
    }

    /// The date of `weekday` (0 = Monday) nearest to the reference day,
    /// the past preferred: news mostly reports what happened.
    private func resolveWeekday(_ weekday: Int, around reference: Int) -> String {
        let referenceWeekday = ((reference % 7) + 7 + 3) % 7  // 1970-01-01 was a Thursday (3)
        var back = (referenceWeekday - weekday + 7) % 7
        let forward = (weekday - referenceWeekday + 7) % 7
        if forward < back && forward <= 2 { back = -forward }
        return DateParser.isoDay(reference - back)
    }

    private func dayNumber(_ tokens: [Token], _ index: Int) -> Int? {
        guard index < tokens.count else { return nil }
        var text = tokens[index].text.lowercased()
        for suffix in ["st", "nd", "rd", "th"] where text.hasSuffix(suffix) { text.removeLast(2) }
        guard text.count <= 2, let day = Int(text), (1...31).contains(day) else { return nil }
        return day
    }

    private func yearNumber(_ tokens: [Token], _ index: Int) -> Int? {
        guard index < tokens.count, tokens[index].text.count == 4, let year = Int(tokens[index].text), (1800...2199).contains(year) else { return nil }
        return year
    }

    private func isNumber(_ tokens: [Token], _ index: Int) -> Bool {
        index < tokens.count && tokens[index].text.first?.isNumber == true
    }

    // MARK: - Times

    func time(_ tokens: [Token], _ index: Int) -> (Int, String?)? {
        let text = tokens[index].text
        if index + 2 < tokens.count, isNumber(tokens, index), tokens[index + 1].text == ":", let hour = Int(text), hour < 24,
           let minute = Int(tokens[index + 2].text), tokens[index + 2].text.count == 2, minute < 60 {
            var length = 3
            var hour24 = hour
            if index + 3 < tokens.count, let meridiem = meridiem(tokens[index + 3].text) {
                hour24 = meridiem == "pm" && hour < 12 ? hour + 12 : meridiem == "am" && hour == 12 ? 0 : hour
                length += 1
            }
            return (length, DateParser.zeroPadded(hour24, width: 2) + ":" + DateParser.zeroPadded(minute, width: 2))
        }
        if let hour = Int(text), (1...12).contains(hour), index + 1 < tokens.count, let meridiem = meridiem(tokens[index + 1].text) {
            let hour24 = meridiem == "pm" && hour < 12 ? hour + 12 : meridiem == "am" && hour == 12 ? 0 : hour
            return (2, DateParser.zeroPadded(hour24, width: 2) + ":00")
        }
        return NumericRules.clockWords[text.lowercased()].map { (1, $0) }
    }

    /// Times written as a word.
    private static let clockWords = ["noon": "12:00", "midday": "12:00", "midnight": "00:00"]

    private func meridiem(_ text: String) -> String? {
        switch text.lowercased() {
        case "a.m.", "am", "a.m": return "am"
        case "p.m.", "pm", "p.m": return "pm"
        default: return nil
        }
    }

    // MARK: - Money, percentages, quantities

    /// Currencies named by a word after the amount, written in lower case
    /// or in capitals ("50 Cent" is a name, not money). nil: money of no certain currency.
    private static let currencyWords: [String: String?] = [
        "dollar": "USD", "dollars": "USD", "dlr": "USD", "dlrs": "USD", "euro": "EUR", "euros": "EUR",
        "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
        "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "kronor": "SEK", "rupees": "INR",
        "francs": nil, "franc": nil, "crowns": nil, "pesos": nil,
    ]
    /// A hundredth of an unnamed currency.
    private static let centWords: Set<String> = ["cents", "cts", "ct", "cent", "pence"]
    private static let currencySymbols: [String: String] = ["$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₹": "INR"]
    /// Letters written against `$`: `US$`, `A$`, `HK$`.
    private static let dollarPrefixes: [String: String] = [
        "US": "USD", "A": "AUD", "AU": "AUD", "C": "CAD", "CA": "CAD", "HK": "HKD", "NZ": "NZD", "S": "SGD", "NT": "TWD",
    ]
    /// Currency codes and abbreviations written before the amount.
    private static let currencyCodes: [String: String] = [
        "USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CNY": "CNY", "RMB": "CNY", "CHF": "CHF", "INR": "INR",
        "RUB": "RUB", "AUD": "AUD", "CAD": "CAD", "HKD": "HKD", "SEK": "SEK", "NOK": "NOK", "DKK": "DKK", "Rs": "INR",
    ]
    private static let scales: [String: Double] = [
        "thousand": 1e3, "million": 1e6, "mln": 1e6, "billion": 1e9, "bln": 1e9, "trillion": 1e12, "lakh": 1e5, "crore": 1e7,
    ]
    /// Scales written against the number after a currency: `£600m`, `$1.13bn`.
    private static let scaleSuffixes: [String: Double] = ["k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12]
    private static let percentWords: Set<String> = ["%", "pct", "percent"]
    static let units: Set<String> = [
        "hours", "hour", "minutes", "minute", "seconds", "days", "weeks", "months", "years", "metres", "meters", "metre",
        "meter", "km", "kilometres", "kilometers", "miles", "mile", "tonnes", "tons", "tonne", "kg", "kilograms", "litres",
        "liters", "barrels", "centimetres", "centimeters", "cm", "mm", "feet", "foot", "inches", "acres", "hectares",
        "degrees", "percent",
    ]

    private func isCurrencySymbol(_ text: String) -> Bool { NumericRules.currencySymbols[text] != nil }

    /// The currency written before an amount at `index` (`$`, `US$`, `£`, `EUR`, `Rs`) and its length in tokens.
    private func currencyBefore(_ tokens: [Token], _ index: Int) -> (code: String, length: Int)? {
        let text = tokens[index].text
        if let code = NumericRules.currencySymbols[text] { return (code, 1) }
        if index + 1 < tokens.count, tokens[index + 1].text == "$", tokens[index].end == tokens[index + 1].start,
           let code = NumericRules.dollarPrefixes[text] {
            return (code, 2)
        }
        guard let code = NumericRules.currencyCodes[text] else { return nil }
        // "Rs 10 crore", "Rs. 10 crore", "EUR 5 million"
        let period = index + 1 < tokens.count && tokens[index + 1].text == "." ? 1 : 0
        guard index + 1 + period < tokens.count, tokens[index + 1 + period].text.first?.isNumber == true else { return nil }
        return (code, 1 + period)
    }

    /// A number with a scale written against it (`600m`, `1.13bn`, `17million`), for amounts after a currency.
    private func scaledNumber(_ text: String) -> Double? {
        let digits = text.prefix { $0.isNumber || $0 == "." || $0 == "," }
        let suffix = text.dropFirst(digits.count).lowercased()
        guard !digits.isEmpty, let scale = NumericRules.scaleSuffixes[suffix] ?? NumericRules.scales[suffix],
              let value = Double(withoutCommas(digits)) else { return nil }
        return value * scale
    }

    func amount(_ tokens: [Token], _ index: Int) -> (EntityMention.Kind, Int, String?, String?)? {
        var position = index
        let currency = currencyBefore(tokens, index)
        if let currency { position += currency.length }
        guard position < tokens.count else { return nil }
        let numberText = tokens[position].text
        guard var value = number(numberText) ?? (currency != nil ? scaledNumber(numberText) : nil) else { return nil }
        position += 1
        if position < tokens.count, let scale = NumericRules.scales[tokens[position].text.lowercased()] {
            value *= scale
            position += 1
        } else if currency != nil, position < tokens.count, tokens[position - 1].end == tokens[position].start,
                  let scale = NumericRules.scaleSuffixes[tokens[position].text.lowercased()] {
            value *= scale
            position += 1
        }
        func valueText(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        }
        if let currency { return (.money, position - index, valueText(value), currency.code) }
        guard position < tokens.count else { return nil }
        let word = tokens[position].text
        let next = word.lowercased()
        // "dollars" and "DLRS" (wire headlines) are units; "50 Cent" is a name.
        let lowercaseWord = LetterCase.startsLowercase(word) || (word.count > 1 && word.allSatisfy { !$0.isLetter || $0.isUppercase })
        if lowercaseWord, let code = NumericRules.currencyWords[next] {
            return (.money, position - index + 1, valueText(value), code)
        }
        if let code = NumericRules.currencyCodes[word], word.count == 3 {
            return (.money, position - index + 1, valueText(value), code)
        }
        if lowercaseWord, NumericRules.centWords.contains(next) {
            return (.money, position - index + 1, valueText(value / 100), nil)
        }
        if NumericRules.percentWords.contains(next) { return (.percent, position - index + 1, valueText(value), "%") }
        if next == "per", position + 1 < tokens.count, tokens[position + 1].text.lowercased() == "cent" {
            return (.percent, position - index + 2, valueText(value), "%")
        }
        // A number followed by a plural noun or a unit: "3,000 troops", "7.5 hours".
        if NumericRules.units.contains(next) || (next.count > 3 && next.hasSuffix("s") && next.allSatisfy(\.isLetter)
                                                     && lowercaseWord) {
            return (.quantity, position - index + 1, valueText(value), next)
        }
        return nil
    }

    private static let numberWords: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
        "hundreds": 100, "thousands": 1000, "dozens": 24,
    ]

    private func number(_ text: String) -> Double? {
        if let word = NumericRules.numberWords[text.lowercased()] { return word }
        guard text.first?.isNumber == true else { return nil }
        return Double(withoutCommas(text))
    }

    /// The text without its thousands separators, by its bytes.
    private func withoutCommas(_ text: some StringProtocol) -> String {
        text.utf8.contains(UInt8(ascii: ",")) ? String(decoding: text.utf8.filter { $0 != UInt8(ascii: ",") }, as: UTF8.self) : String(text)
    }
}

private extension String {
    var trimmingTrailingPeriod: String { hasSuffix(".") ? String(dropLast()) : self }
}
