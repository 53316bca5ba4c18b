/// The full person names earlier runs saw, with their spellings, document
/// counts and context, and the pairs of names one report used side by
/// side: what `NameVariantCollector` needs to join a variant across runs.
/// Kept in `.state/entity-names.bin`, a `StateFile`.
struct NameTableState: Sendable {
    struct Table: Equatable {
        var names: [String: NameVariantCollector.Name]
        var together: Set<[String]>
    }

    let folder: String
    var path: String { "\(folder)/entity-names.bin" }
    private static let magic = "NEWSETL-ENTITY-NAMES-1\n"

    func load() -> Result<Table, StateFile.Problem> {
        StateFile.read(path, magic: NameTableState.magic).map(decode)
    }

    private func decode(_ payload: [UInt8]) -> Table {
        var decoder = RecordDecoder(bytes: payload)
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
        return table
    }

    /// Writes the table under a temporary name for `transaction` to put in place.
    func save(_ table: Table, into transaction: OutputTransaction) throws {
        var encoder = RecordEncoder()
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
        try StateFile.write(encoder.bytes, magic: NameTableState.magic, to: path, into: transaction)
    }
}
