/// The full person names earlier runs saw, with their spellings, document
/// counts and context, and the pairs of names one report used side by
/// side: what `NameVariantCollector` needs to join a variant across runs.
/// Kept in `.state/entity-names.bin`, a `StateFile`.
struct NameTableState: Sendable {
    struct Table: Equatable {
        var names: [String: NameVariantCollector.Name]
        var together: Set<[String]>
    }

    static let format = BinaryFormat(name: "ENTITY-NAMES", version: 1)
    static let fileName = "entity-names.bin"
    let file: StateFile

    init(store: StateStore) {
        file = store.file(NameTableState.fileName, format: NameTableState.format)
    }

    func load() -> Result<Table, StateFile.Problem> {
        file.load { (reader: inout BinaryReader) throws(BinaryReader.Damage) in
            var table = Table(names: [:], together: [])
            for _ in 0..<(try reader.count(itemSize: 32)) {
                let key = try reader.string()
                var name = NameVariantCollector.Name()
                for _ in 0..<(try reader.count(itemSize: 16)) { name.spellings[try reader.string()] = try reader.integer() }
                name.documents = try reader.integer()
                for _ in 0..<(try reader.count(itemSize: 8)) { name.context.insert(try reader.unsigned()) }
                table.names[key] = name
            }
            for _ in 0..<(try reader.count(itemSize: 16)) { table.together.insert([try reader.string(), try reader.string()]) }
            return table
        }
    }

    /// Writes the table under a temporary name for a transaction to put in place.
    func write(_ table: Table) throws -> WrittenStateFile {
        try file.write { writer in
            writer.integer(table.names.count)
            for (key, name) in table.names.sorted(by: { $0.key < $1.key }) {
                writer.string(key)
                writer.integer(name.spellings.count)
                for (spelling, count) in name.spellings.sorted(by: { $0.key < $1.key }) {
                    writer.string(spelling)
                    writer.integer(count)
                }
                writer.integer(name.documents)
                writer.integer(name.context.count)
                for hash in name.context.sorted() { writer.unsigned(hash) }
            }
            writer.integer(table.together.count)
            for pair in table.together.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                writer.string(pair[0])
                writer.string(pair[1])
            }
        }
    }
}
