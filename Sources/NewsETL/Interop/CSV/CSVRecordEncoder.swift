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

    private static func appendField(_ field: String, to output: inout [UInt8]) {
        var source = Array(field.utf8)
        let capacity = source.count * 2 + 2
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: capacity))
        let written = source.withUnsafeMutableBytes { sourceBuffer in
            output.withUnsafeMutableBytes { outputBuffer in
                csv_write(outputBuffer.baseAddress! + start, capacity, sourceBuffer.baseAddress, sourceBuffer.count)
            }
        }
        output.removeLast(capacity - written)
    }
}
