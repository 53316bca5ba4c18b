/// The one binary encoding of the record store, every state file and the
/// spools: little-endian 64-bit integers, length-prefixed UTF-8, a presence
/// byte before an optional value. Files start with a `BinaryFormat` header.
struct BinaryWriter {
    var bytes: [UInt8] = []
    /// Where a streaming writer hands its bytes each time a megabyte has
    /// gathered, so a large state file is never whole in memory.
    var sink: BinarySink?

    mutating func integer(_ value: Int) {
        var little = Int64(value).littleEndian
        withUnsafeBytes(of: &little) { bytes.append(contentsOf: $0) }
        if let sink, bytes.count >= BinarySink.threshold { sink.take(&bytes) }
    }

    mutating func unsigned(_ value: UInt64) {
        integer(Int(Int64(bitPattern: value)))
    }

    mutating func double(_ value: Double) {
        unsigned(value.bitPattern)
    }

    mutating func flag(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    mutating func string(_ value: String) {
        integer(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
        if let sink, bytes.count >= BinarySink.threshold { sink.take(&bytes) }
    }

    mutating func optional(_ value: String?) {
        flag(value != nil)
        if let value { string(value) }
    }
}

/// Reads what `BinaryWriter` wrote. Every read checks the bounds and throws
/// `BinaryReader.Damage` on short or malformed input, so a damaged or
/// foreign file is reported, never a crash.
struct BinaryReader {
    struct Damage: Error, CustomStringConvertible {
        var description: String
    }

    let bytes: [UInt8]
    private(set) var position: Int
    /// Where the input ends: before a trailer such as a checksum, which the
    /// reader then never has to be given a copy without.
    let end: Int

    init(bytes: [UInt8], position: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.position = position
        self.end = min(end ?? bytes.count, bytes.count)
    }

    var isAtEnd: Bool { position == end }

    @inline(__always)
    mutating func integer() throws(Damage) -> Int {
        guard position + 8 <= end else { throw Damage(description: "truncated at byte \(position)") }
        let value = bytes.withUnsafeBytes { Int64(littleEndian: $0.loadUnaligned(fromByteOffset: position, as: Int64.self)) }
        position += 8
        return Int(value)
    }

    mutating func unsigned() throws(Damage) -> UInt64 {
        UInt64(bitPattern: Int64(try integer()))
    }

    mutating func double() throws(Damage) -> Double {
        Double(bitPattern: try unsigned())
    }

    @inline(__always)
    mutating func byte() throws(Damage) -> UInt8 {
        guard position < end else { throw Damage(description: "truncated at byte \(position)") }
        defer { position += 1 }
        return bytes[position]
    }

    @inline(__always)
    mutating func flag() throws(Damage) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        case let other: throw Damage(description: "flag \(other) at byte \(position - 1)")
        }
    }

    /// A count of items that each take at least `itemSize` bytes: more than
    /// the rest of the input could hold is damage, not a huge allocation.
    @inline(__always)
    mutating func count(itemSize: Int = 1) throws(Damage) -> Int {
        let value = try integer()
        guard value >= 0, value <= (end - position) / max(itemSize, 1) else {
            throw Damage(description: "count \(value) at byte \(position - 8) exceeds the data")
        }
        return value
    }

    @inline(__always)
    mutating func string() throws(Damage) -> String {
        let length = try count()
        defer { position += length }
        return String(decoding: bytes[position..<(position + length)], as: UTF8.self)
    }

    @inline(__always)
    mutating func optional() throws(Damage) -> String? {
        try flag() ? try string() : nil
    }

    /// A value of a closed set written as its raw string.
    mutating func value<Value: RawRepresentable>(_ type: Value.Type) throws(Damage) -> Value where Value.RawValue == String {
        let raw = try string()
        guard let value = Value(rawValue: raw) else { throw Damage(description: "unknown \(Value.self) \"\(raw)\"") }
        return value
    }
}

/// The first line of every binary file NewsETL keeps: `NEWSETL-<NAME>-<VERSION>\n`.
/// A reader accepts only the version it was written for; a file of another
/// version is rebuilt by a full run. Bump the version whenever the layout
/// of the payload changes.
struct BinaryFormat: Sendable, Equatable, CustomStringConvertible {
    var name: String
    var version: Int

    var header: [UInt8] { Array("NEWSETL-\(name)-\(version)\n".utf8) }
    var description: String { "\(name) version \(version)" }

    /// The version of this format a file starting with `bytes` says it
    /// holds; nil when it is not one of this format's files.
    func writtenVersion(_ bytes: some Collection<UInt8>) -> Int? {
        let prefix = Array("NEWSETL-\(name)-".utf8)
        guard bytes.starts(with: prefix) else { return nil }
        let digits = bytes.dropFirst(prefix.count).prefix { (0x30...0x39).contains($0) }
        return digits.isEmpty || digits.count > 9 ? nil : Int(String(decoding: digits, as: UTF8.self))
    }

    /// Checks the header at the start of `bytes`; returns its length.
    func checkHeader(_ bytes: some Collection<UInt8>) throws(BinaryReader.Damage) -> Int {
        let expected = header
        if bytes.starts(with: expected) { return expected.count }
        let line = bytes.prefix(80).split(separator: UInt8(ascii: "\n"), maxSplits: 1, omittingEmptySubsequences: false).first ?? []
        let text = String(decoding: line, as: UTF8.self)
        let prefix = "NEWSETL-\(name)-"
        if text.hasPrefix(prefix), let found = Int(text.dropFirst(prefix.count)) {
            throw BinaryReader.Damage(description: "written as \(name) version \(found), this release reads version \(version)")
        }
        throw BinaryReader.Damage(description: "not a NewsETL \(name) file")
    }
}
