/// Publication-date evidence beyond what a page states in its metadata: the
/// date news sites put in their article paths, and the sanity bounds every
/// candidate must pass.
enum URLDate {
    /// `2012-03-14` from a URL path holding `/2012/03/14/`, `/2012/3/14/`,
    /// `/2012-03-14/`, `/20120314/` or `/2007-11/24/`; nil otherwise.
    static func find(in url: String) -> String? {
        let path = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
        let parts = path.split(separator: "/").map(String.init)
        for (index, part) in parts.enumerated() {
            // /yyyy/mm/dd/
            if part.count == 4, let year = Int(part), index + 2 < parts.count,
               parts[index + 1].count <= 2, let month = Int(parts[index + 1]),
               parts[index + 2].count <= 2, let day = Int(parts[index + 2]), let date = iso(year, month, day) {
                return date
            }
            // /yyyy-mm-dd/ or /yyyy-mm/dd/
            let dashed = part.split(separator: "-").map(String.init)
            if dashed.count >= 2, dashed[0].count == 4, let year = Int(dashed[0]), dashed[1].count == 2, let month = Int(dashed[1]) {
                if dashed.count >= 3, dashed[2].count == 2, let day = Int(dashed[2]), let date = iso(year, month, day) { return date }
                if dashed.count == 2, index + 1 < parts.count, parts[index + 1].count == 2, let day = Int(parts[index + 1]),
                   let date = iso(year, month, day) {
                    return date
                }
            }
            // /yyyymmdd/
            if part.count == 8, part.allSatisfy(\.isNumber), let year = Int(part.prefix(4)), let month = Int(part.dropFirst(4).prefix(2)),
               let day = Int(part.suffix(2)), let date = iso(year, month, day) {
                return date
            }
        }
        return nil
    }

    private static func iso(_ year: Int, _ month: Int, _ day: Int) -> String? {
        guard (1990...2100).contains(year), DateParser.isValid(year: year, month: month, day: day) else { return nil }
        return String(year) + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
    }

    /// A publication date is from 1900 on and not after the day of the
    /// file's time (the next day allowed, for time zones).
    static func isPlausible(_ iso: String, modifiedNanoseconds: Int?) -> Bool {
        guard let day = DateParser.dayNumber(iso), day >= DateParser.dayNumber("1900-01-01")! else { return false }
        guard let modifiedNanoseconds, modifiedNanoseconds > 0 else { return true }
        let fileDay = (Double(modifiedNanoseconds / 1_000_000_000) / 86_400).rounded(.down)
        return day < fileDay + 2
    }
}
