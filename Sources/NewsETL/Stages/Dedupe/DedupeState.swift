import Foundation

/// The sketches of documents earlier runs kept, in one file under the output
/// folder's state folder, so a copy arriving in a later run is matched too.
///
/// A `StateFile`: one that does not check out is set aside (renamed
/// `.corrupt`) rather than trusted, and the run starts fresh. It is put in
/// place by the run's transaction, with the outputs.
struct DedupeState: Sendable {
    struct Entry: Sendable, Equatable {
        var docID: String
        var sourcePath: String
        /// Publication day (`DateParser.dayNumber`), NaN when unknown.
        var day: Double
        var runID: String
        var sketch: DocumentSketch
    }

    let folder: String
    var path: String { "\(folder)/dedupe-signatures.bin" }
    private static let magic = "NEWSETL-DEDUPE-STATE-2\n"

    init(folder: String) {
        self.folder = folder
    }

    func load() -> Result<[Entry], StateFile.Problem> {
        let payload: [UInt8]
        switch StateFile.read(path, magic: DedupeState.magic) {
        case .success(let bytes): payload = bytes
        case .failure(.missing): return .failure(.missing)
        case .failure(.corrupt(let detail)): return setAside(detail)
        }
        var reader = StateReader(bytes: payload)
        var entries: [Entry] = []
        guard let count = reader.integer() else { return setAside("truncated") }
        for _ in 0..<count {
            guard let docID = reader.string(), let sourcePath = reader.string(), let day = reader.integer(),
                  let runID = reader.string(), let words = reader.words(), let sketch = DocumentSketch(packed: words) else {
                return setAside("truncated entry")
            }
            entries.append(Entry(docID: docID, sourcePath: sourcePath, day: Double(bitPattern: UInt64(bitPattern: Int64(day))),
                                 runID: runID, sketch: sketch))
        }
        return .success(entries)
    }

    /// Writes the entries under a temporary name for `transaction` to put in place.
    func save(_ entries: [Entry], into transaction: OutputTransaction) throws {
        var bytes: [UInt8] = []
        StateWriter.integer(entries.count, to: &bytes)
        for entry in entries {
            StateWriter.string(entry.docID, to: &bytes)
            StateWriter.string(entry.sourcePath, to: &bytes)
            StateWriter.integer(Int(Int64(bitPattern: entry.day.bitPattern)), to: &bytes)
            StateWriter.string(entry.runID, to: &bytes)
            let words = entry.sketch.packed()
            StateWriter.integer(words.count, to: &bytes)
            for word in words { StateWriter.integer(Int(bitPattern: UInt(word)), to: &bytes) }
        }
        try StateFile.write(bytes, magic: DedupeState.magic, to: path, into: transaction)
    }

    private func setAside(_ detail: String) -> Result<[Entry], StateFile.Problem> {
        try? FileManager.default.removeItem(atPath: path + ".corrupt")
        try? FileManager.default.moveItem(atPath: path, toPath: path + ".corrupt")
        return .failure(.corrupt(detail))
    }
}

private enum StateWriter {
    static func integer(_ value: Int, to bytes: inout [UInt8]) {
        var little = Int64(value).littleEndian
        withUnsafeBytes(of: &little) { bytes.append(contentsOf: $0) }
    }

    static func string(_ value: String, to bytes: inout [UInt8]) {
        integer(value.utf8.count, to: &bytes)
        bytes.append(contentsOf: value.utf8)
    }
}

/// Reads what `StateWriter` wrote, failing (nil) instead of trapping on
/// short or malformed input.
private struct StateReader {
    let bytes: [UInt8]
    var position = 0

    mutating func integer() -> Int? {
        guard position + 8 <= bytes.count else { return nil }
        let value = bytes.withUnsafeBytes { Int64(littleEndian: $0.loadUnaligned(fromByteOffset: position, as: Int64.self)) }
        position += 8
        return Int(value)
    }

    mutating func string() -> String? {
        guard let length = integer(), length >= 0, position + length <= bytes.count else { return nil }
        defer { position += length }
        return String(decoding: bytes[position..<(position + length)], as: UTF8.self)
    }

    mutating func words() -> [UInt64]? {
        guard let count = integer(), count >= 0, count < 100_000 else { return nil }
        var words: [UInt64] = []
        for _ in 0..<count {
            guard let value = integer() else { return nil }
            words.append(UInt64(bitPattern: Int64(value)))
        }
        return words
    }
}
