import AssessmentKit
import BackCheckYAML

/// A plain-text table with columns padded to their widest cell, in screen columns; see
/// ``rendered(width:)`` for one that fits a terminal.
final class TextTable {
    private let headers: [String]
    private var rows: [[String]] = []

    init(headers: [String]) { self.headers = headers }

    /// Adds a row; control characters in its cells are shown, not obeyed.
    func add(_ row: [String]) { rows.append(row.map { VisibleText.escaped($0) }) }

    /// The table, one line per row, two spaces between columns, no trailing spaces.
    var rendered: String { rendered(width: .max) }

    /// The table within `width` screen columns where it can be: when it is wider, the widest
    /// columns are narrowed in turn and their cells wrap onto lines of their own, the other
    /// cells blank beside them. No column is narrowed below 12 columns, nor the first (what
    /// names the row: an id, a person) below its longest word while the row still fits: an id
    /// split inside a word cannot be typed back, and a split name can read as someone else's.
    func rendered(width: Int) -> String {
        let all = [headers] + rows
        // Padded by screen columns, not characters: a CJK character takes two.
        let natural = headers.indices.map { column in all.map { TextWrap.columns($0[column]) }.max() ?? 0 }
        let longestWord = all.flatMap { $0[0].split(separator: " ").map { TextWrap.columns(String($0)) } }.max() ?? 0
        // A word longer than half the width gets only what the other columns leave at their
        // narrowest: a name of 70 letters without a space is split rather than push every row
        // past the width.
        let others = natural.dropFirst().reduce(0) { $0 + min($1, 12) } + 2 * (natural.count - 1)
        let firstFloor = longestWord <= width / 2 ? longestWord : min(longestWord, width - others)
        let floors = headers.indices.map { $0 == 0 ? max(12, firstFloor) : 12 }
        var widths = natural
        while widths.reduce(0, +) + 2 * (widths.count - 1) > width,
              let widest = widths.indices.filter({ widths[$0] > floors[$0] }).max(by: { widths[$0] < widths[$1] }) {
            widths[widest] -= 1
        }
        var text = ""
        for row in all {
            let pieces = row.enumerated().map { column, cell in
                widths[column] < natural[column] ? TextWrap.lines(cell, width: widths[column]) : [cell]
            }
            for line in 0..<(pieces.map(\.count).max() ?? 1) {
                let cells = pieces.enumerated().map { column, lines in
                    let cell = line < lines.count ? lines[line] : ""
                    return column == row.count - 1 ? cell : cell + String(repeating: " ", count: max(0, widths[column] - TextWrap.columns(cell)))
                }
                text += String(cells.joined(separator: "  ").reversed().drop { $0 == " " }.reversed()) + "\n"
            }
        }
        return text
    }
}
