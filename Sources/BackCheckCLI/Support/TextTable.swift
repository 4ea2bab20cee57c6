import AssessmentKit
import BackCheckYAML

/// A plain-text table with columns padded to their widest cell, in screen columns.
final class TextTable {
    private let headers: [String]
    private var rows: [[String]] = []

    init(headers: [String]) { self.headers = headers }

    /// Adds a row; control characters in its cells are shown, not obeyed.
    func add(_ row: [String]) { rows.append(row.map { VisibleText.escaped($0) }) }

    /// The table, one line per row, two spaces between columns, no trailing spaces.
    var rendered: String {
        let all = [headers] + rows
        // Padded by screen columns, not characters: a CJK character takes two.
        let widths = headers.indices.map { column in all.map { TextWrap.columns($0[column]) }.max() ?? 0 }
        var text = ""
        for row in all {
            let cells = row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - TextWrap.columns(cell))
            }
            text += cells.joined(separator: "  ") + "\n"
        }
        return text
    }
}
