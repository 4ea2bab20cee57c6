/// A problem found while compiling, at a position inside the expression's text.
struct CompileError: Error, Sendable {
    var message: String
    var offset: Int
    /// Where the bracket that a missing `)` should close was opened; the message then
    /// ends with its column, which only the caller can map to the author's file.
    var opening: Int? = nil
}

/// Splits an expression's text into tokens.
struct Lexer {
    private let source: ExpressionText
    private var position = 0

    init(_ source: ExpressionText) {
        self.source = source
    }

    private var scalars: [Unicode.Scalar] { source.scalars }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        let index = position + ahead
        return index < scalars.count ? scalars[index] : nil
    }

    /// Every token of the text, ending with `.end`, or the first problem.
    static func tokens(of source: ExpressionText) throws(CompileError) -> [Token] {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        // About one token per two characters in typical expressions: one allocation, no growth.
        tokens.reserveCapacity(source.scalars.count / 2 + 2)
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if case .end = token.kind { return tokens }
        }
    }

    mutating func next() throws(CompileError) -> Token {
        while let scalar = peek(), scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
            position += 1
        }
        let start = position
        guard let scalar = peek() else { return Token(kind: .end, start: start, end: start) }
        if Lexer.isDigit(scalar) { return try number() }
        if Lexer.isNameStart(scalar) { return try name() }
        if scalar == "'" { return try string() }
        if let symbol = symbol() {
            return Token(kind: .symbol(symbol), start: start, end: position)
        }
        throw CompileError(message: Lexer.unexpected(scalar, next: peek(1)), offset: start)
    }

    private mutating func number() throws(CompileError) -> Token {
        let start = position
        while let scalar = peek(), Lexer.isDigit(scalar) { position += 1 }
        if peek() == ".", let after = peek(1), Lexer.isDigit(after) {
            position += 1
            while let scalar = peek(), Lexer.isDigit(scalar) { position += 1 }
        }
        if peek() == "e" || peek() == "E" {
            let sign = peek(1) == "+" || peek(1) == "-" ? 1 : 0
            if let digit = peek(1 + sign), Lexer.isDigit(digit) {
                position += 1 + sign
                while let scalar = peek(), Lexer.isDigit(scalar) { position += 1 }
            }
        }
        if let scalar = peek(), Lexer.isNameStart(scalar) || scalar == "." {
            while let scalar = peek(), Lexer.isNamePart(scalar) || scalar == "." { position += 1 }
            let text = source.text(from: start, to: position)
            throw CompileError(message: "'\(text)' is not a number; names start with a letter", offset: start)
        }
        let text = source.text(from: start, to: position)
        guard let value = Double(text), value.isFinite else {
            throw CompileError(message: "the number \(text) is too large", offset: start)
        }
        return Token(kind: .number(value), start: start, end: position)
    }

    private mutating func name() throws(CompileError) -> Token {
        let start = position
        while let scalar = peek(), Lexer.isNamePart(scalar) { position += 1 }
        // A dot continues the name only when a name part follows: `hip_angle.left`, `profile.age`.
        while peek() == ".", let after = peek(1), Lexer.isNameStart(after) {
            position += 1
            while let scalar = peek(), Lexer.isNamePart(scalar) { position += 1 }
        }
        let text = source.text(from: start, to: position)
        // The keywords are two to five letters: longer names (most of them) skip the lookup.
        if position - start <= 5, let keyword = Token.Keyword(rawValue: text) {
            return Token(kind: .keyword(keyword), start: start, end: position)
        }
        return Token(kind: .name(text), start: start, end: position)
    }

    private mutating func string() throws(CompileError) -> Token {
        let start = position
        position += 1
        var text = String.UnicodeScalarView()
        while let scalar = peek() {
            position += 1
            guard scalar == "'" else {
                text.append(scalar)
                continue
            }
            // Two quotes in a row stand for one quote inside the string.
            guard peek() == "'" else { return Token(kind: .string(String(text)), start: start, end: position) }
            text.append("'")
            position += 1
        }
        throw CompileError(message: "unterminated string: add a closing ' quote", offset: start)
    }

    private mutating func symbol() -> Token.Symbol? {
        guard let scalar = peek() else { return nil }
        // Matched on the scalars, not by building a string for `Symbol(rawValue:)`: every
        // operator of every expression in a catalogue comes through here.
        let followedByEquals = peek(1) == "="
        let symbol: Token.Symbol
        var length = 1
        switch scalar {
        case "+": symbol = .plus
        case "-": symbol = .minus
        case "*": symbol = .star
        case "/": symbol = .slash
        case "(": symbol = .openParen
        case ")": symbol = .closeParen
        case ",": symbol = .comma
        case "<": (symbol, length) = followedByEquals ? (.lessOrEqual, 2) : (.less, 1)
        case ">": (symbol, length) = followedByEquals ? (.greaterOrEqual, 2) : (.greater, 1)
        case "=" where followedByEquals: (symbol, length) = (.equal, 2)
        case "!" where followedByEquals: (symbol, length) = (.notEqual, 2)
        default: return nil
        }
        position += length
        return symbol
    }

    /// The message for a character that starts no token, with the usual fix for the
    /// spellings other languages use.
    private static func unexpected(_ scalar: Unicode.Scalar, next: Unicode.Scalar?) -> String {
        let shown = scalar.properties.generalCategory == .control
            ? "U+" + String(scalar.value, radix: 16, uppercase: true) : String(scalar)
        let base = "unexpected character '\(shown)'"
        switch (scalar, next) {
        case ("&", _): return base + "; write 'and'"
        case ("|", _): return base + "; write 'or'"
        case ("!", _): return base + "; write 'not', or '!=' to compare"
        case ("=", _): return base + "; write '==' to compare"
        case ("%", _): return base + "; write a percentage as a plain number (20, not 20%), in the unit the input is measured in"
        case ("\"", _): return base + "; strings use single quotes: 'like this'"
        case (".", let digit?) where isDigit(digit): return base + "; write a digit before the point, like 0.5"
        default: return base
        }
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 48 && scalar.value <= 57
    }

    static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value >= 65 && scalar.value <= 90) || (scalar.value >= 97 && scalar.value <= 122) || scalar == "_"
    }

    static func isNamePart(_ scalar: Unicode.Scalar) -> Bool {
        isNameStart(scalar) || isDigit(scalar)
    }
}
