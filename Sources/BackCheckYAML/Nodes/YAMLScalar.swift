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
    /// The line marks as given, or how to work them out from the source when first asked.
    private var marks: LineMarks

    /// Where each line of `text` starts in the file, so a position inside the text (an
    /// expression's column, say) maps back to the author's file. Entry `i` is the mark of
    /// the first character of the `i`-th line of `text` (lines split at `\n`); the first
    /// entry is the first character of the value itself, past any opening quote.
    ///
    /// Parsed scalars work these out on demand from the file's text: only error messages
    /// and expressions ever ask, so most scalars never pay for them.
    public var lineMarks: [SourceMark] {
        get {
            switch marks {
            case .given(let given): return given
            case .inSource(let place): return place.marks(text: text, style: style)
            }
        }
        set { marks = .given(newValue) }
    }

    /// Creates a scalar.
    public init(text: String, style: Style, lineMarks: [SourceMark] = []) {
        self.text = text
        self.style = style
        marks = .given(lineMarks)
    }

    /// Creates a parsed scalar whose line marks are worked out from `place` when asked for.
    init(text: String, style: Style, place: ScalarPlace) {
        self.text = text
        self.style = style
        marks = .inSource(place)
    }

    /// The mark of the character at `offset` (in Unicode scalars) inside `text`, or the
    /// best approximation the stored line marks allow.
    public func mark(atOffset offset: Int) -> SourceMark? {
        let lineMarks = lineMarks
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
        guard line < lineMarks.count else { return first.advanced(byColumns: offset) }
        let start = lineMarks[line]
        // The text differs from its source where an escape was written or a line break folded.
        // A plain scalar on one line has neither: its characters are the source's, and the
        // walk (which needs the file's line table) is not made.
        if style != .literal, column > 0, case .inSource(let place) = marks, !place.isPlainOnOneLine(style),
           let exact = place.sourceMark(after: column, from: start, style: style) {
            return exact
        }
        return start.advanced(byColumns: column)
    }

    /// Scalars are equal when their text, style and line marks are.
    public static func == (lhs: YAMLScalar, rhs: YAMLScalar) -> Bool {
        lhs.text == rhs.text && lhs.style == rhs.style && lhs.lineMarks == rhs.lineMarks
    }

    /// Hashes the text and style (equal scalars have equal ones; marks need not be worked out).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(style)
    }
}

/// Where a scalar's line marks come from.
private enum LineMarks: Sendable {
    /// Given by whoever made the scalar.
    case given([SourceMark])
    /// Worked out from the parsed file when asked for.
    case inSource(ScalarPlace)
}
