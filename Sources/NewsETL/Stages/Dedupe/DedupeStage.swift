/// The `dedupe` stage: groups documents whose normalised text is identical
/// (case, punctuation spacing and whitespace ignored) into clusters.
///
/// ```json
/// { "name": "dedupe", "enabled": true, "options": { "action": "mark" } }
/// ```
/// `mark` keeps every document and fills its cluster columns; `drop` removes
/// the non-canonical copies from `documents.*`. Either way each copy is listed
/// in `duplicates.*`. The canonical document of a cluster is the earliest
/// published (undated last), then the first in run order.
public struct DedupeStage: CorpusStage {
    public enum Action: String, Sendable {
        case mark
        case drop
    }

    public var action: Action

    public init(action: Action = .mark) {
        self.action = action
    }

    public init(options: OptionReader) {
        let action = options.string("action", default: Action.mark.rawValue, allowed: ["mark", "drop"])
        self.init(action: Action(rawValue: action) ?? .mark)
    }

    public func makeCollector() -> any CorpusCollector { ExactDuplicateCollector(action: action) }

    /// The key two exact copies share: SHA-256 of the lowercased words.
    static func contentKey(_ text: String) -> String {
        var hasher = SHA256()
        var first = true
        for word in text.lowercased().split(whereSeparator: \.isWhitespace) {
            if !first { hasher.update([0x20]) }
            hasher.update(word.utf8)
            first = false
        }
        return hasher.finalizeHex()
    }
}
