/// Chinese and Japanese write words without spaces between them; counting
/// space-separated words would see one "word" per sentence, and every
/// length threshold (running text, minimum words, word counts) would
/// misjudge such pages. Each ideograph and kana counts as a word of its own,
/// the convention of the boilerplate benchmarks for these scripts.
enum CharacterWords {
    static func isCharacterWord(_ value: UInt32) -> Bool {
        switch value {
        case 0x3040...0x30FF,   // Hiragana, Katakana
             0x3400...0x4DBF,   // CJK Extension A
             0x4E00...0x9FFF,   // CJK Unified Ideographs
             0xF900...0xFAFF,   // CJK Compatibility Ideographs
             0xFF66...0xFF9D,   // Halfwidth Katakana
             0x20000...0x3134F: // CJK Extensions B–G
            return true
        default:
            return false
        }
    }
}
