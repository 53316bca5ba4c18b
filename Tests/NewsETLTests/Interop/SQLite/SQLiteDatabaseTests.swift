import Testing
@testable import NewsETL

@Suite struct SQLiteDatabaseTests {
    @Test func valuesRoundTripWithTheirTypes() throws {
        let folder = TemporaryFolder()
        let database = try SQLiteDatabase(path: folder.url("t.sqlite"), create: true)
        try database.execute("CREATE TABLE t (a TEXT, b INTEGER, c REAL, d TEXT);")
        let insert = try database.prepare("INSERT INTO t VALUES (?, ?, ?, ?);")
        try insert.run([.text("£600m, \"quoted\"\n"), .integer(4416), .decimal(0.6875), .missing])
        try insert.run([.text(""), .integer(-1), .decimal(1), .text("x")])
        let rows = try database.rows("SELECT a, b, c, d, typeof(a) FROM t ORDER BY rowid;")
        #expect(rows == [[.text("£600m, \"quoted\"\n"), .integer(4416), .decimal(0.6875), .missing, .text("text")],
                         [.text(""), .integer(-1), .decimal(1), .text("x"), .text("text")]])
        try database.close()
    }

    @Test func aFailingStatementIsAnErrorNamingIt() throws {
        let folder = TemporaryFolder()
        let database = try SQLiteDatabase(path: folder.url("t.sqlite"), create: true)
        do {
            try database.execute("CREATE TABLE t (a TEXT PRIMARY KEY); INSERT INTO t VALUES ('x'); INSERT INTO t VALUES ('x');")
            Issue.record("a duplicate key was accepted")
        } catch {
            #expect(error.description.contains("UNIQUE constraint failed: t.a"))
        }
        #expect(throws: SQLiteError.self) { try database.prepare("SELECT nothing FROM nowhere;") }
    }

    @Test func openingAMissingFileToReadFails() {
        let folder = TemporaryFolder()
        #expect(throws: SQLiteError.self) { try SQLiteDatabase(path: folder.url("missing.sqlite")) }
    }
}
