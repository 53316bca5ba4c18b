/// Title and publication date of a plain-text report, read from its first
/// lines the way a person skims them: a short line holding a full date is the
/// dateline; the first other line is the title when it reads like a headline.
public struct PlainTextMetadata: Sendable, Equatable {
    public var title: String?
    public var published: String?
    /// People named by a byline line at the top ("By Jane Doe").
    public var authors: [String] = []

    /// How many non-empty lines at the top are looked at.
    static let linesExamined = 6
    /// Datelines are short; a longer line with a date in it is a sentence.
    static let maxDatelineCharacters = 100
    static let maxTitleCharacters = 200

    public init(title: String?, published: String?) {
        self.title = title
        self.published = published
    }

    /// Reads `text`, which must be normalised (`TextNormalizer`).
    public init(text: String) {
        // Normalised text: lines carry no surrounding spaces, blank lines are empty.
        var top: [String] = []
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            guard top.count <= PlainTextMetadata.linesExamined else { break }
            top.append(String(decoding: line, as: UTF8.self))
        }
        var published: String?
        var title: String?
        var titleSettled = false
        var authors: [String] = []
        for (index, line) in top.prefix(PlainTextMetadata.linesExamined).enumerated() {
            if authors.isEmpty {
                authors = Authors.fromByline([line])
                if !authors.isEmpty { continue }
            }
            if published == nil, line.count <= PlainTextMetadata.maxDatelineCharacters, let date = PlainTextMetadata.datelineDate(line) {
                published = date
                continue
            }
            if !titleSettled {
                titleSettled = true
                if index + 1 < top.count, PlainTextMetadata.looksLikeHeadline(line) { title = line }
            }
        }
        self.init(title: title, published: published)
        self.authors = authors
    }

    /// How many paragraphs of a page are searched for a byline date.
    static let bylineParagraphs = 60

    /// The date of the first byline or date line among a page's first
    /// paragraphs ("By Jane Doe | Published 14 March 2012"), for pages whose
    /// metadata states none.
    static func bylineDate(in paragraphs: some Collection<String>) -> String? {
        for paragraph in paragraphs.prefix(bylineParagraphs) where paragraph.count <= maxDatelineCharacters {
            if let date = datelineDate(paragraph) { return date }
        }
        return nil
    }

    /// The date of a line that reads like a dateline. A line without four
    /// digits in a row holds no date `parseDateline` reads; most lines have
    /// none, and that is checked before the words are.
    static func datelineDate(_ line: String) -> String? {
        guard DateParser.hasYearLikeNumber(line), readsLikeDateline(line) else { return nil }
        return DateParser.parseDateline(line)
    }

    /// Words a dateline or byline carries beside the date itself.
    private static let datelineWords = DateParser.datelineFurniture.union(["by", "dated", "and", "a", "m", "p", "tues", "thur", "thurs"])

    /// A line that is about its date, not a sentence that mentions one: a
    /// dateline ("LONDON, March 14, 2012 (Reuters) -"), a date line
    /// ("Wednesday, March 5, 2025"), a byline ("Posted by Jane Doe on …").
    /// Hard-wrapped wire copy puts sentences with dates in its first lines
    /// ("notes that mature on March 15, 1997, the company said"): such a
    /// line has ordinary lower-case words besides the date, or ends like a
    /// sentence, and is not the publication date.
    static func readsLikeDateline(_ line: String) -> Bool {
        let words = line.split { !$0.isLetter }.map(String.init)
        let others = words.filter { word in
            let lower = word.lowercased()
            return DateParser.months[lower] == nil && !datelineWords.contains(lower)
        }
        let lowercaseOthers = others.count { $0.first?.isLowercase == true }
        guard others.count <= 4, lowercaseOthers <= 1, line.last != ".", line.first?.isLowercase != true else { return false }
        return !words.contains { notPublicationCues.contains($0.lowercased()) }
    }

    /// Words of a line whose date is about something else: a reporting
    /// period, a payment, a record date ("Period ended December 31, 1986",
    /// "Pay May One, 1987").
    private static let notPublicationCues: Set<String> = [
        "ended", "ending", "end", "period", "quarter", "year", "pay", "payable", "paid", "record", "due", "matures", "maturity",
        "expires", "until", "through", "from", "to", "since", "before", "after", "born", "died",
    ]

    /// Short, starts with a capital or digit, and does not end like a sentence.
    static func looksLikeHeadline(_ line: String) -> Bool {
        guard line.count <= maxTitleCharacters, let first = line.unicodeScalars.first else { return false }
        let words = line.split(separator: " ").count
        guard (2...30).contains(words) else { return false }
        guard first.properties.isUppercase || first.properties.numericType != nil || "\"“‘'".unicodeScalars.contains(first) else {
            return false
        }
        guard let last = line.last else { return false }
        return !".,;:".contains(last)
    }
}
