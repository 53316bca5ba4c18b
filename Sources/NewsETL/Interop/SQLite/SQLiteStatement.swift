import CSQLite

/// A prepared statement of a `SQLiteDatabase`, which owns and finalises it.
public final class SQLiteStatement {
    private var handle: OpaquePointer?
    private let connection: OpaquePointer
    private let sql: String

    init(_ handle: OpaquePointer, connection: OpaquePointer, sql: String) {
        self.handle = handle
        self.connection = connection
        self.sql = sql
    }

    func finalize() {
        sqlite3_finalize(handle)
        handle = nil
    }

    /// Binds `values` to the parameters in order and runs the statement to
    /// its end (an insert); the statement is ready to run again.
    public func run(_ values: [FieldValue]) throws(SQLiteError) {
        let statement = try bind(values)
        defer { sqlite3_reset(statement) }
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else { throw failure(code) }
    }

    /// Binds `values` and collects every row the statement returns.
    public func rows(_ values: [FieldValue] = []) throws(SQLiteError) -> [[FieldValue]] {
        let statement = try bind(values)
        defer { sqlite3_reset(statement) }
        var rows: [[FieldValue]] = []
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return rows }
            guard code == SQLITE_ROW else { throw failure(code) }
            rows.append((0..<sqlite3_column_count(statement)).map { column($0, of: statement) })
        }
    }

    private func bind(_ values: [FieldValue]) throws(SQLiteError) -> OpaquePointer {
        guard let handle else { throw SQLiteError(sql, code: SQLITE_MISUSE, message: "the statement was finalised") }
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .text(let text):
                var text = text
                code = text.withUTF8 { bytes in
                    bytes.withMemoryRebound(to: CChar.self) {
                        newsetl_sqlite3_bind_text_copy(handle, index, $0.baseAddress, Int32($0.count))
                    }
                }
            case .integer(let number): code = sqlite3_bind_int64(handle, index, Int64(number))
            case .decimal(let number): code = sqlite3_bind_double(handle, index, number)
            case .missing: code = sqlite3_bind_null(handle, index)
            }
            guard code == SQLITE_OK else { throw failure(code) }
        }
        return handle
    }

    private func column(_ index: Int32, of statement: OpaquePointer) -> FieldValue {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER: return .integer(Int(sqlite3_column_int64(statement, index)))
        case SQLITE_FLOAT: return .decimal(sqlite3_column_double(statement, index))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(statement, index) else { return .missing }
            let count = Int(sqlite3_column_bytes(statement, index))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        default: return .missing
        }
    }

    private func failure(_ code: Int32) -> SQLiteError {
        SQLiteError(SQLiteDatabase.excerpt(sql), code: code, message: String(cString: sqlite3_errmsg(connection)))
    }
}
