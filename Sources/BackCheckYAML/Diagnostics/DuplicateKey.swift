/// The words of a duplicate-key error, shared by the YAML and JSON readers and the typed reader.
enum DuplicateKey {
    /// `duplicate key 'KEY'` and where both are: their lines, or, when both are on one line (a
    /// flow mapping, a JSON Lines record), the first one's column, as the error's own mark
    /// already points at the second.
    static func message(_ key: String, context: String = "", first: (line: Int, column: Int?), again line: Int) -> String {
        let head = "duplicate key '\(key)'\(context)"
        guard first.line == line else { return "\(head): first at line \(first.line), again at line \(line)" }
        guard let column = first.column else { return "\(head): twice on line \(line)" }
        return "\(head): first at column \(column) of line \(line), again here"
    }
}
