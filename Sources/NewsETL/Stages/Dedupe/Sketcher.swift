/// Turns a document's text into a `DocumentSketch`: words (lowercase letter
/// or digit runs), word shingles hashed with FNV-1a, a MinHash signature of
/// `hashCount` values (one multiply-add per hash per shingle, seeds fixed so
/// signatures are the same in every run and process), and fact bit sets.
struct Sketcher: Sendable {
    let shingleSize: Int
    let hashCount: Int
    private let multipliers: [UInt64]
    private let increments: [UInt64]

    init(shingleSize: Int, hashCount: Int) {
        self.shingleSize = shingleSize
        self.hashCount = hashCount
        var state: UInt64 = 0x6E65_7773_6574_6C21 // fixed seed: "newsetl!"
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        multipliers = (0..<hashCount).map { _ in next() | 1 }
        increments = (0..<hashCount).map { _ in next() }
    }

    func sketch(_ text: String) -> DocumentSketch {
        let words = Sketcher.words(text)
        let contentKey = Sketcher.contentKey(words.map(\.text))
        var shingles = Set<UInt64>()
        if !words.isEmpty {
            let size = min(shingleSize, words.count)
            for start in 0...(words.count - size) {
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                for word in words[start..<(start + size)] { hash = (hash ^ word.hash) &* 0x0000_0100_0000_01B3 }
                shingles.insert(hash)
            }
        }
        var minimums = [UInt64](repeating: .max, count: hashCount)
        multipliers.withUnsafeBufferPointer { a in
            increments.withUnsafeBufferPointer { b in
                minimums.withUnsafeMutableBufferPointer { m in
                    for shingle in shingles {
                        for index in 0..<a.count {
                            let value = shingle &* a[index] &+ b[index]
                            if value < m[index] { m[index] = value }
                        }
                    }
                }
            }
        }
        var numbers = [UInt64](repeating: 0, count: DocumentSketch.factWords)
        var names = [UInt64](repeating: 0, count: DocumentSketch.factWords)
        for word in words {
            if word.isNumber || Sketcher.numberWords.contains(word.hash) { Sketcher.setBit(word.hash, in: &numbers) }
            if word.isName { Sketcher.setBit(word.hash, in: &names) }
        }
        return DocumentSketch(contentKey: contentKey, signature: minimums.map { UInt32(truncatingIfNeeded: $0 >> 32) },
                              shingleCount: shingles.count, wordCount: words.count, numbers: numbers, names: names)
    }

    /// Numbers written as words count as numbers: "one billion dlrs" and
    /// "two billion dlrs" are different reports.
    static let numberWords: Set<UInt64> = Set([
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
        "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion",
        "trillion", "half", "quarter", "first", "second", "third", "fourth", "fifth",
    ].map { StableHash.fnv1a($0) })

    private static func setBit(_ hash: UInt64, in bits: inout [UInt64]) {
        let bit = Int((hash >> 7) % UInt64(bits.count * 64))
        bits[bit / 64] |= 1 << UInt64(bit % 64)
    }

    struct Word {
        var text: [UInt8]
        var hash: UInt64
        var isNumber: Bool
        /// Capitalised in the text and not the first word of a sentence.
        var isName: Bool
    }

    /// Lowercase letter-or-digit runs; digits keep their inner `.` and `,`
    /// out (1,200 and 1200 are the same number).
    static func words(_ text: String) -> [Word] {
        var words: [Word] = []
        var current: [UInt8] = []
        var hasDigit = false
        var startsUpper = false
        var allUpper = true
        var sentenceStart = true
        func finish() {
            guard !current.isEmpty else { return }
            let hash = StableHash.fnv1a(current)
            let name = startsUpper && !allUpper && !sentenceStart && !hasDigit && current.count >= 2
            words.append(Word(text: current, hash: hash, isNumber: hasDigit, isName: name))
            current.removeAll(keepingCapacity: true)
            hasDigit = false
            startsUpper = false
            allUpper = true
            sentenceStart = false
        }
        let bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                current.append(byte)
                allUpper = false
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if current.isEmpty { startsUpper = true }
                current.append(byte | 0x20)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                current.append(byte)
                hasDigit = true
            case UInt8(ascii: ","), UInt8(ascii: "."):
                let nextIsDigit = index + 1 < bytes.count && (0x30...0x39).contains(bytes[index + 1])
                if hasDigit && nextIsDigit { continue }
                finish()
                if byte == UInt8(ascii: ".") { sentenceStart = true }
            case 0x80...0xFF:
                current.append(byte)
                allUpper = false
            default:
                finish()
                if byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") || byte == 0x0A { sentenceStart = true }
            }
        }
        finish()
        return words
    }

    /// SHA-256 (as four words) of the words joined by single spaces.
    static func contentKey(_ words: [[UInt8]]) -> [UInt64] {
        var hasher = SHA256()
        for (index, word) in words.enumerated() {
            if index > 0 { hasher.update([0x20]) }
            hasher.update(word)
        }
        let digest = hasher.finalize()
        return (0..<4).map { word in digest[(word * 8)..<(word * 8 + 8)].reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
    }
}
