import Foundation

/// The full person names earlier runs saw, with their spellings, document
/// counts and context, and the pairs of names one report used side by
/// side: what `NameVariantCollector` needs to join a variant across runs.
/// Kept in `.state/entity-names.bin`, checksummed like the other state.
struct NameTableState: Sendable {
    struct Table: Equatable {
        var names: [String: NameVariantCollector.Name]
        var together: Set<[String]>
    }

    enum LoadProblem: Error {
        case missing
        case corrupt(String)
    }

    let folder: String
    var path: String { "\(folder)/entity-names.bin" }
    private static let magic = Array("NEWSETL-ENTITY-NAMES-1\n".utf8)

    func load() -> Result<Table, LoadProblem> {
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(.missing) }
        let bytes = Array(data)
        let magic = NameTableState.magic
        guard bytes.count >= magic.count + 32, bytes.starts(with: magic) else { return .failure(.corrupt("not a NewsETL name table")) }
        var hasher = SHA256()
        hasher.update(bytes[..<(bytes.count - 32)])
        guard hasher.finalize().elementsEqual(bytes[(bytes.count - 32)...]) else { return .failure(.corrupt("checksum mismatch")) }
        var decoder = RecordDecoder(bytes: Array(bytes[magic.count..<(bytes.count - 32)]))
        var table = Table(names: [:], together: [])
        for _ in 0..<decoder.integer() {
            let key = decoder.string()
            var name = NameVariantCollector.Name()
            for _ in 0..<decoder.integer() { name.spellings[decoder.string()] = decoder.integer() }
            name.documents = decoder.integer()
            for _ in 0..<decoder.integer() { name.context.insert(UInt64(bitPattern: Int64(decoder.integer()))) }
            table.names[key] = name
        }
        for _ in 0..<decoder.integer() { table.together.insert([decoder.string(), decoder.string()]) }
        return .success(table)
    }

    /// Writes the table under a temporary name for `transaction` to put in place.
    func save(_ table: Table, into transaction: OutputTransaction) throws {
        var encoder = RecordEncoder()
        encoder.bytes = NameTableState.magic
        encoder.integer(table.names.count)
        for (key, name) in table.names.sorted(by: { $0.key < $1.key }) {
            encoder.string(key)
            encoder.integer(name.spellings.count)
            for (spelling, count) in name.spellings.sorted(by: { $0.key < $1.key }) {
                encoder.string(spelling)
                encoder.integer(count)
            }
            encoder.integer(name.documents)
            encoder.integer(name.context.count)
            for hash in name.context.sorted() { encoder.integer(Int(Int64(bitPattern: hash))) }
        }
        encoder.integer(table.together.count)
        for pair in table.together.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            encoder.string(pair[0])
            encoder.string(pair[1])
        }
        var hasher = SHA256()
        hasher.update(encoder.bytes)
        try FileSystem.makeFolder(folder)
        let file = try AtomicFile(path: path)
        try file.write(encoder.bytes + hasher.finalize())
        try file.close()
        transaction.add(file.temporaryPath, as: path)
    }
}
