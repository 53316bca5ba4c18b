extension StringProtocol {
    /// Whether `needle` occurs in the text, compared byte for byte in UTF-8.
    /// Foundation's `contains(_:)` is what a string argument picks by
    /// default; on Linux it bridges to NSString and compares composed
    /// characters, at about a hundred times the cost, which on per-element
    /// and per-token paths made it a tenth of an HTML run.
    func containsBytes(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { pattern in
            guard let first = pattern.first else { return false }  // as Foundation answers
            let search = { (text: UnsafeBufferPointer<UInt8>) -> Bool in
                guard text.count >= pattern.count else { return false }
                var start = 0
                while start + pattern.count <= text.count {
                    guard let found = text[start...(text.count - pattern.count)].firstIndex(of: first) else { return false }
                    if pattern.indices.allSatisfy({ text[found + $0] == pattern[$0] }) { return true }
                    start = found + 1
                }
                return false
            }
            return utf8.withContiguousStorageIfAvailable(search) ?? Array(utf8).withUnsafeBufferPointer(search)
        }
    }
}
