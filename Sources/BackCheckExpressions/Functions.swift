/// The evaluation of each function; the table of functions is `Function`.
extension Evaluator {
    /// Evaluates a numeric function whose arguments are values.
    func call(_ function: Function, _ node: Node, _ arguments: [Node]) throws(NotApplicable) -> Double {
        switch function {
        case .min, .max:
            var result = try number(arguments[0])
            for argument in arguments.dropFirst() {
                let next = try number(argument)
                result = function == .min ? Swift.min(result, next) : Swift.max(result, next)
            }
            return result
        case .abs:
            return Swift.abs(try number(arguments[0]))
        case .clamp:
            let value = try number(arguments[0])
            let lower = try number(arguments[1])
            let upper = try number(arguments[2])
            guard lower <= upper else {
                throw fail("\(text(node)): the lower bound \(Value.format(lower)) is above the upper bound \(Value.format(upper))")
            }
            return Swift.min(Swift.max(value, lower), upper)
        case .ratio:
            let numerator = try number(arguments[0])
            let denominator = try number(arguments[1])
            guard denominator != 0 else {
                throw fail("\(text(node)): \(text(arguments[1])) is 0, so the ratio does not apply")
            }
            return try finite(numerator / denominator, node)
        case .index:
            let items = try sequence(arguments[0])
            guard case .string(let item) = try value(arguments[1]) else { throw mismatch(arguments[1], expected: .string) }
            return Double(items.firstIndex(of: item) ?? -1)
        case .first, .answered, .weakerSide, .asymmetry:
            throw mismatch(node, expected: .number)
        }
    }

    /// `first(seq)`: the first item.
    func first(_ node: Node, _ argument: Node) throws(NotApplicable) -> String {
        guard let item = try sequence(argument).first else {
            throw fail("\(text(node)): \(text(argument)) is empty")
        }
        return item
    }

    /// The items of a sequence-valued node.
    func sequence(_ node: Node) throws(NotApplicable) -> [String] {
        guard case .sequence(let items) = try value(node) else { throw mismatch(node, expected: .sequence) }
        return items
    }

    /// `answered(x)`: whether a value was given; for a bilateral name, on both sides. Never
    /// fails, so it can guard a rule that reads an optional input.
    func answered(_ reference: NameReference) -> Bool {
        guard let binding = bindings.binding(named: reference.name, hash: reference.hash) else { return false }
        switch (reference.access, binding) {
        case (.pinned(let side), _): return binding.value(on: side) != nil
        case (_, .single(let value)): return value != nil
        case (_, .bilateral(let left, let right)): return left != nil && right != nil
        }
    }

    /// `weaker_side(x)`: `left` or `right`, whichever has the lower value.
    func weakerSide(_ node: Node, _ reference: NameReference) throws(NotApplicable) -> String {
        let (left, right) = try sides(of: reference, in: node)
        guard left != right else {
            throw fail("\(text(node)): no weaker side: both sides are \(Value.format(left))")
        }
        return left < right ? Side.left.rawValue : Side.right.rawValue
    }

    /// Both sides' numbers of a bilateral name.
    func sides(of reference: NameReference, in node: Node) throws(NotApplicable) -> (Double, Double) {
        guard let binding = bindings.binding(named: reference.name, hash: reference.hash) else { throw unanswered(reference, on: nil) }
        guard case .bilateral(let left, let right) = binding else {
            throw fail("\(text(node)): \(reference.name) has one value, not one per side")
        }
        return (try sideNumber(left, reference, .left), try sideNumber(right, reference, .right))
    }

    private func sideNumber(_ value: Value?, _ reference: NameReference, _ side: Side) throws(NotApplicable) -> Double {
        var pinned = reference
        pinned.access = .pinned(side)
        guard let value else { throw unanswered(pinned, on: side) }
        guard case .number(let number) = value else {
            throw fail("\(reference.name).\(side.rawValue) should be a number, found \(value.kind.phrase) (\(value))")
        }
        return number
    }
}
