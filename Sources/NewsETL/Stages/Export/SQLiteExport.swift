/// `newsetl.sqlite`: every dataset of a run as a table of one database,
/// written under a temporary name and renamed into place by the export
/// session like the other files.
///
/// Rows go in through prepared statements in one transaction, in the
/// order the other formats write them; indexes, the full-text index and
/// the views are made once at the end. SQLite's file is a function of
/// the statements run, so the same rows give the same bytes (nothing in
/// it records a time).
///
/// A later run updates a copy of the previous database instead
/// (`updating:`): the rows of records that changed or left are deleted,
/// new ones inserted, changed entity summary rows replaced, the full-text
/// index kept in step by temporary triggers, all in one transaction. The rows
/// are those a rebuild would hold; the bytes depend on the nights that
/// made them.
final class SQLiteExport {
    /// One dataset's table: the rows of one dataset go in here.
    final class Table: RowSink {
        private let insert: SQLiteStatement
        fileprivate private(set) var records = 0

        fileprivate init(_ insert: SQLiteStatement) {
            self.insert = insert
        }

        func write(_ row: [FieldValue]) throws {
            try insert.run(row)
            records += 1
        }
    }

    static let fileName = "newsetl.sqlite"
    let finalPath: String
    let temporaryPath: String
    private let datasets: [Dataset]
    private let database: SQLiteDatabase
    /// Whether the database is a copy of the previous one being updated.
    let isUpdate: Bool
    /// Deletes a record's rows by `doc_id` (or `path`), by table; updates only.
    private var deletes: [(statement: SQLiteStatement, byPath: Bool)] = []
    /// Deletes an entity's summary row; updates only.
    private var deleteSummary: SQLiteStatement?

    /// A new database, or with `earlier` (the previous database, made by
    /// the same config and release) a copy of it to update.
    init(datasets: [Dataset], folder: String, updating earlier: String? = nil) throws {
        finalPath = "\(folder)/\(SQLiteExport.fileName)"
        temporaryPath = AtomicFile.temporaryPath(for: finalPath)
        self.datasets = datasets
        isUpdate = earlier != nil
        // A temporary file left by a killed run would be opened, not replaced.
        try FileSystem.removeFile(temporaryPath)
        if let earlier { try FileSystem.copyFile(earlier, to: temporaryPath) }
        database = try SQLiteDatabase(path: temporaryPath, create: earlier == nil, writable: true)
        // The file is renamed into place only once complete: no journal is needed.
        try database.execute("""
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE;
            PRAGMA cache_size = -16384;
            """)
        guard earlier == nil else {
            try database.execute("BEGIN;")
            for dataset in datasets {
                if dataset.name == "entity_summary" {
                    deleteSummary = try database.prepare(SQLiteSchemaText.deleteSummaryRow)
                    continue
                }
                let byPath = !dataset.columns.contains { $0.name == "doc_id" }
                deletes.append((try database.prepare(SQLiteSchemaText.deleteRecord(dataset, byPath: byPath)), byPath))
            }
            if let documents = datasets.first(where: { $0.name == "documents" }) {
                for statement in SQLiteSchemaText.fullTextTriggers(documents) { try database.execute(statement) }
            }
            return
        }
        try database.execute("""
            PRAGMA page_size = 4096;
            PRAGMA application_id = \(SQLiteSchemaText.applicationID); PRAGMA user_version = \(SQLiteSchemaText.schemaVersion);
            BEGIN;
            """)
        for dataset in datasets { try database.execute(SQLiteSchemaText.createTable(dataset)) }
    }

    /// Deletes the rows of an earlier record (its document's, or the
    /// rejection's by path) from every table but the summary, and the
    /// summary rows of `entityIDs`; updates only.
    func forget(docIDs: [String], paths: [String], entityIDs: [String]) throws {
        for (statement, byPath) in deletes {
            for key in byPath ? paths : docIDs { try statement.run([.text(key)]) }
        }
        for id in entityIDs { try deleteSummary?.run([.text(id)]) }
    }

    /// The table `dataset`'s rows go into.
    func table(_ dataset: Dataset) throws -> Table {
        Table(try database.prepare(SQLiteSchemaText.insert(dataset)))
    }

    /// Builds the indexes, the full-text index and the views (a new
    /// database; an updated one has them), commits, and closes and syncs
    /// the file.
    func finish() throws -> WrittenFile {
        if !isUpdate {
            for statement in datasets.flatMap(SQLiteSchemaText.indexes) { try database.execute(statement) }
            if let documents = datasets.first(where: { $0.name == "documents" }) {
                for statement in SQLiteSchemaText.fullTextIndex(documents) { try database.execute(statement) }
            }
            for statement in SQLiteSchemaText.views(Set(datasets.map(\.name))) { try database.execute(statement) }
        }
        try database.execute("COMMIT;")
        try database.close()
        let (bytes, sha256) = try FileSystem.syncAndDigest(temporaryPath)
        return WrittenFile(name: SQLiteExport.fileName, records: nil, bytes: bytes, sha256: sha256)
    }

    /// Closes the database without finishing it (its transaction rolls
    /// back) and removes the temporary file.
    func discard() {
        try? database.close()
        AtomicFile.discard(temporaryPath)
    }
}
