/// One token of an expression, with where it starts and ends in the expression's text.
struct Token: Sendable {
    /// What a token is.
    enum Kind: Equatable, Sendable {
        case number(Double)
        case string(String)
        /// A name, possibly dotted: `hip_angle`, `hip_angle.left`, `profile.age`.
        case name(String)
        case keyword(Keyword)
        case symbol(Symbol)
        case end
    }

    /// The words the language reserves.
    enum Keyword: String, Sendable {
        case and, or, not, `true`, `false`
    }

    /// Operators and punctuation.
    enum Symbol: String, Sendable {
        case plus = "+", minus = "-", star = "*", slash = "/"
        case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
        case equal = "==", notEqual = "!="
        case openParen = "(", closeParen = ")", comma = ","
    }

    var kind: Kind
    /// The token's first position, in Unicode scalars from the start of the expression.
    var start: Int
    /// The position just past the token.
    var end: Int

    /// How the token is named in messages: `'foo'`, `'>'`, `'text'`, `the end of the expression`.
    func describe(in source: ExpressionText) -> String {
        switch kind {
        case .end: return "the end of the expression"
        // A string token's text already carries its quotes.
        case .string: return source.text(from: start, to: end)
        default: return "'" + source.text(from: start, to: end) + "'"
        }
    }
}

/// An expression's text as Unicode scalars, so positions are the columns an author sees.
struct ExpressionText: Sendable {
    let scalars: [Unicode.Scalar]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// The text between two positions, clamped to the text.
    func text(from start: Int, to end: Int) -> String {
        let lower = max(0, min(start, scalars.count))
        let upper = max(lower, min(end, scalars.count))
        // Names and numbers are ASCII: their bytes are written at once, not appended one by one.
        if scalars[lower..<upper].allSatisfy(\.isASCII) {
            return String(unsafeUninitializedCapacity: upper - lower) { buffer in
                for index in lower..<upper { buffer[index - lower] = UInt8(truncatingIfNeeded: scalars[index].value) }
                return upper - lower
            }
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[lower..<upper])
        return String(result)
    }
}
