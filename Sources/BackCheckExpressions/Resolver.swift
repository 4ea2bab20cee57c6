import BackCheckYAML

/// Turns a syntax tree into a compiled node: resolves every name against the scope and
/// checks every operand's kind, collecting all problems rather than stopping at the first.
struct Resolver {
    let scope: Scope
    let source: ExpressionText
    private(set) var errors: [CompileError] = []
    /// Every name referred to (a pinned or whole bilateral name counts under its own name).
    private(set) var names: Set<String> = []
    /// The bare bilateral names that make the expression evaluate once per side.
    private(set) var perSideNames: Set<String> = []

    init(scope: Scope, source: ExpressionText) {
        self.scope = scope
        self.source = source
    }

    private mutating func fail(_ message: String, at offset: Int) {
        errors.append(CompileError(message: message, offset: offset))
    }

    /// The compiled node, or `nil` when a problem was recorded in `errors`.
    mutating func resolve(_ syntax: Syntax) -> Node? {
        let span = syntax.span
        switch syntax {
        case .number(let value, _):
            return Node(operation: SharedParts.number(value), kind: .number, span: span)
        case .string(let text, _):
            return Node(operation: .literal(.string(text)), kind: .string, span: span)
        case .boolean(let flag, _):
            return Node(operation: .literal(.bool(flag)), kind: .boolean, span: span)
        case .name(let written, _):
            guard let reference = reference(written, at: span, wholeBilateral: false) else { return nil }
            return Node(operation: scope.shared.name(reference), kind: reference.kind, span: span)
        case .unary(let op, let operand, _):
            return unary(op, operand, span: span)
        case .binary(let op, let left, let right, let operatorSpan, _):
            return binary(op, left, right, operatorSpan: operatorSpan, span: span)
        case .call(let name, let arguments, let nameSpan, _):
            return call(name, arguments, nameSpan: nameSpan, span: span)
        case .grouped(let inner, _):
            guard var node = resolve(inner) else { return nil }
            node.span = span
            return node
        }
    }

    private mutating func unary(_ op: UnaryOperator, _ operand: Syntax, span: Span) -> Node? {
        guard let inner = resolve(operand) else { return nil }
        let wanted: ValueKind = op == .not ? .boolean : .number
        guard expect(inner, wanted, "after '\(op.rawValue)'") else { return nil }
        return Node(operation: op == .not ? .not(inner) : .negate(inner), kind: wanted, span: span)
    }

    /// When `name` is a name with known choices and `literal` a quoted id, checks the id is
    /// one of them; reports it at the literal otherwise.
    private mutating func knownChoice(_ name: Node, _ literal: Node) -> Bool {
        // first(q) is one of q's choices too.
        if case .call(.first, let arguments) = name.operation, let sequence = arguments.first {
            return knownChoice(sequence, literal)
        }
        guard case .name(let reference) = name.operation, case .literal(.string(let id)) = literal.operation,
              let choices = scope.info(for: reference.name)?.choices, !choices.isEmpty, !choices.contains(id)
        else { return true }
        let hint = Suggestion.hint(for: id, among: choices)
        fail("'\(id)' is not a choice of \(reference.name) (\(choices.joined(separator: ", ")))\(hint)", at: literal.span.start)
        return false
    }

    private mutating func binary(
        _ op: BinaryOperator, _ leftSyntax: Syntax, _ rightSyntax: Syntax, operatorSpan: Span, span: Span
    ) -> Node? {
        let left = resolve(leftSyntax)
        let right = resolve(rightSyntax)
        guard let left, let right else { return nil }
        if op.isEquality {
            guard left.kind == right.kind else {
                fail("'\(op.rawValue)' cannot compare \(left.kind.phrase) with \(right.kind.phrase)", at: operatorSpan.start)
                return nil
            }
            guard knownChoice(left, right), knownChoice(right, left) else { return nil }
            return Node(operation: .equality(op, left, right), kind: .boolean, span: span)
        }
        let wanted: ValueKind = op == .and || op == .or ? .boolean : .number
        let leftFits = expect(left, wanted, "before '\(op.rawValue)'")
        let rightFits = expect(right, wanted, "after '\(op.rawValue)'")
        guard leftFits, rightFits else { return nil }
        switch op {
        case .and: return Node(operation: .and(left, right), kind: .boolean, span: span)
        case .or: return Node(operation: .or(left, right), kind: .boolean, span: span)
        case _ where op.isOrdering: return Node(operation: .ordering(op, left, right), kind: .boolean, span: span)
        default: return Node(operation: .arithmetic(op, left, right), kind: .number, span: span)
        }
    }

    /// Records `expected NUMBER PLACE, found KIND` at the node when its kind is not `wanted`.
    private mutating func expect(_ node: Node, _ wanted: ValueKind, _ place: String) -> Bool {
        guard node.kind != wanted else { return true }
        fail("expected \(wanted.phrase) \(place), found \(node.kind.phrase)", at: node.span.start)
        return false
    }

    private mutating func call(_ name: String, _ arguments: [Syntax], nameSpan: Span, span: Span) -> Node? {
        guard let function = Function(rawValue: name) else {
            if scope.info(for: name) != nil {
                fail("'\(name)' is not a function; remove the parentheses after it", at: nameSpan.start)
            } else {
                let functions = Function.allCases.map(\.rawValue)
                let hint = Suggestion.hint(for: name, among: functions)
                fail("unknown function '\(name)'" + (hint.isEmpty ? "; the functions are " + functions.joined(separator: ", ") : hint),
                     at: nameSpan.start)
            }
            for argument in arguments { _ = resolve(argument) }
            return nil
        }
        if let problem = function.arityProblem(arguments.count) {
            fail(problem, at: nameSpan.start)
            return nil
        }
        if function.takesName {
            return nameCall(function, arguments[0], span: span)
        }
        var nodes: [Node] = []
        var fits = true
        for (position, argument) in arguments.enumerated() {
            guard let node = resolve(argument) else {
                fits = false
                continue
            }
            let wanted = function.parameterKind(at: position)
            if node.kind != wanted {
                let which = arguments.count == 1 ? "" : " as argument \(position + 1)"
                fail("\(name) expects \(wanted.phrase)\(which), found \(node.kind.phrase)", at: node.span.start)
                fits = false
            }
            nodes.append(node)
        }
        guard fits else { return nil }
        // index(q, 'w') on a sequence of known choices: 'w' must be one, as in q == 'w'.
        if function == .index, !knownChoice(nodes[0], nodes[1]) { return nil }
        return Node(operation: .call(function, nodes), kind: function.resultKind, span: span)
    }

    /// `answered(x)`, `weaker_side(x)`, `asymmetry(x)`: the argument is a name, and a bare
    /// bilateral name means both of its sides, so it does not make the expression per side.
    private mutating func nameCall(_ function: Function, _ written: Syntax, span: Span) -> Node? {
        var argument = written
        while case .grouped(let inner, _) = argument { argument = inner }
        guard case .name(let written, let argumentSpan) = argument else {
            let example = function == .answered ? "hip_angle" : "side_bridge"
            fail("\(function.rawValue) takes the name of an input, as in \(function.rawValue)(\(example))",
                 at: argument.span.start)
            _ = resolve(argument)
            return nil
        }
        guard let reference = reference(written, at: argumentSpan, wholeBilateral: true) else { return nil }
        if function != .answered {
            guard scope.info(for: reference.name)?.bilateral == true else {
                fail("\(function.rawValue) compares the two sides of an input measured on both sides; '\(reference.name)' has one value",
                     at: argumentSpan.start)
                return nil
            }
            if case .pinned(let side) = reference.access {
                fail("\(function.rawValue) compares both sides; write \(function.rawValue)(\(reference.name)) without '.\(side.rawValue)'",
                     at: argumentSpan.start)
                return nil
            }
            guard reference.kind == .number else {
                fail("\(function.rawValue) expects an input measured in numbers, found \(reference.kind.phrase)",
                     at: argumentSpan.start)
                return nil
            }
        }
        return Node(operation: .nameCall(function, reference), kind: function.resultKind, span: span)
    }

    /// Resolves a written name: a declared name, or a bilateral name with `.left`/`.right`.
    private mutating func reference(_ written: String, at span: Span, wholeBilateral: Bool) -> NameReference? {
        if let (name, info) = scope.entry(for: written) {
            names.insert(name)
            var access = Access.whole
            if info.bilateral, !wholeBilateral {
                access = .perSide
                perSideNames.insert(name)
            }
            return NameReference(name: name, access: access, kind: info.kind, optional: info.optional)
        }
        guard let dot = written.lastIndex(of: ".") else {
            unknownName(written, at: span.start)
            return nil
        }
        let base = String(written[..<dot])
        let suffix = String(written[written.index(after: dot)...])
        let dotOffset = span.start + base.unicodeScalars.count
        guard let (declared, info) = scope.entry(for: base) else {
            unknownName(Side(rawValue: suffix) == nil ? written : base, at: span.start)
            return nil
        }
        guard info.bilateral else {
            fail("'\(base)' has one value, not one per side, so '.\(suffix)' does not apply; write \(base)", at: dotOffset)
            return nil
        }
        guard let side = Side(rawValue: suffix) else {
            let hint = Suggestion.hint(for: suffix, among: Side.allCases.map(\.rawValue))
            fail("'\(base)' has the sides .left and .right, not '.\(suffix)'\(hint)", at: dotOffset)
            return nil
        }
        names.insert(declared)
        return NameReference(name: declared, access: .pinned(side), kind: info.kind, optional: info.optional)
    }

    private mutating func unknownName(_ name: String, at offset: Int) {
        let known = scope.names
        let hint = Suggestion.hint(for: name, among: known)
        if hint.isEmpty, let function = Function(rawValue: name) {
            fail("'\(name)' is a function; call it as \(function.signature)", at: offset)
            return
        }
        var message = "unknown name '\(name)'" + hint
        let own = known.filter { !$0.hasPrefix("profile.") }
        if hint.isEmpty, !own.isEmpty, own.count <= 12 {
            message += "; the names here are " + own.joined(separator: ", ") + " and profile.*"
        }
        fail(message, at: offset)
    }
}
