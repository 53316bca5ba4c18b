import Foundation

/// A named pattern for one kind of boilerplate paragraph. A class, so that
/// trying every rule on every paragraph shares the compiled matchers instead
/// of copying a dozen fields per try.
///
/// Matching is on `LineKey`s (lowercase, plain quotes, no trailing colon),
/// so `"No comments:"` and `"no comments"` are the same line. A rule only
/// fires on paragraphs of at most `maxWords` words: boilerplate is short, and
/// the limit keeps a phrase like "read more" from removing a sentence of the
/// article that happens to contain it.
public final class LineRule: Sendable, Equatable {
    public enum Match: String, Sendable, CaseIterable {
        /// The whole line is one of the phrases.
        case exact
        /// The line starts with one of the phrases.
        case prefix
        /// The line contains one of the phrases, starting at a word.
        case contains
        /// Every word of the line is one of the phrases (share bars, language pickers).
        case words
        /// The line matches one of the phrases as a regular expression (ICU syntax).
        case regex
    }

    public let name: String
    public let category: String
    public let match: Match
    public let phrases: [String]
    public let maxWords: Int
    /// A header after which the article is over (comments, related articles).
    public let endsArticle: Bool
    /// For regex rules: match the paragraph as written, case included,
    /// instead of its lowercased key (bylines need their capitals).
    public let matchCase: Bool
    /// For regex rules: literal pieces one of which a line must contain
    /// before the (much slower) expression runs; empty means always run.
    public let requires: [String]

    /// `category:name`, as recorded in `removed.*` and counted in the manifest.
    public var identifier: String { "\(category):\(name)" }

    public init(name: String, category: String, match: Match, phrases: [String], maxWords: Int, endsArticle: Bool = false,
                requires: [String] = [], matchCase: Bool = false) {
        self.name = name
        self.category = category
        self.match = match
        self.phrases = match == .regex ? phrases : phrases.map { match == .exact ? LineKey($0).key : LineKey.normalizedPhrase($0) }
        self.matchCase = matchCase
        self.maxWords = maxWords
        self.endsArticle = endsArticle
        self.requires = requires.map(LineKey.normalizedPhrase)
        requiredBytes = self.requires.map { Array($0.utf8) }
        wordSet = match == .words ? Set(self.phrases) : []
        phraseBytes = self.phrases.map { Array($0.utf8) }
        exactPhrases = Set(phraseBytes)
        var byFirstWord: [UInt64: [[UInt8]]] = [:]
        var unanchored: [[UInt8]] = []
        for phrase in phraseBytes {
            if let first = LineKey(String(decoding: phrase, as: UTF8.self)).wordRanges.first, first.lowerBound == 0 {
                byFirstWord[StableHash.fnv1a(phrase[first]), default: []].append(phrase)
            } else {
                unanchored.append(phrase)
            }
        }
        phrasesByFirstWord = byFirstWord
        firstWordStarts = ByteFilter(byFirstWord.values.joined().map { $0[0] })
        firstWordHashes = ByteFilter(byFirstWord.keys.map { UInt8(truncatingIfNeeded: $0) })
        unanchoredPhrases = unanchored
        firstBytes = ByteFilter(phraseBytes.compactMap(\.first))
        expressions = match == .regex ? phrases.compactMap { try? RegexBox(pattern: $0, matchCase: matchCase) } : []
    }

    public static func == (left: LineRule, right: LineRule) -> Bool {
        left.name == right.name && left.category == right.category && left.match == right.match
            && left.phrases == right.phrases && left.maxWords == right.maxWords && left.endsArticle == right.endsArticle
            && left.requires == right.requires && left.matchCase == right.matchCase
    }

    private let wordSet: Set<String>
    private let phraseBytes: [[UInt8]]
    private let requiredBytes: [[UInt8]]
    private let exactPhrases: Set<[UInt8]>
    /// `contains` phrases keyed by the hash of their first word: a line is
    /// searched only at its word starts, in one pass whatever the number of phrases.
    private let phrasesByFirstWord: [UInt64: [[UInt8]]]
    /// The first bytes of those phrases, and the low bytes of their first
    /// words' hashes: most words of a line are passed over on these alone.
    private let firstWordStarts: ByteFilter
    private let firstWordHashes: ByteFilter
    private let unanchoredPhrases: [[UInt8]]
    private let firstBytes: ByteFilter
    private let expressions: [RegexBox]

    /// Whether the rule fires on a paragraph with key `line`; `original` is
    /// the paragraph as written, for rules that match case.
    func matches(_ line: LineKey, original: String) -> Bool {
        var limitHit = false
        return matches(line, original: original, limitHit: &limitHit)
    }

    /// As `matches(_:original:)`; `limitHit` is set when a regex ran out of
    /// its work budget (`RegexBox.workBudget`) and was stopped: the rule then
    /// does not fire.
    func matches(_ line: LineKey, original: String, limitHit: inout Bool) -> Bool {
        guard line.wordCount <= maxWords, !line.bytes.isEmpty else { return false }
        switch match {
        case .exact: return firstBytes.contains(line.bytes[0]) && exactPhrases.contains(line.bytes)
        case .prefix: return firstBytes.contains(line.bytes[0]) && phraseBytes.contains { line.hasPrefix($0) }
        case .contains:
            for range in line.wordRanges where firstWordStarts.contains(line.bytes[range.lowerBound]) {
                let hash = StableHash.fnv1a(line.bytes[range])
                guard firstWordHashes.contains(UInt8(truncatingIfNeeded: hash)),
                      let candidates = phrasesByFirstWord[hash] else { continue }
                if candidates.contains(where: { line.bytes[range.lowerBound...].starts(with: $0) }) { return true }
            }
            return unanchoredPhrases.contains { line.contains($0) }
        case .words: return line.wordCount > 0 && line.words.allSatisfy { wordSet.contains($0) }
        case .regex:
            guard requiredBytes.isEmpty || requiredBytes.contains(where: line.contains) else { return false }
            let subject = matchCase ? original : line.key
            for expression in expressions {
                switch expression.matches(subject) {
                case true?: return true
                case false?: continue
                case nil: limitHit = true
                }
            }
            return false
        }
    }

    /// Whether `pattern` compiles, for config validation.
    static func isValidRegex(_ pattern: String) -> Bool { (try? RegexBox(pattern: pattern)) != nil }
}

/// NSRegularExpression is immutable once built and safe to share.
///
/// A user's expression can backtrack catastrophically (`^(a+)+$` on a
/// paragraph of a's takes seconds). ICU reports progress during a long
/// match (about every 0.3 ms of matcher work); after `workBudget` reports
/// the match is stopped, so one paragraph costs a rule about 0.1 s at most.
private struct RegexBox: @unchecked Sendable {
    let expression: NSRegularExpression
    static let workBudget = 300

    init(pattern: String, matchCase: Bool = false) throws {
        expression = try NSRegularExpression(pattern: pattern, options: matchCase ? [] : [.caseInsensitive])
    }

    /// Whether the expression matches somewhere in `text`; nil when it ran out of budget first.
    func matches(_ text: String) -> Bool? {
        var found = false, reports = 0
        expression.enumerateMatches(in: text, options: [.reportProgress], range: NSRange(text.startIndex..., in: text)) {
            result, flags, stop in
            if result != nil {
                found = true
                stop.pointee = true
            } else if flags.contains(.progress) {
                reports += 1
                if reports > RegexBox.workBudget { stop.pointee = true }
            }
        }
        return found || reports <= RegexBox.workBudget ? found : nil
    }
}
