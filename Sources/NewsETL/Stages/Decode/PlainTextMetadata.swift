/// Title and publication date of a plain-text report, read from its first
/// lines the way a person skims them: a short line holding a full date is the
/// dateline; the first other line is the title when it reads like a headline.
public struct PlainTextMetadata: Sendable, Equatable {
    public var title: String?
    public var published: String?

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
        for (index, line) in top.prefix(PlainTextMetadata.linesExamined).enumerated() {
            if published == nil, line.count <= PlainTextMetadata.maxDatelineCharacters,
               let date = DateParser.parseDateline(line) {
                published = date
                continue
            }
            if !titleSettled {
                titleSettled = true
                if index + 1 < top.count, PlainTextMetadata.looksLikeHeadline(line) { title = line }
            }
        }
        self.init(title: title, published: published)
    }

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
