/// An ordered collection of diagnostics gathered while reading input.
///
/// Loading never stops at the first problem: readers append here and carry on, so an
/// author sees every problem in one pass.
public struct DiagnosticLog: Sendable, Sequence {
    /// The diagnostics, in the order they were found.
    public private(set) var all: [Diagnostic] = []

    /// Creates an empty log.
    public init() {}

    /// Creates a log holding `diagnostics`.
    public init(_ diagnostics: [Diagnostic]) { all = diagnostics }

    /// Appends one diagnostic.
    public mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }

    /// Appends every diagnostic of `other`.
    public mutating func append(contentsOf other: some Sequence<Diagnostic>) {
        all.append(contentsOf: other)
    }

    /// Appends an error at `mark`.
    public mutating func error(_ message: String, at mark: SourceMark?) {
        all.append(.error(message, at: mark))
    }

    /// Appends a warning at `mark`.
    public mutating func warning(_ message: String, at mark: SourceMark?) {
        all.append(.warning(message, at: mark))
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// The errors only.
    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }

    /// The number of diagnostics.
    public var count: Int { all.count }

    /// Whether the log is empty.
    public var isEmpty: Bool { all.isEmpty }

    /// The diagnostics sorted by file, line and column; ones without a mark come first.
    public var sorted: [Diagnostic] {
        all.enumerated().sorted { a, b in
            switch (a.element.mark, b.element.mark) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return true
            case (_?, nil): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }

    /// Iterates the diagnostics in the order they were found.
    public func makeIterator() -> IndexingIterator<[Diagnostic]> { all.makeIterator() }
}
