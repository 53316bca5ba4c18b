#if canImport(Glibc)
import Glibc
#endif

/// Converts bytes in a named legacy encoding (gb2312, shift_jis, koi8-r, …)
/// to a String through glibc's iconv. Used only for charsets that HTML pages
/// declare and that NewsETL does not decode itself.
public enum Iconv {
    /// The decoded text, or nil when iconv does not know `charset` or the
    /// bytes are not valid in it.
    public static func decode(_ bytes: [UInt8], charset: String) -> String? {
        let converter = iconv_open("UTF-8", charset)
        guard let converter, Int(bitPattern: converter) != -1 else { return nil }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        let written = input.withUnsafeMutableBytes { inputBuffer -> Int? in
            output.withUnsafeMutableBytes { outputBuffer -> Int? in
                var inPointer = inputBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inputBuffer.count
                var outPointer = outputBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outputBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                guard result != -1, inLeft == 0 else { return nil }
                return outputBuffer.count - outLeft
            }
        }
        guard let written else { return nil }
        return String(validating: output[..<written], as: UTF8.self)
    }
}
