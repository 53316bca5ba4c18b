import Foundation

/// How the record store, the spools and the shard files lay out one record:
/// its length as 4 little-endian bytes, then the payload.
enum RecordFraming {
    /// A file ends inside a record.
    struct Truncated: Error {}

    /// Appends `payload` with its length prefix to `record`.
    static func append(_ payload: [UInt8], to record: inout [UInt8]) {
        var length = UInt32(payload.count).littleEndian
        withUnsafeBytes(of: &length) { record.append(contentsOf: $0) }
        record.append(contentsOf: payload)
    }

    /// The next record's prefix and payload; nil where no record starts
    /// (the end of the file); throws `Truncated` when the payload is short.
    static func next(in handle: FileHandle) throws -> (prefix: Data, payload: Data)? {
        guard let prefix = try handle.read(upToCount: 4), prefix.count == 4 else { return nil }
        let length = prefix.withUnsafeBytes { Int(UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self))) }
        guard let payload = try handle.read(upToCount: length), payload.count == length else { throw Truncated() }
        return (prefix, payload)
    }
}
