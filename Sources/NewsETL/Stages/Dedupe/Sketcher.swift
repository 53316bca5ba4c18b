/// Turns a document's text into a `DocumentSketch`: words (lowercase letter
/// or digit runs), word shingles hashed with FNV-1a, a MinHash signature of
/// `hashCount` values (one multiply-add per hash per shingle, seeds fixed so
/// signatures are the same in every run and process), and fact bit sets.
struct Sketcher: Sendable {
    let shingleSize: Int
    let hashCount: Int
    private let multipliers: [SIMD8<UInt32>]
    private let increments: [SIMD8<UInt32>]

    init(shingleSize: Int, hashCount: Int) {
        self.shingleSize = shingleSize
        self.hashCount = hashCount
        var random = SplitMix(seed: 0x6E65_7773_6574_6C21) // fixed seed: "newsetl!"
        func next() -> UInt64 { random.next() }
        let lanes = (hashCount + 7) / 8 * 8
        let a = (0..<lanes).map { _ in UInt32(truncatingIfNeeded: next()) | 1 }
        let b = (0..<lanes).map { _ in UInt32(truncatingIfNeeded: next()) }
        multipliers = stride(from: 0, to: lanes, by: 8).map { SIMD8(a[$0..<($0 + 8)]) }
        increments = stride(from: 0, to: lanes, by: 8).map { SIMD8(b[$0..<($0 + 8)]) }
    }

    func sketch(_ text: String) -> DocumentSketch {
        let words = Sketcher.words(text)
        var vectors = [SIMD8<UInt32>](repeating: SIMD8(repeating: .max), count: multipliers.count)
        var distinct = DistinctCounter(capacity: words.count)
        if !words.isEmpty {
            let size = min(shingleSize, words.count)
            multipliers.withUnsafeBufferPointer { a in
                increments.withUnsafeBufferPointer { b in
                    vectors.withUnsafeMutableBufferPointer { m in
                        for start in 0...(words.count - size) {
                            var shingle: UInt64 = 0xcbf2_9ce4_8422_2325
                            for word in words[start..<(start + size)] { shingle = (shingle ^ word.hash) &* 0x0000_0100_0000_01B3 }
                            guard distinct.insert(shingle) else { continue }
                            // A 32-bit fingerprint, eight hash functions per vector operation.
                            let x = SIMD8<UInt32>(repeating: UInt32(truncatingIfNeeded: shingle ^ (shingle >> 32)))
                            for index in 0..<m.count {
                                m[index] = pointwiseMin(m[index], x &* a[index] &+ b[index])
                            }
                        }
                    }
                }
            }
        }
        var minimums: [UInt32] = []
        minimums.reserveCapacity(vectors.count * 8)
        for vector in vectors { for lane in 0..<8 { minimums.append(vector[lane]) } }
        minimums.removeLast(minimums.count - hashCount)
        var numbers = [UInt64](repeating: 0, count: DocumentSketch.factWords)
        var names = [UInt64](repeating: 0, count: DocumentSketch.factWords)
        for word in words {
            if let fact = word.numberFact { Sketcher.setBit(fact, in: &numbers) }
            if word.isName { Sketcher.setBit(word.hash, in: &names) }
        }
        return DocumentSketch(contentKey: Sketcher.contentKey(words.map(\.hash)), signature: minimums,
                              shingleCount: distinct.count, wordCount: words.count, numbers: numbers, names: names)
    }

    /// Counts distinct shingle hashes in an open-addressing table sized for
    /// the document: no sorting, no per-insert allocation.
    private struct DistinctCounter {
        private var slots: [UInt64]
        private var mask: Int
        private(set) var count = 0
        private var sawZero = false

        init(capacity: Int) {
            var size = 16
            while size < capacity * 2 { size <<= 1 }
            slots = [UInt64](repeating: 0, count: size)
            mask = size - 1
        }

        /// Whether `value` was new.
        mutating func insert(_ value: UInt64) -> Bool {
            if value == 0 {
                defer { sawZero = true }
                if sawZero { return false }
                count += 1
                return true
            }
            var slot = Int(truncatingIfNeeded: (value ^ (value >> 31)) & UInt64(mask))
            while slots[slot] != 0 {
                if slots[slot] == value { return false }
                slot = (slot + 1) & mask
            }
            slots[slot] = value
            count += 1
            return true
        }
    }

    private static func setBit(_ hash: UInt64, in bits: inout [UInt64]) {
        let bit = Int((hash >> 7) % UInt64(bits.count * 64))
        bits[bit / 64] |= 1 << UInt64(bit % 64)
    }

    struct Word {
        /// FNV-1a of the lowercased word.
        var hash: UInt64
        /// For a token with digits, the hash the facts check compares: one per
        /// number whatever its notation (`NumberNotation`); else `hash`.
        var factHash: UInt64
        var isNumber: Bool
        /// Capitalised in the text and not the first word of a sentence.
        var isName: Bool

        /// The number the word states, as the facts check compares it, if it states one.
        var numberFact: UInt64? { isNumber ? factHash : NumberNotation.wordFacts[hash] }
    }

    /// Lowercase letter-or-digit runs, hashed as they are read; digits keep
    /// their inner `.` and `,` out (1,200 and 1200 are the same number).
    static func words(_ source: String) -> [Word] {
        var text = source
        var words: [Word] = []
        words.reserveCapacity(text.utf8.count / 5)
        let basis: UInt64 = 0xcbf2_9ce4_8422_2325
        var hash = basis
        var length = 0
        var hasDigit = false
        var startsUpper = false
        var allUpper = true
        var sentenceStart = true
        // A number's notation: its value, a decimal point, letters before its first and after its last digit.
        var value: UInt64 = 0
        var decimal = false
        var prefixLetters = false
        var suffixHash = basis
        var suffixLength = 0
        func add(_ byte: UInt8) {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            length += 1
            if hasDigit {
                suffixHash = (suffixHash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                suffixLength += 1
            }
        }
        func finish() {
            guard length > 0 else { return }
            let name = startsUpper && !allUpper && !sentenceStart && !hasDigit && length >= 2
            let fact = hasDigit ? NumberNotation.digitTokenHash(hash: hash, value: value, decimal: decimal, prefixLetters: prefixLetters,
                                                                suffixHash: suffixHash, suffixLength: suffixLength) : hash
            words.append(Word(hash: hash, factHash: fact, isNumber: hasDigit, isName: name))
            hash = basis
            length = 0
            value = 0
            decimal = false
            prefixLetters = false
            suffixHash = basis
            suffixLength = 0
            hasDigit = false
            startsUpper = false
            allUpper = true
            sentenceStart = false
        }
        text.withUTF8 { bytes in
            for index in bytes.indices {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"):
                    add(byte)
                    allUpper = false
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    if length == 0 { startsUpper = true }
                    add(byte | 0x20)
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    if !hasDigit && length > 0 { prefixLetters = true }
                    hasDigit = true
                    add(byte)
                    value = value.multipliedReportingOverflow(by: 10).partialValue &+ UInt64(byte - 0x30)
                    suffixHash = basis
                    suffixLength = 0
                case UInt8(ascii: ","), UInt8(ascii: "."):
                    let nextIsDigit = index + 1 < bytes.count && (0x30...0x39).contains(bytes[index + 1])
                    if hasDigit && nextIsDigit {
                        if byte == UInt8(ascii: ".") { decimal = true }
                        continue
                    }
                    finish()
                    if byte == UInt8(ascii: ".") { sentenceStart = true }
                case 0x80...0xFF:
                    add(byte)
                    allUpper = false
                default:
                    finish()
                    if byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") || byte == 0x0A { sentenceStart = true }
                }
            }
        }
        finish()
        return words
    }

    /// 256 bits from the word hashes in order, under four seeds: equal for
    /// texts with the same words, and colliding otherwise with negligible odds.
    static func contentKey(_ wordHashes: [UInt64]) -> [UInt64] {
        let seeds: [UInt64] = [0xcbf2_9ce4_8422_2325, 0x84222325cbf29ce4, 0x9E37_79B9_7F4A_7C15, 0xD6E8_FEB8_6659_FD93]
        return seeds.map { seed in
            var hash = seed
            for word in wordHashes {
                hash = (hash ^ word) &* 0x0000_0100_0000_01B3
                hash ^= hash >> 29
            }
            return hash ^ UInt64(wordHashes.count)
        }
    }
}
