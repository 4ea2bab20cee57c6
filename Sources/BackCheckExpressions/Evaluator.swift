/// Why an expression does not apply to one set of answers.
struct NotApplicable: Error, Sendable {
    var reason: String
}

/// Evaluates compiled nodes against one set of bindings and, for bare bilateral names, one side.
///
/// Every failure is a `NotApplicable` with a sentence quoting the part of the expression
/// that failed; nothing traps, and no failure turns into a zero.
struct Evaluator {
    let bindings: Bindings
    let side: Side?
    let source: String
    /// Whether failures carry their sentence. Callers that only need the value (probing many
    /// answers for findings) skip writing reasons nobody reads.
    var explains = true

    /// A failure whose sentence is written only when it will be read.
    func fail(_ reason: @autoclosure () -> String) -> NotApplicable {
        NotApplicable(reason: explains ? reason() : "")
    }

    /// The text of `node` as the author wrote it, for reasons.
    func text(_ node: Node) -> String {
        let scalars = source.unicodeScalars
        let count = scalars.count
        let lower = scalars.index(scalars.startIndex, offsetBy: min(node.span.start, count))
        let upper = scalars.index(scalars.startIndex, offsetBy: min(max(node.span.start, node.span.end), count))
        return String(scalars[lower..<upper])
    }

    func value(_ node: Node) throws(NotApplicable) -> Value {
        switch node.kind {
        case .number: return .number(try number(node))
        case .boolean: return .bool(try boolean(node))
        case .string, .sequence: break
        }
        switch node.operation {
        case .literal(let value): return value
        case .name(let reference): return try fetch(reference)
        case .call(.first, let arguments): return .string(try first(node, arguments[0]))
        case .nameCall(.weakerSide, let reference): return .string(try weakerSide(node, reference))
        default: throw mismatch(node, expected: node.kind)
        }
    }

    func number(_ node: Node) throws(NotApplicable) -> Double {
        switch node.operation {
        case .literal(.number(let number)):
            return number
        case .name(let reference):
            if case .number(let number) = try fetch(reference) { return number }
        case .negate(let operand):
            return -(try number(operand))
        case .arithmetic(let op, let left, let right):
            return try arithmetic(op, node, left, right)
        case .call(let function, let arguments):
            return try call(function, node, arguments)
        case .nameCall(.asymmetry, let reference):
            let (left, right) = try sides(of: reference, in: node)
            let larger = Swift.max(Swift.abs(left), Swift.abs(right))
            return larger == 0 ? 0 : Swift.abs(left - right) / larger
        default:
            break
        }
        throw mismatch(node, expected: .number)
    }

    func boolean(_ node: Node) throws(NotApplicable) -> Bool {
        switch node.operation {
        case .literal(.bool(let flag)):
            return flag
        case .name(let reference):
            if case .bool(let flag) = try fetch(reference) { return flag }
        case .not(let operand):
            return !(try boolean(operand))
        case .ordering(let op, let left, let right):
            return NumericTolerance.holds(op, try number(left), try number(right))
        case .equality(let op, let left, let right):
            let lhs = try value(left)
            let rhs = try value(right)
            let same: Bool
            if case .number(let a) = lhs, case .number(let b) = rhs {
                same = NumericTolerance.equal(a, b)
            } else {
                same = lhs == rhs
            }
            return op == .equal ? same : !same
        case .and(let left, let right):
            // Kleene logic: a false side decides the result even when the other does not apply.
            let first: Bool
            do { first = try boolean(left) } catch {
                if (try? boolean(right)) == false { return false }
                throw error
            }
            return first ? try boolean(right) : false
        case .or(let left, let right):
            let first: Bool
            do { first = try boolean(left) } catch {
                if (try? boolean(right)) == true { return true }
                throw error
            }
            return first ? true : try boolean(right)
        case .nameCall(.answered, let reference):
            return answered(reference)
        default:
            break
        }
        throw mismatch(node, expected: .boolean)
    }

    private func arithmetic(_ op: BinaryOperator, _ node: Node, _ left: Node, _ right: Node) throws(NotApplicable) -> Double {
        let a = try number(left)
        let b = try number(right)
        let result: Double
        switch op {
        case .add: result = a + b
        case .subtract: result = a - b
        case .multiply: result = a * b
        default:
            guard b != 0 else {
                throw fail("\(text(node)): \(text(right)) is 0, so the division does not apply")
            }
            result = a / b
        }
        return try finite(result, node)
    }

    /// `value`, or a reason when it overflowed to infinity.
    func finite(_ value: Double, _ node: Node) throws(NotApplicable) -> Double {
        guard value.isFinite else { throw fail("\(text(node)): the result is too large to use") }
        return value
    }

    /// The value of a name, checked against its declared kind.
    func fetch(_ reference: NameReference) throws(NotApplicable) -> Value {
        let chosen: Side?
        switch reference.access {
        case .whole: chosen = nil
        case .perSide: chosen = side
        case .pinned(let pinned): chosen = pinned
        }
        guard let binding = bindings.binding(named: reference.name, hash: reference.hash) else { throw unanswered(reference, on: chosen) }
        let found: Value?
        switch binding {
        case .single(let value):
            // One value for a bilateral name stands for both sides.
            found = value
        case .bilateral(let left, let right):
            guard let chosen else {
                let perSide = reference.access == .perSide
                    ? "so it needs a side to be evaluated" : "but the expression reads it as one value"
                throw fail("\(reference.name) has a value per side, \(perSide)")
            }
            found = chosen == .left ? left : right
        }
        guard let found else { throw unanswered(reference, on: chosen) }
        guard found.kind == reference.kind else {
            throw fail("\(reference.written(on: chosen)) should be \(reference.kind.phrase), found \(found.kind.phrase) (\(found))")
        }
        return found
    }

    /// `hip_angle.left was not answered`, `profile.age is not in the profile`.
    func unanswered(_ reference: NameReference, on chosen: Side?) -> NotApplicable {
        guard explains else { return NotApplicable(reason: "") }
        let name = reference.written(on: chosen)
        if reference.name.hasPrefix("profile.") { return NotApplicable(reason: "\(name) is not in the profile") }
        return NotApplicable(reason: "\(name) was \(reference.optional ? "skipped" : "not answered")")
    }

    func mismatch(_ node: Node, expected: ValueKind) -> NotApplicable {
        fail("\(text(node)) did not give \(expected.phrase)")
    }
}

/// When two computed numbers count as the same in a comparison.
enum NumericTolerance {
    /// Equal within about a millionth of a unit, relative for large numbers: far below any
    /// measurement's resolution, far above the rounding error of decimal arithmetic.
    static func equal(_ a: Double, _ b: Double) -> Bool {
        a == b || abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }

    /// Whether `a op b` holds for an ordering `op` (`<`, `<=`, `>`, `>=`). Measurements are
    /// decimals: 4.1 - 2.1 is 1.9999999999999996 in binary, and an author writing `>= 2`
    /// means 2 cm, so numbers this close count as equal.
    static func holds(_ op: BinaryOperator, _ a: Double, _ b: Double) -> Bool {
        let tied = equal(a, b)
        switch op {
        case .less: return a < b && !tied
        case .lessOrEqual: return a <= b || tied
        case .greater: return a > b && !tied
        default: return a >= b || tied
        }
    }
}
