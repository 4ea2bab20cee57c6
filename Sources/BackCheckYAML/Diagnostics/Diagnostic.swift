/// One problem found in an author's input, with where it is and how bad it is.
///
/// Printed as `FILE:LINE:COLUMN: error: MESSAGE`, the gcc-style form that editors and
/// CI annotate:
///
/// ```swift
/// let problem = Diagnostic(.error, "duplicate key 'id'", at: mark)
/// print(problem)   // Assessments/thomas.yaml:4:1: error: duplicate key 'id'
/// ```
public struct Diagnostic: Hashable, Sendable, Error, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Hashable, Sendable, Comparable {
        /// Something the author must fix; the input is not used.
        case error
        /// Something the author should look at; the input is still used.
        case warning
        /// Extra context for the diagnostic before it.
        case note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        /// Errors sort before warnings, warnings before notes.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// How serious the problem is.
    public var severity: Severity
    /// What is wrong and, where it helps, how to fix it.
    public var message: String
    /// Where the problem is, or `nil` when it concerns no particular place.
    public var mark: SourceMark?

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at mark: SourceMark?) {
        self.severity = severity
        self.message = message
        self.mark = mark
    }

    /// Creates an error at `mark`.
    public static func error(_ message: String, at mark: SourceMark?) -> Diagnostic {
        Diagnostic(.error, message, at: mark)
    }

    /// Creates a warning at `mark`.
    public static func warning(_ message: String, at mark: SourceMark?) -> Diagnostic {
        Diagnostic(.warning, message, at: mark)
    }

    /// `FILE:LINE:COLUMN: SEVERITY: MESSAGE`, or `SEVERITY: MESSAGE` without a mark, on one
    /// line: control characters from the file name or a quoted value are shown, not obeyed.
    public var description: String {
        let text = mark.map { "\($0): \(severity.rawValue): \(message)" } ?? "\(severity.rawValue): \(message)"
        return VisibleText.escaped(text)
    }

    /// `diagnostics` sorted by file, line and column, as an editor lists them; ones without a
    /// mark come first, and ones at the same place keep their order.
    public static func inFileOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            switch (a.element.mark, b.element.mark) {
            case let (x?, y?) where x != y: x < y
            case (nil, _?): true
            case (_?, nil): false
            default: a.offset < b.offset
            }
        }.map(\.element)
    }
}
