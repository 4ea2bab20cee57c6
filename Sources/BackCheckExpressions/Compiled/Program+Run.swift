/// Running a program. A value that does not apply is NaN on the stack: no answer, bound
/// value or computed result is ever NaN (results that overflow do not apply either), so NaN
/// stands for "does not apply" and travels through every operation as the tree walk's
/// failure does, with Kleene logic for `and` and `or`.
extension Program {
    /// The program's value against `bindings` on `side`: a number, 1 or 0 for true or
    /// false, or NaN where the expression does not apply. `varied` is the trial value of a
    /// program compiled for a search (see `Program+Varied.swift`).
    func run(_ bindings: Bindings, side: Side?, varied: Double = .nan) -> Double {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: max(depth, 1)) { stack in
            var top = -1
            // Names are read through their buffer, in place: copying one out of the array
            // retained and released its text on every load, in every trial the report runs.
            names.withUnsafeBufferPointer { names in
                code.withUnsafeBufferPointer { code in
                    for instruction in code {
                        switch instruction {
                        case .constant(let number):
                            top += 1
                            precondition(top < stack.count, "a program's stack is deeper than it was compiled for")
                            stack[top] = number
                        case .load(let index):
                            top += 1
                            precondition(top < stack.count, "a program's stack is deeper than it was compiled for")
                            stack[top] = load(names.baseAddress! + index, bindings, side: side)
                        case .answered(let index):
                            top += 1
                            precondition(top < stack.count, "a program's stack is deeper than it was compiled for")
                            stack[top] = answered(names.baseAddress! + index, bindings) ? 1 : 0
                        case .asymmetry(let index):
                            top += 1
                            precondition(top < stack.count, "a program's stack is deeper than it was compiled for")
                            stack[top] = asymmetry(names.baseAddress! + index, bindings)
                        case .varied:
                            top += 1
                            precondition(top < stack.count, "a program's stack is deeper than it was compiled for")
                            stack[top] = varied
                        case .variedAsymmetry(let index, let left):
                            top += 1
                            precondition(top < stack.count, "a program's stack is deeper than it was compiled for")
                            stack[top] = asymmetry(names.baseAddress! + index, bindings, varied: varied, onLeft: left)
                        case .negate:
                            stack[top] = -stack[top]
                        case .not:
                            stack[top] = stack[top].isNaN ? .nan : 1 - stack[top]
                        case .minimum(let count), .maximum(let count):
                            let first = top - count + 1
                            var result = stack[first]
                            let smallest = if case .minimum = instruction { true } else { false }
                            for index in (first + 1)..<(top + 1) {
                                let next = stack[index]
                                if result.isNaN || next.isNaN { result = .nan; break }
                                result = smallest ? Swift.min(result, next) : Swift.max(result, next)
                            }
                            top = first
                            stack[top] = result
                        case .absolute:
                            stack[top] = Swift.abs(stack[top])
                        case .clamp:
                            let (value, lower, upper) = (stack[top - 2], stack[top - 1], stack[top])
                            top -= 2
                            stack[top] = value.isNaN || lower.isNaN || upper.isNaN || lower > upper
                                ? .nan : Swift.min(Swift.max(value, lower), upper)
                        default:
                            let (a, b) = (stack[top - 1], stack[top])
                            top -= 1
                            stack[top] = Self.binary(instruction, a, b)
                        }
                    }
                }
            }
            return stack[0]
        }
    }

    /// The operations on the top two values.
    private static func binary(_ instruction: Instruction, _ a: Double, _ b: Double) -> Double {
        switch instruction {
        case .and: return a == 0 || b == 0 ? 0 : a.isNaN || b.isNaN ? .nan : 1
        case .or: return a == 1 || b == 1 ? 1 : a.isNaN || b.isNaN ? .nan : 0
        default: break
        }
        guard !a.isNaN, !b.isNaN else { return .nan }
        switch instruction {
        case .add: return finite(a + b)
        case .subtract: return finite(a - b)
        case .multiply: return finite(a * b)
        case .divide, .ratio: return b == 0 ? .nan : finite(a / b)
        case .less: return a < b && !NumericTolerance.equal(a, b) ? 1 : 0
        case .lessOrEqual: return a <= b || NumericTolerance.equal(a, b) ? 1 : 0
        case .greater: return a > b && !NumericTolerance.equal(a, b) ? 1 : 0
        case .greaterOrEqual: return a >= b || NumericTolerance.equal(a, b) ? 1 : 0
        case .equal(let numbers): return (numbers ? NumericTolerance.equal(a, b) : a == b) ? 1 : 0
        case .notEqual(let numbers): return (numbers ? NumericTolerance.equal(a, b) : a == b) ? 0 : 1
        default: return .nan
        }
    }

    private static func finite(_ value: Double) -> Double { value.isFinite ? value : .nan }

    /// A name's number, or 1 or 0 for a truth value; NaN when it has no value of its kind.
    private func load(_ name: UnsafePointer<ProgramName>, _ bindings: Bindings, side: Side?) -> Double {
        let chosen: Side?
        switch name.pointee.reference.access {
        case .whole: chosen = nil
        case .perSide: chosen = side
        case .pinned(let pinned): chosen = pinned
        }
        return bindings.number(named: name.pointee.reference.name, hash: name.pointee.hash, on: chosen, kind: name.pointee.reference.kind)
    }

    /// `answered(x)`, as ``Evaluator/answered(_:)`` decides it.
    private func answered(_ name: UnsafePointer<ProgramName>, _ bindings: Bindings) -> Bool {
        let pinned: Side? = if case .pinned(let side) = name.pointee.reference.access { side } else { nil }
        return bindings.isAnswered(named: name.pointee.reference.name, hash: name.pointee.hash, pinned: pinned)
    }

    /// `asymmetry(x)`: |left − right| / max(|left|, |right|), 0 when both are 0. With
    /// `onLeft`, the side it names is `varied` instead of its bound number.
    private func asymmetry(_ name: UnsafePointer<ProgramName>, _ bindings: Bindings, varied: Double = .nan, onLeft: Bool? = nil) -> Double {
        guard var (left, right) = bindings.numbers(named: name.pointee.reference.name, hash: name.pointee.hash) else { return .nan }
        if let onLeft {
            if onLeft { left = varied } else { right = varied }
        }
        let larger = Swift.max(Swift.abs(left), Swift.abs(right))
        return larger == 0 ? 0 : Swift.abs(left - right) / larger
    }
}
