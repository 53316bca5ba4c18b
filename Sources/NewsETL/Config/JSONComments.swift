/// `//` and `/* */` comments in a config, as in VS Code's settings and
/// tsconfig.json: the starter `pipeline.json` explains itself with them.
/// They are blanked to spaces (line breaks kept) before the JSON is read,
/// so byte offsets, and the line and column of a syntax error, stay those
/// of the file.
enum JSONComments {
    static func blanked(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "/")) else { return bytes }
        var out = bytes
        var index = 0
        var inString = false
        while index < out.count {
            let byte = out[index]
            if inString {
                if byte == UInt8(ascii: "\\") { index += 2; continue }
                if byte == UInt8(ascii: "\"") { inString = false }
                index += 1
            } else if byte == UInt8(ascii: "\"") {
                inString = true
                index += 1
            } else if byte == UInt8(ascii: "/"), index + 1 < out.count, out[index + 1] == UInt8(ascii: "/") {
                while index < out.count, out[index] != UInt8(ascii: "\n") {
                    out[index] = UInt8(ascii: " ")
                    index += 1
                }
            } else if byte == UInt8(ascii: "/"), index + 1 < out.count, out[index + 1] == UInt8(ascii: "*") {
                // An unclosed block comment runs to the end, and the JSON then ends early: the error says where.
                let start = index
                index += 2
                while index + 1 < out.count, !(out[index] == UInt8(ascii: "*") && out[index + 1] == UInt8(ascii: "/")) { index += 1 }
                let end = min(index + 2, out.count)
                for position in start..<end where out[position] != UInt8(ascii: "\n") { out[position] = UInt8(ascii: " ") }
                index = end
            } else {
                index += 1
            }
        }
        return out
    }
}
