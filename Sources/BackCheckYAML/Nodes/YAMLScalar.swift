/// The text of a scalar node, as written, and how it was written.
public struct YAMLScalar: Hashable, Sendable {
    /// How a scalar was written in the file.
    public enum Style: String, Hashable, Sendable {
        /// Unquoted.
        case plain
        /// In single quotes.
        case singleQuoted
        /// In double quotes.
        case doubleQuoted
        /// A `|` block.
        case literal
        /// A `>` block.
        case folded
    }

    /// The scalar's value after YAML's escaping and line folding.
    public var text: String
    /// How it was written.
    public var style: Style
    /// Where each line of `text` starts in the file, so a position inside the text (an
    /// expression's column, say) maps back to the author's file. Entry `i` is the mark of
    /// the first character of the `i`-th line of `text` (lines split at `\n`); the first
    /// entry is the first character of the value itself, past any opening quote.
    public var lineMarks: [SourceMark]

    /// Creates a scalar.
    public init(text: String, style: Style, lineMarks: [SourceMark] = []) {
        self.text = text
        self.style = style
        self.lineMarks = lineMarks
    }

    /// The mark of the character at `offset` (in Unicode scalars) inside `text`, or the
    /// best approximation the stored line marks allow.
    public func mark(atOffset offset: Int) -> SourceMark? {
        guard let first = lineMarks.first else { return nil }
        var line = 0
        var column = 0
        for (index, character) in text.unicodeScalars.enumerated() {
            if index == offset { break }
            if character == "\n" {
                line += 1
                column = 0
            } else {
                column += 1
            }
        }
        if line < lineMarks.count { return lineMarks[line].advanced(byColumns: column) }
        return first.advanced(byColumns: offset)
    }
}
