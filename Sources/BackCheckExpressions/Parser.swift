/// Turns tokens into a syntax tree, by the usual precedence, lowest first:
/// `or`, `and`, `not`, comparisons, `+ -`, `* /`, unary `-`.
struct Parser {
    /// How deeply parentheses, calls and unary operators may nest.
    static let maximumDepth = 64

    private let source: ExpressionText
    private let tokens: [Token]
    private var index = 0
    private var depth = 0

    private init(source: ExpressionText, tokens: [Token]) {
        self.source = source
        self.tokens = tokens
    }

    /// The syntax tree of the whole text, or the first problem.
    static func parse(_ source: ExpressionText) throws(CompileError) -> Syntax {
        let tokens = try Lexer.tokens(of: source)
        var parser = Parser(source: source, tokens: tokens)
        if case .end = parser.current.kind {
            throw CompileError(message: "empty expression", offset: 0)
        }
        let syntax = try parser.orExpression()
        guard case .end = parser.current.kind else {
            let extra = parser.current.describe(in: source)
            throw CompileError(message: "unexpected \(extra) after the end of the expression", offset: parser.current.start)
        }
        return syntax
    }

    // The token list always ends with `.end`, and `advance` never steps past it.
    private var current: Token { tokens[min(index, tokens.count - 1)] }

    private mutating func advance() -> Token {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private func isKeyword(_ keyword: Token.Keyword) -> Bool {
        current.kind == .keyword(keyword)
    }

    private func isSymbol(_ symbol: Token.Symbol) -> Bool {
        current.kind == .symbol(symbol)
    }

    private mutating func enterNesting(at offset: Int) throws(CompileError) {
        depth += 1
        if depth > Parser.maximumDepth {
            throw CompileError(
                message: "the expression is nested too deeply: at most \(Parser.maximumDepth) levels of parentheses, calls and unary operators",
                offset: offset)
        }
    }

    private mutating func orExpression() throws(CompileError) -> Syntax {
        var left = try andExpression()
        while isKeyword(.or) {
            let token = advance()
            let right = try andExpression()
            left = .binary(.or, left, right, operatorSpan: Span(start: token.start, end: token.end),
                           span: Span(start: left.span.start, end: right.span.end))
        }
        return left
    }

    private mutating func andExpression() throws(CompileError) -> Syntax {
        var left = try notExpression()
        while isKeyword(.and) {
            let token = advance()
            let right = try notExpression()
            left = .binary(.and, left, right, operatorSpan: Span(start: token.start, end: token.end),
                           span: Span(start: left.span.start, end: right.span.end))
        }
        return left
    }

    private mutating func notExpression() throws(CompileError) -> Syntax {
        guard isKeyword(.not) else { return try comparison() }
        let token = advance()
        try enterNesting(at: token.start)
        let operand = try notExpression()
        depth -= 1
        return .unary(.not, operand, span: Span(start: token.start, end: operand.span.end))
    }

    private static let comparisons: [Token.Symbol: BinaryOperator] = [
        .less: .less, .lessOrEqual: .lessOrEqual, .greater: .greater, .greaterOrEqual: .greaterOrEqual,
        .equal: .equal, .notEqual: .notEqual,
    ]

    private mutating func comparison() throws(CompileError) -> Syntax {
        let left = try additive()
        guard case .symbol(let symbol) = current.kind, let op = Parser.comparisons[symbol] else { return left }
        let token = advance()
        let right = try additive()
        if case .symbol(let next) = current.kind, Parser.comparisons[next] != nil {
            throw CompileError(
                message: "comparisons cannot be chained; join them with 'and', as in a < b and b < c",
                offset: current.start)
        }
        return .binary(op, left, right, operatorSpan: Span(start: token.start, end: token.end),
                       span: Span(start: left.span.start, end: right.span.end))
    }

    private mutating func additive() throws(CompileError) -> Syntax {
        var left = try multiplicative()
        while isSymbol(.plus) || isSymbol(.minus) {
            let token = advance()
            let right = try multiplicative()
            left = .binary(token.kind == .symbol(.plus) ? .add : .subtract, left, right,
                           operatorSpan: Span(start: token.start, end: token.end),
                           span: Span(start: left.span.start, end: right.span.end))
        }
        return left
    }

    private mutating func multiplicative() throws(CompileError) -> Syntax {
        var left = try unary()
        while isSymbol(.star) || isSymbol(.slash) {
            let token = advance()
            let right = try unary()
            left = .binary(token.kind == .symbol(.star) ? .multiply : .divide, left, right,
                           operatorSpan: Span(start: token.start, end: token.end),
                           span: Span(start: left.span.start, end: right.span.end))
        }
        return left
    }

    private mutating func unary() throws(CompileError) -> Syntax {
        guard isSymbol(.minus) else { return try primary() }
        let token = advance()
        try enterNesting(at: token.start)
        let operand = try unary()
        depth -= 1
        return .unary(.negate, operand, span: Span(start: token.start, end: operand.span.end))
    }

    private mutating func primary() throws(CompileError) -> Syntax {
        let token = current
        let span = Span(start: token.start, end: token.end)
        switch token.kind {
        case .number(let value):
            _ = advance()
            return .number(value, span)
        case .string(let text):
            _ = advance()
            return .string(text, span)
        case .keyword(.true), .keyword(.false):
            _ = advance()
            return .boolean(token.kind == .keyword(.true), span)
        case .name(let name):
            _ = advance()
            guard isSymbol(.openParen) else { return .name(name, span) }
            return try call(name, nameSpan: span)
        case .symbol(.openParen):
            _ = advance()
            try enterNesting(at: token.start)
            let inner = try orExpression()
            depth -= 1
            guard isSymbol(.closeParen) else {
                throw CompileError(message: "missing ')' to close the '('", offset: current.start, opening: token.start)
            }
            let close = advance()
            return .grouped(inner, span: Span(start: token.start, end: close.end))
        default:
            throw CompileError(message: "expected a value\(afterPrevious), found \(token.describe(in: source))",
                               offset: token.start)
        }
    }

    /// ` after '>'` when a token precedes the current one, so the message says what wanted a value.
    private var afterPrevious: String {
        guard index > 0 else { return "" }
        return " after " + tokens[index - 1].describe(in: source)
    }

    private mutating func call(_ name: String, nameSpan: Span) throws(CompileError) -> Syntax {
        let open = advance()
        try enterNesting(at: nameSpan.start)
        var arguments: [Syntax] = []
        if !isSymbol(.closeParen) {
            while true {
                arguments.append(try orExpression())
                if isSymbol(.comma) {
                    _ = advance()
                    continue
                }
                if isSymbol(.closeParen) { break }
                if case .end = current.kind {
                    throw CompileError(message: "missing ')' to close '\(name)('", offset: current.start,
                                       opening: open.start)
                }
                throw CompileError(
                    message: "expected ',' or ')' in the arguments of \(name), found \(current.describe(in: source))",
                    offset: current.start)
            }
        }
        let close = advance()
        depth -= 1
        return .call(name, arguments, nameSpan: nameSpan, span: Span(start: nameSpan.start, end: close.end))
    }
}
