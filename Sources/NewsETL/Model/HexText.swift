/// Text that is nearly always a known prefix and a fixed number of
/// lowercase hex digits (a SHA-256, a document id), held as the digits'
/// value: a million file outcomes kept each such text as its own heap
/// string. Any other text is kept as it is, so nothing is lost.
struct HexText: Sendable, Equatable {
    private enum Storage: Sendable, Equatable {
        /// A SHA-256's 64 digits, no prefix.
        case digest(SIMD4<UInt64>)
        /// "doc-" and 16 digits.
        case documentID(UInt64)
        case text(String)
    }

    private let storage: Storage

    init(_ text: String) {
        let utf8 = Array(text.utf8)
        if utf8.count == 64, let words = HexText.words(utf8[...], count: 4) {
            storage = .digest(SIMD4(words[0], words[1], words[2], words[3]))
        } else if utf8.count == 20, utf8.starts(with: HexText.documentPrefix), let words = HexText.words(utf8[4...], count: 1) {
            storage = .documentID(words[0])
        } else {
            storage = .text(text)
        }
    }

    var text: String {
        switch storage {
        case .digest(let words): (0..<4).map { HexText.digits(words[$0]) }.joined()
        case .documentID(let value): "doc-" + HexText.digits(value)
        case .text(let text): text
        }
    }

    private static let documentPrefix = Array("doc-".utf8)

    /// The value of `count` groups of 16 lowercase hex digits, nil if a byte is anything else.
    private static func words(_ bytes: ArraySlice<UInt8>, count: Int) -> [UInt64]? {
        var words: [UInt64] = []
        var word: UInt64 = 0
        for (offset, byte) in bytes.enumerated() {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            word = word << 4 | UInt64(digit)
            if offset % 16 == 15 {
                words.append(word)
                word = 0
            }
        }
        return words.count == count ? words : nil
    }

    private static func digits(_ word: UInt64) -> String {
        let text = String(word, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
