/// A stretch of an expression's text, in Unicode scalars, used to quote a part of the
/// expression in messages and to point at it in the author's file.
struct Span: Hashable, Sendable {
    // Offsets in an expression, which is at most `Expression.maximumLength` (4 096)
    // characters: two bytes each keep a node of the held trees in 16 bytes rather than 32.
    private let startOffset: UInt16
    private let endOffset: UInt16

    var start: Int { Int(startOffset) }
    var end: Int { Int(endOffset) }

    init(start: Int, end: Int) {
        startOffset = UInt16(clamping: start)
        endOffset = UInt16(clamping: end)
    }
}

/// The operators with two operands.
enum BinaryOperator: String, Hashable, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case equal = "==", notEqual = "!="
    case and, or

    /// Whether the operator orders numbers.
    var isOrdering: Bool { [.less, .lessOrEqual, .greater, .greaterOrEqual].contains(self) }
    /// Whether the operator tests equality.
    var isEquality: Bool { self == .equal || self == .notEqual }
    /// Whether the operator computes with numbers.
    var isArithmetic: Bool { [.add, .subtract, .multiply, .divide].contains(self) }
}

/// The operators with one operand.
enum UnaryOperator: String, Hashable, Sendable {
    case negate = "-"
    case not
}

/// An expression as written, before names are resolved: the parser's output.
indirect enum Syntax: Sendable {
    case number(Double, Span)
    case string(String, Span)
    case boolean(Bool, Span)
    /// A name as written, possibly dotted (`hip_angle.left`).
    case name(String, Span)
    /// `op operand`; the span starts at the operator.
    case unary(UnaryOperator, Syntax, span: Span)
    /// `left op right`; `operatorSpan` is where the operator is written.
    case binary(BinaryOperator, Syntax, Syntax, operatorSpan: Span, span: Span)
    /// `function(arguments)`; `nameSpan` is where the function's name is written.
    case call(String, [Syntax], nameSpan: Span, span: Span)
    /// `(inner)`: kept so that messages quote the parentheses the author wrote.
    case grouped(Syntax, span: Span)

    /// The stretch of text the expression covers.
    var span: Span {
        switch self {
        case .number(_, let span), .string(_, let span), .boolean(_, let span), .name(_, let span):
            span
        case .unary(_, _, let span), .binary(_, _, _, _, let span), .call(_, _, _, let span), .grouped(_, let span):
            span
        }
    }
}
