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

    /// The key two exact copies share: SHA-256 of the lowercased words
    /// joined by single spaces.
    static func contentKey(_ text: String) -> String {
        var words: [UInt8] = []
        words.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.lowercased().utf8 {
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                pendingSpace = !words.isEmpty
            } else {
                if pendingSpace { words.append(0x20) }
                pendingSpace = false
                words.append(byte)
            }
        }
        return SHA256.hex(words)
    }
}
