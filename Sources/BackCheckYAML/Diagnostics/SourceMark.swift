/// A position in an author's file: the file's path and a 1-based line and column.
///
/// Every YAML node carries the mark of its first character, so that any problem found
/// later — a wrong type, an unknown key, an expression that does not parse — can be
/// reported at the exact place the author has to edit.
public struct SourceMark: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The path of the file, as it was given to the loader.
    public var file: String
    /// The 1-based line number.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }
    /// The 1-based column, counted in Unicode scalars.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    // Four bytes each (a file is at most a few megabytes): a loaded catalogue keeps a mark for
    // every input, finding, recommendation and rule, and two words of eight were a quarter
    // of each mark.
    private var storedLine: Int32
    private var storedColumn: Int32

    /// Creates a mark for a position in `file`.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    /// `FILE:LINE:COLUMN`, the form editors and CI systems recognise.
    public var description: String { "\(file):\(line):\(column)" }

    /// Orders marks by file, then line, then column.
    public static func < (lhs: SourceMark, rhs: SourceMark) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    /// Returns the mark `count` columns to the right on the same line.
    public func advanced(byColumns count: Int) -> SourceMark {
        SourceMark(file: file, line: line, column: column + count)
    }
}
