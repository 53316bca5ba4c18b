/// The people credited with a report, from metadata values ("Jane Doe",
/// "By Jane Doe and John Smith") or a byline line at the top of the text.
/// Only what reads as a person's name is kept: an outlet ("Reuters",
/// "The Site Staff"), a job ("Chief Economics Correspondent"), a profile
/// URL or an e-mail address is dropped, so the column lists people or
/// nothing.
enum Authors {
    /// At most this many names per report: a longer list is a page's
    /// author index, not a byline.
    static let maximum = 8
    /// How many paragraphs (lines of plain text) at the top may hold the byline.
    static let bylineParagraphs = 12
    static let maxBylineCharacters = 160

    /// Names from metadata values, each possibly holding several names.
    static func fromMetadata(_ values: [String], siteName: String?, domain: String?) -> [String] {
        var names: [String] = []
        for value in values where !value.contains("://") && !value.contains("@") {
            names += split(stripBy(value)).filter { !SiteReference.names($0, siteName: siteName, domain: domain) }
        }
        return unique(names)
    }

    /// Names of the first byline ("By Jane Doe, Reuters", "BY JOHN SMITH")
    /// among the first paragraphs; empty when none reads like one.
    static func fromByline(_ paragraphs: some Sequence<String>, siteName: String? = nil, domain: String? = nil) -> [String] {
        for paragraph in paragraphs.prefix(bylineParagraphs) where paragraph.count <= maxBylineCharacters {
            // "By" or "BY": a wrapped sentence line goes on with a lower-case "by".
            guard paragraph.hasPrefix("By ") || paragraph.hasPrefix("BY ") else { continue }
            let stripped = stripBy(paragraph)
            let names = unique(split(stripped).filter { !SiteReference.names($0, siteName: siteName, domain: domain) })
            if !names.isEmpty { return names }
        }
        return []
    }

    /// The text after a leading "By " (any case), or the text itself.
    private static func stripBy(_ text: String) -> String {
        let trimmed = text.drop { $0 == " " }
        guard trimmed.count > 3, trimmed.prefix(3).lowercased() == "by " else { return String(trimmed) }
        return String(trimmed.dropFirst(3).drop { $0 == " " })
    }

    /// What ends the names part of a byline: a date, a time, a separator.
    private static let endMarkers = [" | ", " - ", " – ", " — ", " • ", " · ", "(", "Published", "Updated", "Posted", "Last updated", " on "]

    private static func split(_ text: String) -> [String] {
        var names = text
        for marker in endMarkers { if let range = names.range(of: marker) { names = String(names[..<range.lowerBound]) } }
        if let digit = names.firstIndex(where: \.isNumber) { names = String(names[..<digit]) }
        let parts = names.replacingOccurrences(of: " and ", with: ",").replacingOccurrences(of: " & ", with: ",")
            .replacingOccurrences(of: ";", with: ",").split(separator: ",")
        let found = parts.compactMap { personName(String($0)) }
        return found.count <= maximum ? found : []
    }

    /// Words of a credit that are not part of a name.
    private static let notNameWords: Set<String> = [
        "the", "staff", "reporter", "reporters", "correspondent", "editor", "editors", "writer", "writers", "news", "press",
        "reuters", "associated", "agency", "agencies", "bureau", "chief", "senior", "political", "contributor", "columnist",
        "desk", "team", "online", "wire", "wires", "service", "services", "media", "report", "reports", "special", "foreign",
        "business", "sports", "admin", "administrator", "guest", "anonymous", "unknown", "comments", "comment", "photo",
        "photos", "video", "in", "at", "for", "from", "with", "via", "of", "updated", "published", "posted", "read", "more",
        "share", "email", "print", "follow", "subscribe", "ltd", "inc", "llc", "plc", "gmbh", "corp", "corporation", "company",
        "group", "limited", "interactive", "design", "studio", "studios", "magazine", "blog", "newsroom", "network", "digital", "gazette", "herald", "tribune", "chronicle", "journal", "daily", "weekly", "times",
    ]
    private static let corporateWords = Set(NonEntities.corporateDesignators.map { $0.lowercased() }).union(["software", "systems", "partners"])
    /// Lower-case words that belong inside names.
    private static let particles: Set<String> = ["de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "la", "le", "bin", "al", "el", "dos", "das", "y"]

    /// `text` as a person's name (two to five words, each capitalised or
    /// a particle, letters, initials, hyphens and apostrophes only), all
    /// capitals turned into capitalised words; nil otherwise.
    static func personName(_ text: String) -> String? {
        let words = text.split(separator: " ").map(String.init)
        guard (2...5).contains(words.count) else { return nil }
        var result: [String] = []
        for word in words {
            let lower = word.lowercased()
            let bare = lower.trimmingCharacters(in: .punctuationCharacters)
            if notNameWords.contains(bare) || corporateWords.contains(bare) { return nil }
            guard word.allSatisfy({ $0.isLetter || $0 == "." || $0 == "-" || $0 == "'" || $0 == "’" }),
                  let first = word.first, first.isLetter else { return nil }
            if particles.contains(lower), !result.isEmpty {
                result.append(lower)
            } else if first.isUppercase {
                let isAllCaps = word.count > 2 && word.allSatisfy { !$0.isLetter || $0.isUppercase }
                result.append(isAllCaps ? capitalized(word) : word)
            } else {
                return nil
            }
        }
        guard let last = result.last, last.count > 1, !particles.contains(last) else { return nil }
        return result.joined(separator: " ")
    }

    /// "O'NEIL-SMITH" → "O'Neil-Smith".
    private static func capitalized(_ word: String) -> String {
        var output = ""
        var startsPart = true
        for character in word {
            output += startsPart ? String(character).uppercased() : String(character).lowercased()
            startsPart = !character.isLetter
        }
        return output
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0.lowercased()).inserted }
    }
}
