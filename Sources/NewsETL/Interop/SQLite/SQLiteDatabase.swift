import CSQLite

/// A SQLite failure: the statement or step that failed and SQLite's message.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    public let description: String

    init(_ what: String, code: Int32, message: String?) {
        let text = message ?? String(cString: sqlite3_errstr(code))
        description = "sqlite: \(what): \(text)"
    }
}

/// One connection to a database file (the system's libsqlite3), used by one
/// thread at a time. It owns the connection: `close` (or dropping it)
/// finalises every statement it prepared and closes the file.
public final class SQLiteDatabase {
    private var handle: OpaquePointer?
    private var statements: [SQLiteStatement] = []
    public let path: String

    /// Opens `path`, creating it when `create` is set; read-only otherwise,
    /// unless `writable` (an existing file to change).
    public init(path: String, create: Bool = false, writable: Bool = false) throws(SQLiteError) {
        self.path = path
        let flags = create ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY
        var opened: OpaquePointer?
        let code = sqlite3_open_v2(path, &opened, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let opened else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) }
            sqlite3_close_v2(opened)
            throw SQLiteError("open \(path)", code: code, message: message)
        }
        handle = opened
    }

    deinit {
        for statement in statements { statement.finalize() }
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that return no rows (DDL, pragmas, transactions).
    public func execute(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(try connection(), sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) }
            sqlite3_free(message)
            throw SQLiteError(Self.excerpt(sql), code: code, message: text)
        }
    }

    /// A statement prepared once and run many times; finalised when the database closes.
    public func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        let connection = try connection()
        var prepared: OpaquePointer?
        let code = sqlite3_prepare_v2(connection, sql, -1, &prepared, nil)
        guard code == SQLITE_OK, let prepared else {
            throw SQLiteError(Self.excerpt(sql), code: code, message: String(cString: sqlite3_errmsg(connection)))
        }
        let statement = SQLiteStatement(prepared, connection: connection, sql: sql)
        statements.append(statement)
        return statement
    }

    /// Every row `sql` returns, each value as `FieldValue` (blobs as missing).
    public func rows(_ sql: String, _ parameters: [FieldValue] = []) throws(SQLiteError) -> [[FieldValue]] {
        let statement = try prepare(sql)
        return try statement.rows(parameters)
    }

    /// Closes the file; errors when SQLite could not write or close it.
    public func close() throws(SQLiteError) {
        guard let handle else { return }
        for statement in statements { statement.finalize() }
        statements = []
        let code = sqlite3_close(handle)
        guard code == SQLITE_OK else { throw SQLiteError("close \(path)", code: code, message: String(cString: sqlite3_errmsg(handle))) }
        self.handle = nil
    }

    private func connection() throws(SQLiteError) -> OpaquePointer {
        guard let handle else { throw SQLiteError("use of \(path)", code: SQLITE_MISUSE, message: "the database is closed") }
        return handle
    }

    /// The statement's first line, shortened, for an error message.
    static func excerpt(_ sql: String) -> String {
        let line = sql.split(whereSeparator: \.isNewline).first.map(String.init) ?? sql
        return line.count > 80 ? String(line.prefix(80)) + "…" : line
    }
}
