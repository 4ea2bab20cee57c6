internal import CSQLite

/// One connection to an SQLite file. Not safe to use from two threads at once: the store uses
/// it only while holding its lock (hence `@unchecked Sendable`). The store talks to SQLite directly rather than through a database library: the
/// one it used (GRDB) imports Foundation, which loaded Foundation and ICU at every start of
/// `backcheck`, history command or not, for about 6 ms and 30 MB of a binary that needs a
/// handful of statements.
final class SQLiteConnection: @unchecked Sendable {
    private let handle: OpaquePointer

    /// Opens `path` (which must exist) for reading and writing, waiting up to `busySeconds`
    /// for another process's write to finish, with foreign keys enforced and deleted content
    /// zeroed. Nothing is written to the file: see ``useWriteAheadLog()``.
    init(path: String, busySeconds: Int32) throws(SQLiteError) {
        var opened: OpaquePointer?
        let status = sqlite3_open_v2(path, &opened, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil)
        guard status == SQLITE_OK, let opened else {
            let error = SQLiteError(code: status, message: opened.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory")
            sqlite3_close_v2(opened)
            throw error
        }
        handle = opened
        sqlite3_busy_timeout(handle, busySeconds * 1000)
        // The measurements of a check-in go with it (ON DELETE CASCADE), which SQLite only
        // does with foreign keys on; `forget` relies on it.
        try execute("PRAGMA foreign_keys = ON")
        try execute("PRAGMA secure_delete = ON")
    }

    /// Switches the file to a write-ahead log (it stays so), so that readers and one writer in
    /// other processes never block each other. Changes the file: only for a store.
    func useWriteAheadLog() throws(SQLiteError) {
        _ = try rows("PRAGMA journal_mode = WAL")
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// The row id of the last row inserted.
    var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// How many rows the last INSERT, UPDATE or DELETE changed.
    var changes: Int { Int(sqlite3_changes(handle)) }

    /// Runs `sql`, one statement, with `arguments` bound to its `?` in order.
    func execute(_ sql: String, _ arguments: [SQLiteValue] = []) throws(SQLiteError) {
        let statement = try prepare(sql, arguments)
        defer { sqlite3_finalize(statement) }
        while try step(statement) {}
    }

    /// Every row `sql` (one statement, `arguments` bound to its `?`) gives.
    func rows(_ sql: String, _ arguments: [SQLiteValue] = []) throws(SQLiteError) -> [SQLiteRow] {
        let statement = try prepare(sql, arguments)
        defer { sqlite3_finalize(statement) }
        let count = sqlite3_column_count(statement)
        let names = (0..<count).map { String(cString: sqlite3_column_name(statement, $0)) }
        var found: [SQLiteRow] = []
        while try step(statement) {
            found.append(SQLiteRow(names: names, values: (0..<count).map { column(statement, $0) }))
        }
        return found
    }

    /// Runs `body` in one transaction that takes the write lock at once (so two processes
    /// saving together wait for each other instead of failing), committed when it returns and
    /// rolled back when it throws.
    func writing<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    private func prepare(_ sql: String, _ arguments: [SQLiteValue]) throws(SQLiteError) -> OpaquePointer {
        var prepared: OpaquePointer?
        let status = sqlite3_prepare_v2(handle, sql, -1, &prepared, nil)
        guard status == SQLITE_OK, let statement = prepared else { throw failure(status) }
        for (index, argument) in arguments.enumerated() {
            let position = Int32(index + 1)
            let bound = switch argument {
            case .null: sqlite3_bind_null(statement, position)
            case .integer(let value): sqlite3_bind_int64(statement, position, value)
            case .real(let value): sqlite3_bind_double(statement, position, value)
            case .text(let value): sqlite3_bind_text(statement, position, value, -1, Self.transient)
            }
            guard bound == SQLITE_OK else {
                sqlite3_finalize(statement)
                throw failure(bound)
            }
        }
        return statement
    }

    /// Advances `statement`: `true` when it has a row to read.
    private func step(_ statement: OpaquePointer) throws(SQLiteError) -> Bool {
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let status: throw failure(status)
        }
    }

    private func column(_ statement: OpaquePointer, _ index: Int32) -> SQLiteValue {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER: .integer(sqlite3_column_int64(statement, index))
        case SQLITE_FLOAT: .real(sqlite3_column_double(statement, index))
        case SQLITE_NULL: .null
        default:
            // Text (and a blob, which the store never writes) as UTF-8.
            sqlite3_column_text(statement, index).map { .text(String(cString: $0)) } ?? .null
        }
    }

    private func failure(_ status: Int32) -> SQLiteError {
        SQLiteError(code: status, message: String(cString: sqlite3_errmsg(handle)))
    }

    /// Tells SQLite to copy a bound text before the call returns (`SQLITE_TRANSIENT`).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
