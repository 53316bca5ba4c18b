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

    public func summarize(_ document: Document) -> CorpusSummary {
        CorpusSummary(hashes: DedupeStage.contentKey(document.text), published: document.published)
    }

    public func makeCollector() -> any CorpusCollector { ExactDuplicateCollector(action: action) }

    /// The key two exact copies share: the SHA-256 (as four words) of the
    /// lowercased words joined by single spaces.
    static func contentKey(_ text: String) -> [UInt64] {
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
        var hasher = SHA256()
        hasher.update(words)
        let digest = hasher.finalize()
        return (0..<4).map { word in digest[(word * 8)..<(word * 8 + 8)].reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
    }
}
