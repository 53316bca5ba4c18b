import CLanguageID

/// The language of a text, from CLD2 (Compact Language Detector 2, the
/// n-gram identifier Chrome used; Debian `libcld2-dev`, Apache 2.0): 83
/// languages from quadgram and word statistics in tables of a few MB,
/// thread safe; about 370 instructions per byte (BENCHMARKS.md), hence the
/// 16 KB it reads. Chosen over libexttextcat (Cavnar–Trenkle
/// rank order, weak on a paragraph) and over training our own profiles,
/// for which no multilingual text ships with the tool.
public enum LanguageIdentifier {
    /// The answer when the evidence is too thin or mixed (ISO 639-2 "undetermined").
    public static let undetermined = "und"
    /// Text beyond this is not looked at: a report's language shows in its first paragraphs.
    static let examinedBytes = 16 * 1024
    /// Below this share of the letters the text is called mixed.
    static let minimumPercent = 50

    /// ISO 639-1 code of `text`'s language (`en`, `de`, `zh`, `he`), the
    /// ISO 639-2/3 code for the few languages without one (`haw`, `ceb`),
    /// or `und` unless CLD2 finds one language clearly ahead on most of
    /// the letters.
    public static func identify(_ text: String) -> String {
        var text = text
        text.makeContiguousUTF8()
        let guess = text.utf8.withContiguousStorageIfAvailable { utf8 -> newsetl_language_guess? in
            var length = min(utf8.count, examinedBytes)
            // A cut may split a character; CLD2 wants whole ones, so the cut
            // moves back to the last ASCII byte.
            if length < utf8.count {
                while length > 0, utf8[length - 1] >= 0x80 { length -= 1 }
            }
            guard length > 0, let base = utf8.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: length) { newsetl_detect_language($0, Int32(length)) }
        } ?? nil
        guard let guess, guess.reliable != 0, guess.percent >= minimumPercent, let code = guess.code else { return undetermined }
        return isoCode(String(cString: code))
    }

    /// CLD2 keeps a few withdrawn codes and script suffixes (`iw`, `zh-Hant`).
    static func isoCode(_ cld2Code: String) -> String {
        let base = cld2Code.split(separator: "-").first.map(String.init) ?? cld2Code
        switch base {
        case "un", "xx", "": return undetermined
        case "iw": return "he"
        case "jw": return "jv"
        case "in": return "id"
        case "ji": return "yi"
        case "mo": return "ro"
        default: return base
        }
    }
}
