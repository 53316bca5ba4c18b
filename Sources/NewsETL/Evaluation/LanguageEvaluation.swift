import Foundation

/// Accuracy of `LanguageIdentifier` on texts of known language at three
/// lengths: each whole text, its first 200 characters and its first 60
/// (cut at a space where there is one), since a report, a standfirst and a
/// headline are what the column is asked about.
public struct LanguageEvaluation {
    public struct Bucket: Sendable {
        public var name: String
        public var texts = 0
        public var correct = 0
        /// Texts of a real language answered `und` (no answer, not a wrong one).
        public var undetermined = 0
        /// Texts given a language other than their own (placeholder text given any).
        public var wrong = 0
        public var confusions: [String: Int] = [:]
        public var accuracy: Double { texts == 0 ? 0 : Double(correct) / Double(texts) }
    }

    public static let lengths: [(name: String, characters: Int?)] = [("whole", nil), ("200 chars", 200), ("60 chars", 60)]

    public init() {}

    /// `gold`: JSON lines with `id` and `body`; `labels`: `id<TAB>code` lines
    /// (`#` comments), `und` for text in no natural language.
    public func score(goldPath: String, labelsPath: String) throws -> [Bucket] {
        var labels: [String: String] = [:]
        for line in try String(contentsOfFile: labelsPath, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            if fields.count == 2 { labels[String(fields[0])] = String(fields[1]) }
        }
        var buckets = LanguageEvaluation.lengths.map { Bucket(name: $0.name) }
        for line in try String(contentsOfFile: goldPath, encoding: .utf8).split(separator: "\n") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let id = object["id"] as? String, let body = object["body"] as? String, let label = labels[id] else { continue }
            for (index, length) in LanguageEvaluation.lengths.enumerated() {
                let text = length.characters.map { LanguageEvaluation.prefix(body, characters: $0) } ?? body
                let found = LanguageIdentifier.identify(text)
                buckets[index].texts += 1
                if found == label {
                    buckets[index].correct += 1
                } else {
                    if found == LanguageIdentifier.undetermined { buckets[index].undetermined += 1 } else { buckets[index].wrong += 1 }
                    buckets[index].confusions["\(label)→\(found)", default: 0] += 1
                }
            }
        }
        return buckets
    }

    /// The first `characters` of `text`, lines joined, cut back to a space when one is in the second half.
    static func prefix(_ text: String, characters: Int) -> String {
        let joined = text.replacingOccurrences(of: "\n", with: " ")
        guard joined.count > characters else { return joined }
        let cut = joined.prefix(characters)
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) >= characters / 2 {
            return String(cut[..<space])
        }
        return String(cut)
    }
}
