internal import CSQLite

/// A value bound to, or read from, an SQL statement.
enum SQLiteValue: Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    /// `value` as text, or NULL when it is `nil`.
    static func text(_ value: String?) -> SQLiteValue { value.map { .text($0) } ?? .null }

    /// `value` as a number, or NULL when it is `nil`.
    static func real(_ value: Double?) -> SQLiteValue { value.map { .real($0) } ?? .null }
}

/// One row of a query's result, read by column name.
struct SQLiteRow {
    let names: [String]
    let values: [SQLiteValue]

    subscript(name: String) -> SQLiteValue {
        names.firstIndex(of: name).map { values[$0] } ?? .null
    }

    /// The column's text; `nil` when it is NULL.
    func text(_ name: String) -> String? {
        switch self[name] {
        case .text(let text): text
        case .integer(let value): String(value)
        case .real(let value): String(value)
        case .null: nil
        }
    }

    /// The column's integer; `nil` when it is NULL.
    func integer(_ name: String) -> Int64? {
        switch self[name] {
        case .integer(let value): value
        case .real(let value): Int64(exactly: value)
        case .text(let text): Int64(text)
        case .null: nil
        }
    }

    /// The column's number; `nil` when it is NULL.
    func real(_ name: String) -> Double? {
        switch self[name] {
        case .real(let value): value
        case .integer(let value): Double(value)
        case .text(let text): Double(text)
        case .null: nil
        }
    }
}

/// What SQLite answered when a statement failed, as "SQLite error 5: database is locked".
struct SQLiteError: Error, CustomStringConvertible {
    /// The result code, possibly extended (the primary code is its low byte).
    let code: Int32
    let message: String

    /// Whether the file is not a database, or a damaged one.
    var isNotADatabase: Bool { code & 0xFF == SQLITE_NOTADB || code & 0xFF == SQLITE_CORRUPT }

    /// Whether the file, or the folder SQLite must write its log in, cannot be written.
    var isReadOnly: Bool { code & 0xFF == SQLITE_READONLY || code & 0xFF == SQLITE_CANTOPEN }

    /// Whether another connection held the store for longer than the busy timeout.
    var isBusy: Bool { code & 0xFF == SQLITE_BUSY || code & 0xFF == SQLITE_LOCKED }

    var description: String {
        // Seen when a forget compacts a large store while others save: say what to do.
        guard !isBusy else {
            return "another backcheck has been writing to it for over 10 seconds (a `history forget` compacting a large store can take that long), so nothing was done; try again when it has finished (SQLite error \(code))"
        }
        return "SQLite error \(code): \(message)"
    }
}
