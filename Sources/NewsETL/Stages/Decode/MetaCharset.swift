/// Finds the charset an HTML page declares in its first 4 KB
/// (`<meta charset="…">` or `content="text/html; charset=…"`), lowercased.
enum MetaCharset {
    private static let key = Array("charset".utf8)

    static func find(in bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4096).map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        var searchFrom = 0
        while searchFrom + key.count <= head.count {
            guard let found = (searchFrom...(head.count - key.count)).first(where: { start in
                head[start] == key[0] && head[start..<(start + key.count)].elementsEqual(key)
            }) else { return nil }
            searchFrom = found + key.count
            var index = searchFrom
            while index < head.count, head[index] == UInt8(ascii: " ") { index += 1 }
            guard index < head.count, head[index] == UInt8(ascii: "=") else { continue }
            index += 1
            while index < head.count, [UInt8(ascii: " "), UInt8(ascii: "\""), UInt8(ascii: "'")].contains(head[index]) { index += 1 }
            var end = index
            while end < head.count, isLabelByte(head[end]) { end += 1 }
            if end > index { return String(decoding: head[index..<end], as: UTF8.self) }
        }
        return nil
    }

    /// Letters, digits and `-_:.`, the characters of a charset label.
    private static func isLabelByte(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
    }
}
