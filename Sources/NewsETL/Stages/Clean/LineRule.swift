import Foundation

/// A named pattern for one kind of boilerplate paragraph.
///
/// Matching is on `LineKey`s (lowercase, plain quotes, no trailing colon),
/// so `"No comments:"` and `"no comments"` are the same line. A rule only
/// fires on paragraphs of at most `maxWords` words: boilerplate is short, and
/// the limit keeps a phrase like "read more" from removing a sentence of the
/// article that happens to contain it.
public struct LineRule: Sendable, Equatable {
    public enum Match: String, Sendable, CaseIterable {
        /// The whole line is one of the phrases.
        case exact
        /// The line starts with one of the phrases.
        case prefix
        /// The line contains one of the phrases.
        case contains
        /// Every word of the line is one of the phrases (share bars, language pickers).
        case words
        /// The line matches one of the phrases as a regular expression (ICU syntax).
        case regex
    }

    public var name: String
    public var category: String
    public var match: Match
    public var phrases: [String]
    public var maxWords: Int
    /// A header after which the article is over (comments, related articles).
    public var endsArticle: Bool

    /// `category:name`, as recorded in `removed.*` and counted in the manifest.
    public var identifier: String { "\(category):\(name)" }

    public init(name: String, category: String, match: Match, phrases: [String], maxWords: Int, endsArticle: Bool = false) {
        self.name = name
        self.category = category
        self.match = match
        self.phrases = match == .regex ? phrases : phrases.map { LineKey($0).key }
        self.maxWords = maxWords
        self.endsArticle = endsArticle
        wordSet = match == .words ? Set(self.phrases) : []
        phraseBytes = self.phrases.map { Array($0.utf8) }
        expressions = match == .regex ? phrases.compactMap { try? RegexBox(pattern: $0) } : []
    }

    public static func == (left: LineRule, right: LineRule) -> Bool {
        left.name == right.name && left.category == right.category && left.match == right.match
            && left.phrases == right.phrases && left.maxWords == right.maxWords && left.endsArticle == right.endsArticle
    }

    private let wordSet: Set<String>
    private let phraseBytes: [[UInt8]]
    private let expressions: [RegexBox]

    func matches(_ line: LineKey) -> Bool {
        guard line.wordCount <= maxWords, !line.bytes.isEmpty else { return false }
        switch match {
        case .exact: return phraseBytes.contains { $0 == line.bytes }
        case .prefix: return phraseBytes.contains { line.hasPrefix($0) }
        case .contains: return phraseBytes.contains { line.contains($0) }
        case .words: return line.wordCount > 0 && line.words.allSatisfy { wordSet.contains($0) }
        case .regex:
            let key = line.key
            return expressions.contains { $0.matches(key) }
        }
    }

    /// Whether `pattern` compiles, for config validation.
    static func isValidRegex(_ pattern: String) -> Bool { (try? RegexBox(pattern: pattern)) != nil }
}

/// NSRegularExpression is immutable once built and safe to share.
private struct RegexBox: @unchecked Sendable {
    let expression: NSRegularExpression

    init(pattern: String) throws {
        expression = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }

    func matches(_ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
