/// Why the history store could not do what was asked, in words for the person at the terminal.
public enum HistoryError: Error, Sendable, CustomStringConvertible {
    /// The file at the store's path is not a BackCheck history (or not SQLite at all).
    case notAStore(path: String, reason: String)
    /// The file is a history store (an SQLite file) that cannot be read as one: cut short,
    /// overwritten in part, or missing a table.
    case damaged(path: String, reason: String)
    /// The store was written by a newer BackCheck.
    case newerStore(path: String)
    /// The store's folder or file could not be made or opened.
    case cannotOpen(path: String, reason: String)
    /// No check-in has that id.
    case noCheckIn(Int64)
    /// The person has no check-ins; `similar` are saved names that differ only in capitals.
    case noPerson(String, similar: [String] = [])
    /// A line of an import file is not a check-in.
    case badImport(line: Int, reason: String)
    /// A saved check-in's report cannot be read: written by a newer BackCheck, or changed
    /// outside it.
    case unreadableCheckIn(Int64)
    /// The name (shown escaped and cut short) cannot be kept, for `reason`: it is empty, too
    /// long, or holds control or text-direction characters.
    case badName(String, reason: String)

    /// The message, naming the file and what to do.
    public var description: String {
        switch self {
        case .notAStore(let path, let reason):
            "\(path) is not a BackCheck history store (\(reason)); it was left untouched. Move it aside, or set BACKCHECK_HOME to another folder."
        case .damaged(let path, let reason):
            "\(path) is a damaged history store (\(reason)); it was left untouched. Keep a copy of it: SQLite's own tool can save what is still readable (sqlite3 '\(path)' .recover > recovered.sql). To start a new history, move it aside, or set BACKCHECK_HOME to another folder."
        case .newerStore(let path):
            "\(path) was written by a newer BackCheck; update backcheck to use it (it was left untouched)."
        case .cannotOpen(let path, let reason):
            "cannot open the history store at \(path): \(reason)"
        case .noCheckIn(let id):
            "no check-in has the id \(id); `backcheck history list PERSON` shows the ids"
        case .noPerson(let person, let similar) where !similar.isEmpty:
            "no check-ins are saved for '\(person)'; did you mean \(similar.map { "'\($0)'" }.joined(separator: " or "))? (names must match exactly, capitals included)"
        case .noPerson(let person, _):
            "no check-ins are saved for '\(person)'; `backcheck history people` lists who has some"
        case .badImport(let line, let reason):
            "line \(line) of the import is not a check-in: \(reason); nothing was imported"
        case .unreadableCheckIn(let id):
            "check-in \(id) holds a report this program cannot read (saved by a newer BackCheck, or changed outside it); update backcheck, or remove it with `backcheck history delete \(id)`"
        case .badName(let shown, let reason):
            "'\(shown)' cannot be a person's name: \(reason); give a name of 1 to \(PersonName.maximumLength) characters with no control characters (--person NAME)"
        }
    }
}
