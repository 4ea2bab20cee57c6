public import BackCheckYAML
import Synchronization

/// A compiled expression of the catalogue format (spec section 4): names resolved and
/// kinds checked when the catalogue loads, so evaluating it never meets an unknown name.
///
/// ```swift
/// let scope = Scope(["hip_angle": NameInfo(kind: .number, bilateral: true)])
/// let (rule, problems) = Expression.compile("hip_angle > 0", scope: scope) { _ in nil }
/// let bindings = Bindings(["hip_angle": .bilateral(left: .number(8), right: .number(-12))])
/// rule?.evaluate(bindings, side: .left)    // .value(.bool(true))
/// ```
public struct Expression: Sendable, Hashable, CustomStringConvertible {
    /// The longest expression accepted, in characters.
    public static let maximumLength = 4096
    /// How deeply parentheses, calls and unary operators may nest.
    public static let maximumDepth = Parser.maximumDepth
    /// The names of the functions an expression may call.
    public static let functionNames: [String] = Function.allCases.map(\.rawValue)
    /// How each function is written: `clamp(x, lo, hi)`.
    public static let functionSignatures: [String] = Function.allCases.map(\.signature)

    // An expression never changes once compiled, and rules, derived values and the report's
    // scans pass it around by the thousand: one shared box makes a copy one retain, not six.
    private let storage: Storage

    /// The expression's text as the author wrote it.
    public var source: String { storage.source }
    var root: Node { storage.root }
    /// True when the expression uses a bare bilateral name (so it is evaluated once per side).
    public var isPerSide: Bool { storage.isPerSide }
    /// Every name the expression refers to (inputs, derived, profile.x; `hip_angle.left` counts as hip_angle).
    public var names: Set<String> { Set(storage.sortedNames) }
    /// ``names`` sorted, each once, as the expression keeps them: cheaper than `names` to walk
    /// or to list, since no set is made.
    public var sortedNames: [String] { storage.sortedNames }
    /// The bare bilateral names that make the expression evaluate once per side.
    public var perSideNames: Set<String> { Set(storage.sortedPerSideNames) }
    /// The flat form run by ``value(_:side:)``, compiled the first time it is asked for; `nil`
    /// for expressions over texts or sequences.
    var program: Program? { storage.program }

    /// Statically known result kind when determinable (e.g. a comparison is boolean), else nil.
    public var resultKind: ValueKind? { root.kind }

    /// The source text.
    public var description: String { source }

    /// Parses and resolves `source` against `scope`. Every problem is a diagnostic whose mark
    /// is the exact character in the author's file, found by `markAt` from an offset (in
    /// Unicode scalars) inside `source`; pass `{ scalar.mark(atOffset: $0) }` for a YAML scalar.
    public static func compile(
        _ source: String, scope: Scope, markAt: (Int) -> SourceMark?
    ) -> (Expression?, [Diagnostic]) {
        // A lone number (every `severity: 0.6`) is a good part of what a catalogue compiles,
        // and the lexer, parser and resolver would only make this same literal of it.
        if let value = plainNumber(source) { return (loneNumber(source, value), []) }
        let text = ExpressionText(source)
        func diagnostic(_ error: CompileError) -> Diagnostic {
            var message = error.message
            if let opening = error.opening {
                let openMark = markAt(opening)
                let here = markAt(error.offset)
                if let openMark, let here, openMark.line != here.line {
                    message += " at line \(openMark.line), column \(openMark.column)"
                } else {
                    message += " at column \(openMark?.column ?? opening + 1)"
                }
            }
            return .error(message, at: markAt(error.offset))
        }
        guard text.scalars.count <= maximumLength else {
            let error = CompileError(
                message: "the expression is too long: \(text.scalars.count) characters, at most \(maximumLength); move parts into derived values",
                offset: 0)
            return (nil, [diagnostic(error)])
        }
        let syntax: Syntax
        do {
            syntax = try Parser.parse(text)
        } catch {
            // The rest of the expression is still worth checking: its unknown names are
            // reported in the same pass as the syntax error.
            let unknown = UnknownNames.find(in: text.scalars, scope: scope).map { name, offset in
                Diagnostic.error("unknown name '\(name)'" + Suggestion.hint(for: name, among: scope.names), at: markAt(offset))
            }
            return (nil, [diagnostic(error)] + unknown)
        }
        var resolver = Resolver(scope: scope, source: text)
        guard let root = resolver.resolve(syntax), resolver.errors.isEmpty else {
            return (nil, resolver.errors.map(diagnostic))
        }
        let expression = Expression(
            source: source, root: root, isPerSide: !resolver.perSideNames.isEmpty,
            names: scope.shared.nameList(resolver.names.sorted()),
            perSideNames: scope.shared.nameList(resolver.perSideNames.sorted()))
        return (expression, [])
    }

    /// The value of `source` when it is only digits, with at most one point between digits
    /// (`12`, `0.6`): what the lexer reads as one number token and nothing else. Anything more
    /// (a sign, an exponent, spaces, a point at either end) goes the whole way.
    private static func plainNumber(_ source: String) -> Double? {
        let bytes = source.utf8
        guard bytes.count <= 32, let first = bytes.first, let last = bytes.last, isDigit(first), isDigit(last) else { return nil }
        var points = 0
        for byte in bytes where !isDigit(byte) {
            guard byte == UInt8(ascii: "."), points == 0 else { return nil }
            points += 1
        }
        return Double(source)
    }

    /// The expression of a lone number: one for each text, shared. A catalogue writes the
    /// same few severities (`0.45`, `1`) thousands of times, and each held a box and a tree of
    /// its own: a thirtieth of what 10 000 files held. Kept by text, not by value, so `0.450`
    /// is still shown as written; at most 4 096 texts are kept (see ``SharedValues``).
    private static func loneNumber(_ source: String, _ value: Double) -> Expression {
        loneNumbers.value(for: source) {
            let root = Node(operation: SharedParts.number(value), kind: .number, span: Span(start: 0, end: source.utf8.count))
            return Expression(source: source, root: root, isPerSide: false, names: [], perSideNames: [])
        }
    }

    private static let loneNumbers = SharedValues<String, Expression>(limit: 4096)

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// The words of the language itself (`and`, `or`, `not`, `true`, `false`): an input or
    /// derived value of one of these names could never be used in an expression.
    package static let reservedWords: Set<String> = ["and", "or", "not", "true", "false"]

    /// Reads `node` (a scalar: plain numbers, `true`/`false` and strings are all taken as
    /// expression text; anything else is an error "expected an expression, found a mapping"),
    /// compiles it, and reports every problem to `reader`. `nil` when there was a problem.
    public init?(node: YAMLNode, scope: Scope, reader: NodeReader) {
        guard let scalar = node.scalar, !node.isNull else {
            reader.error("expected an expression, found \(node.kindDescription)", at: node.mark)
            return nil
        }
        let (expression, diagnostics) = Expression.compile(scalar.text, scope: scope) { offset in
            scalar.mark(atOffset: offset) ?? node.mark
        }
        reader.report(contentsOf: diagnostics)
        guard let expression else { return nil }
        self = expression
    }

    private init(source: String, root: Node, isPerSide: Bool, names: [String], perSideNames: [String]) {
        storage = Storage(source: source, root: root, isPerSide: isPerSide, sortedNames: names, sortedPerSideNames: perSideNames)
    }

    // `@unchecked`: the program is written once, by the one thread that moved `state` from
    // `uncompiled`, before it says `compiled` (release); it is read only once `compiled` is
    // seen (acquire).
    private final class Storage: @unchecked Sendable {
        let source: String
        let root: Node
        let isPerSide: Bool
        // Sorted arrays, not sets: an expression names one or two things, and a set of one
        // took nearly twice the memory of an array of one, in every expression a catalogue holds.
        let sortedNames: [String]
        let sortedPerSideNames: [String]
        // Compiled when first run, not at load: a catalogue holds thousands of expressions, a
        // report runs a few dozen, and a held catalogue kept every program (a tenth of its
        // memory). Read through a flag rather than a lazy reference, which cost a retain and
        // release per run: a batch runs expressions by the million.
        private let state = Atomic<UInt8>(uncompiled)
        private nonisolated(unsafe) var compiledProgram: Program?
        private static let uncompiled: UInt8 = 0, storing: UInt8 = 1, compiled: UInt8 = 2

        init(source: String, root: Node, isPerSide: Bool, sortedNames: [String], sortedPerSideNames: [String]) {
            self.source = source
            self.root = root
            self.isPerSide = isPerSide
            self.sortedNames = sortedNames
            self.sortedPerSideNames = sortedPerSideNames
        }

        var program: Program? {
            if state.load(ordering: .acquiring) == Self.compiled { return compiledProgram }
            // A thread that finds another storing it runs its own copy this once: no waiting.
            let program = Program(root)
            if state.compareExchange(expected: Self.uncompiled, desired: Self.storing, ordering: .relaxed).exchanged {
                compiledProgram = program
                state.store(Self.compiled, ordering: .releasing)
            }
            return program
        }
    }

    /// Two expressions are equal when they were compiled from the same text to the same tree.
    public static func == (lhs: Expression, rhs: Expression) -> Bool {
        lhs.storage === rhs.storage || (lhs.source == rhs.source && lhs.root == rhs.root && lhs.sortedNames == rhs.sortedNames)
    }

    /// Hashes the text and the tree, as `==` compares them.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
        hasher.combine(root)
    }

    /// Evaluates against `bindings`. `side` picks the side for bare bilateral names (required
    /// when `isPerSide`: without it the outcome is `notApplicable` with a reason); `.left` and
    /// `.right` in the text pin a side. Division by zero, a missing value or a value of the
    /// wrong kind give `notApplicable` with a reason naming the part of the expression.
    public func evaluate(_ bindings: Bindings, side: Side?) -> Outcome {
        if isPerSide, side == nil {
            let names = storage.sortedPerSideNames.joined(separator: ", ")
            return .notApplicable(reason: "\(source): \(names) has a value per side, so it needs a side to be evaluated")
        }
        let evaluator = Evaluator(bindings: bindings, side: side, source: source)
        do {
            return .value(try evaluator.value(root))
        } catch {
            return .notApplicable(reason: error.reason)
        }
    }
}
