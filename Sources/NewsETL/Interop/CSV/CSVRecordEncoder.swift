import CLibCSV

/// Encodes CSV records through libcsv: every field quoted (libcsv's writer
/// always quotes), quotes doubled, fields joined by commas, records ended by
/// CRLF as RFC 4180 asks.
public enum CSVRecordEncoder {
    /// Appends one record to `output`.
    public static func append(_ fields: [String], to output: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            appendField(field, to: &output)
        }
        output.append(0x0D)
        output.append(0x0A)
    }

    /// libcsv writes into room the caller provides; the room is made exact
    /// (a quote each side, each quote doubled), so nothing is trimmed after.
    private static func appendField(_ field: String, to output: inout [UInt8]) {
        var field = field
        field.withUTF8 { source in
            var quotes = 0
            for byte in source where byte == UInt8(ascii: "\"") { quotes += 1 }
            let capacity = source.count + quotes + 2
            let start = output.count
            output.append(contentsOf: repeatElement(0, count: capacity))
            // libcsv writes nothing for a NULL source; an empty field still needs its quotes.
            let written = withUnsafePointer(to: UInt8(0)) { empty in
                output.withUnsafeMutableBytes { outputBuffer in
                    csv_write(outputBuffer.baseAddress! + start, capacity, source.baseAddress ?? empty, source.count)
                }
            }
            precondition(written == capacity, "libcsv wrote \(written) bytes for a field that needs \(capacity)")
        }
    }
}
