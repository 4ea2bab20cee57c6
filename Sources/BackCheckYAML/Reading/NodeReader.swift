/// Reads YAML nodes into Swift values and collects every problem on the way.
///
/// A reader never stops at the first problem: each failed read is logged with its mark and
/// answers `nil`, and reading goes on, so one pass shows an author everything to fix.
///
/// ```swift
/// let reader = NodeReader()
/// if let fields = reader.mapping(document.root, of: "an assessment") {
///     let id = fields.required("id", as: String.self)
///     let version = fields.optional("version", as: Int.self, in: 1...)
///     fields.rejectUnknownKeys()
/// }
/// for problem in reader.diagnostics { print(problem) }
/// ```
public final class NodeReader {
    /// Everything reported so far.
    public private(set) var diagnostics = DiagnosticLog()

    /// Creates a reader with an empty log.
    public init() {}

    /// Creates a reader with an empty log, which keeps warnings or only counts them (see
    /// ``DiagnosticLog/keepsWarnings``).
    public init(keepsWarnings: Bool) {
        diagnostics = DiagnosticLog(keepsWarnings: keepsWarnings)
    }

    /// Logs an error at `mark`.
    public func error(_ message: String, at mark: SourceMark?) {
        diagnostics.append(.error(message, at: mark))
    }

    /// Logs a warning at `mark`.
    public func warning(_ message: String, at mark: SourceMark?) {
        diagnostics.append(.warning(message, at: mark))
    }

    /// Logs `diagnostic` as it is.
    public func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Logs every diagnostic of `other`.
    public func report(contentsOf other: some Sequence<Diagnostic>) {
        diagnostics.append(contentsOf: other)
    }

    /// Logs another log, its counts kept (see ``DiagnosticLog/append(contentsOf:)-(DiagnosticLog)``).
    public func report(contentsOf other: DiagnosticLog) {
        diagnostics.append(contentsOf: other)
    }

    /// Whether an error has been logged.
    public var hasErrors: Bool { diagnostics.hasErrors }

    /// Reads `node` as `T`, logging a problem and answering `nil` when it does not fit.
    @inlinable
    public func read<T: YAMLReadable>(_ type: T.Type = T.self, from node: YAMLNode) -> T? {
        T.read(from: node, in: self)
    }

    /// Reads `node` as `T` and checks it lies in `range`.
    @inlinable
    public func read<T: YAMLReadable & Comparable>(
        _ type: T.Type = T.self, from node: YAMLNode, in range: some RangeExpression<T>, named name: String
    ) -> T? {
        // Its problems name the field, as the range's does: "'age': expected a number" says
        // which line of a profile to mend without reading the column (found by a review).
        let field = NodeReader()
        guard let value = T.read(from: node, in: field) else {
            for var problem in field.diagnostics.all {
                problem.message = "'\(name)': " + problem.message
                report(problem)
            }
            return nil
        }
        report(contentsOf: field.diagnostics)
        guard range.contains(value) else {
            error("'\(name)' is out of range: \(RangeText.describe(range)), found \(RangeText.text(value))", at: node.mark)
            return nil
        }
        return value
    }

    /// A field-by-field reader over `node`, or `nil` (with an error naming `what`) when
    /// `node` is not a mapping. Duplicate keys are reported here, naming both lines.
    public func mapping(_ node: YAMLNode, of what: String) -> MappingReader? {
        guard node.mapping != nil else {
            // The broken alias was reported where it stands; "found nothing" would only mislead.
            if node.standsInForBrokenAlias { return nil }
            error("expected \(what) (a mapping), found \(node.kindDescription)", at: node.mark)
            return nil
        }
        return MappingReader(node: node, what: what, reader: self)
    }
}

/// Describes a range for out-of-range messages: `must be at least 1`, `must be 0 to 10`.
@usableFromInline
enum RangeText {
    @usableFromInline
    static func describe<T: Comparable>(_ range: some RangeExpression<T>) -> String {
        switch range {
        case let closed as ClosedRange<T>: return "must be \(text(closed.lowerBound)) to \(text(closed.upperBound))"
        case let from as PartialRangeFrom<T>: return "must be at least \(text(from.lowerBound))"
        case let through as PartialRangeThrough<T>: return "must be at most \(text(through.upperBound))"
        case let upTo as PartialRangeUpTo<T>: return "must be less than \(text(upTo.upperBound))"
        case let halfOpen as Range<T>: return "must be from \(text(halfOpen.lowerBound)) up to \(text(halfOpen.upperBound))"
        default: return "must be in its allowed range"
        }
    }

    /// `value` as an author would write it: a whole number without `.0`.
    @usableFromInline
    static func text<T>(_ value: T) -> String {
        if let number = value as? Double, number.rounded() == number, abs(number) < 1e15 { return String(Int(number)) }
        return "\(value)"
    }
}
