#if canImport(Glibc)
import Glibc
#endif

/// Converts bytes in a named legacy encoding (gb2312, shift_jis, koi8-r, …)
/// to a String through glibc's iconv. Used only for charsets that HTML pages
/// declare and that NewsETL does not decode itself.
///
/// Labels are read as browsers read them (the WHATWG Encoding Standard): a
/// page that says `gb2312` is decoded as GB18030, `shift_jis` as Windows-31J
/// (CP932), `euc-kr` as CP949, `big5` as Big5-HKSCS, since real pages use
/// the characters of those supersets under the older names. A byte sequence
/// that is still invalid becomes U+FFFD, as in a browser, unless more than
/// 1% of the bytes are invalid: then the label was wrong and nil is returned.
public enum Iconv {
    /// The glibc name of the decoder browsers use for `label`.
    static func decoderName(for label: String) -> String {
        switch label.lowercased() {
        case "gb2312", "gbk", "x-gbk", "chinese", "csgb2312", "csiso58gb231280", "gb_2312", "gb_2312-80", "iso-ir-58", "gb18030":
            return "GB18030"
        case "shift_jis", "shift-jis", "sjis", "ms_kanji", "x-sjis", "csshiftjis", "windows-31j", "ms932", "cp932":
            return "CP932"
        case "euc-kr", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "korean", "csksc56011987", "iso-ir-149", "windows-949", "cp949":
            return "CP949"
        case "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5":
            return "BIG5-HKSCS"
        case "tis-620", "iso-8859-11", "windows-874", "dos-874":
            return "CP874"
        case "iso-8859-9", "latin5", "l5", "windows-1254":
            return "CP1254"
        default:
            return label
        }
    }

    /// The decoded text, or nil when iconv does not know `charset` or too
    /// many bytes are invalid in it.
    public static func decode(_ bytes: [UInt8], charset: String) -> String? {
        let converter = iconv_open("UTF-8", decoderName(for: charset))
        guard let converter, Int(bitPattern: converter) != -1 else { return nil }
        defer { iconv_close(converter) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2 + 16)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var invalid = 0
        var position = 0
        while position < bytes.count {
            var stoppedAt = bytes.count
            var failure: Int32 = 0
            bytes.withUnsafeBytes { inputBuffer in
                chunk.withUnsafeMutableBytes { outputBuffer in
                    var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(mutating: inputBuffer.baseAddress!.assumingMemoryBound(to: CChar.self) + position)
                    var inLeft = bytes.count - position
                    var outPointer: UnsafeMutablePointer<CChar>? = outputBuffer.baseAddress!.assumingMemoryBound(to: CChar.self)
                    var outLeft = outputBuffer.count
                    if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) == -1 { failure = errno }
                    stoppedAt = bytes.count - inLeft
                    output.append(contentsOf: UnsafeRawBufferPointer(start: outputBuffer.baseAddress, count: outputBuffer.count - outLeft))
                }
            }
            position = stoppedAt
            switch failure {
            case 0: break
            case E2BIG: continue
            default:
                // EILSEQ or EINVAL (a sequence cut off at the end): one byte becomes U+FFFD.
                invalid += 1
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                position += 1
            }
        }
        guard invalid * 100 <= bytes.count else { return nil }
        return String(validating: output, as: UTF8.self)
    }
}
