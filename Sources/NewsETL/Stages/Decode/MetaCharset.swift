/// Finds the charset an HTML page declares in its first 4 KB
/// (`<meta charset="…">` or `content="text/html; charset=…"`), lowercased.
enum MetaCharset {
    static func find(in bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        var searchStart = head.startIndex
        while let range = head.range(of: "charset", range: searchStart..<head.endIndex) {
            searchStart = range.upperBound
            var index = range.upperBound
            while index < head.endIndex, head[index] == " " { index = head.index(after: index) }
            guard index < head.endIndex, head[index] == "=" else { continue }
            index = head.index(after: index)
            while index < head.endIndex, head[index] == " " || head[index] == "\"" || head[index] == "'" {
                index = head.index(after: index)
            }
            let label = head[index...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" || $0 == "." }
            if !label.isEmpty { return String(label) }
        }
        return nil
    }
}
