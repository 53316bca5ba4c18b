/// Turns the bytes of a file into text, deciding the encoding in the order a
/// careful reader would: a byte-order mark; valid UTF-8; UTF-16 without a mark
/// (zero bytes in every other position); an HTML `<meta charset>` (which may
/// lie: valid UTF-8 is trusted over a Latin-1 declaration); else Windows-1252.
public struct EncodingDetector: Sendable {
    /// Share of control bytes (other than tab, LF, FF, CR, ESC) above which the
    /// file is taken for binary data rather than text.
    public var maxControlRatio: Double

    public init(maxControlRatio: Double = 0.02) {
        self.maxControlRatio = maxControlRatio
    }

    public struct Decoded: Sendable, Equatable {
        public var text: String
        public var encoding: String
    }

    public enum Failure: Error, Equatable {
        case binary(String)
        case undecodable(String)
    }

    public func decode(_ bytes: [UInt8], looksLikeHTML: Bool) -> Result<Decoded, Failure> {
        if let unicode = decodeByteOrderMark(bytes) { return unicode }
        if let kind = BinarySignature.match(bytes) {
            return .failure(.binary("\(kind) data"))
        }
        if let utf16 = decodeUnmarkedUTF16(bytes) { return utf16 }
        let ratio = controlRatio(bytes)
        if ratio > maxControlRatio {
            let percent = (ratio * 1000).rounded() / 10
            return .failure(.binary("\(percent)% control bytes"))
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return .success(Decoded(text: text, encoding: "utf-8"))
        }
        if looksLikeHTML, let label = MetaCharset.find(in: bytes) {
            switch label {
            case "utf-8", "utf8":
                if let text = lenientUTF8(bytes) { return .success(Decoded(text: text, encoding: "utf-8")) }
            case "iso-8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252", "x-cp1252":
                break
            default:
                if let text = Iconv.decode(bytes, charset: label) {
                    return .success(Decoded(text: text, encoding: label))
                }
            }
        }
        return .success(Decoded(text: Windows1252.decode(bytes), encoding: "windows-1252"))
    }

    private func decodeByteOrderMark(_ bytes: [UInt8]) -> Result<Decoded, Failure>? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(bytes.dropFirst(3))
            let text = String(validating: body, as: UTF8.self) ?? lenientUTF8(body)
            guard let text else { return .failure(.undecodable("invalid UTF-8 after a UTF-8 byte-order mark")) }
            return .success(Decoded(text: text, encoding: "utf-8"))
        }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return decodeUTF32(bytes.dropFirst(4), bigEndian: false) }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return decodeUTF32(bytes.dropFirst(4), bigEndian: true) }
        if bytes.starts(with: [0xFF, 0xFE]) { return decodeUTF16(bytes.dropFirst(2), bigEndian: false) }
        if bytes.starts(with: [0xFE, 0xFF]) { return decodeUTF16(bytes.dropFirst(2), bigEndian: true) }
        return nil
    }

    /// UTF-16 without a byte-order mark shows as zero bytes in every other
    /// position for text that is mostly ASCII.
    private func decodeUnmarkedUTF16(_ bytes: [UInt8]) -> Result<Decoded, Failure>? {
        let sample = bytes.prefix(4096)
        guard sample.count >= 16, sample.count % 2 == 0 else { return nil }
        var evenZeros = 0
        var oddZeros = 0
        for (index, byte) in sample.enumerated() where byte == 0 {
            if index % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let half = sample.count / 2
        if oddZeros * 10 >= half * 7, evenZeros * 50 <= half {
            return decodeUTF16(bytes[...], bigEndian: false)
        }
        if evenZeros * 10 >= half * 7, oddZeros * 50 <= half {
            return decodeUTF16(bytes[...], bigEndian: true)
        }
        return nil
    }

    private func decodeUTF16(_ body: ArraySlice<UInt8>, bigEndian: Bool) -> Result<Decoded, Failure> {
        guard body.count % 2 == 0 else {
            return .failure(.undecodable("UTF-16 text with an odd number of bytes"))
        }
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var index = body.startIndex
        while index < body.endIndex {
            let first = UInt16(body[index]), second = UInt16(body[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        guard let text = String(validating: units, as: UTF16.self) else {
            return .failure(.undecodable("invalid UTF-16 (unpaired surrogate)"))
        }
        return .success(Decoded(text: text, encoding: bigEndian ? "utf-16be" : "utf-16le"))
    }

    private func decodeUTF32(_ body: ArraySlice<UInt8>, bigEndian: Bool) -> Result<Decoded, Failure> {
        guard body.count % 4 == 0 else {
            return .failure(.undecodable("UTF-32 text with a byte count not divisible by 4"))
        }
        var scalars = String.UnicodeScalarView()
        var index = body.startIndex
        while index < body.endIndex {
            let quad = body[index..<(index + 4)].map(UInt32.init)
            let value = bigEndian
                ? quad[0] << 24 | quad[1] << 16 | quad[2] << 8 | quad[3]
                : quad[3] << 24 | quad[2] << 16 | quad[1] << 8 | quad[0]
            guard let scalar = Unicode.Scalar(value) else {
                return .failure(.undecodable("invalid UTF-32 code point"))
            }
            scalars.append(scalar)
            index += 4
        }
        return .success(Decoded(text: String(scalars), encoding: bigEndian ? "utf-32be" : "utf-32le"))
    }

    /// UTF-8 with the odd broken sequence replaced by U+FFFD, or nil when
    /// more than 1% of the bytes are broken (then it is not UTF-8 at all).
    private func lenientUTF8(_ bytes: [UInt8]) -> String? {
        var repairs = 0
        var scalars = String.UnicodeScalarView()
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: break loop
            case .error:
                repairs += 1
                scalars.append("\u{FFFD}")
            }
        }
        return repairs * 100 <= bytes.count ? String(scalars) : nil
    }

    private func controlRatio(_ bytes: [UInt8]) -> Double {
        guard !bytes.isEmpty else { return 0 }
        var controls = 0
        for byte in bytes where byte < 0x20 {
            switch byte {
            case 0x09, 0x0A, 0x0C, 0x0D, 0x1B: continue
            default: controls += 1
            }
        }
        return Double(controls) / Double(bytes.count)
    }
}
