/// An expression over numbers and truth values compiled to a flat list of instructions,
/// run on a small stack: no tree to walk, no string hashing (each name's hash is worked out
/// here, once) and no allocation per run. Expressions over texts and sequences
/// (`weaker_side`, `first`, comparisons of choices) are not compiled and keep the tree walk.
///
/// A program gives exactly the value the tree walk gives, or does not apply where it does
/// not; it writes no reasons, so it serves ``Expression/value(_:side:)``.
struct Program: Hashable, Sendable {
    var code: [Instruction] = []
    var names: [ProgramName] = []
    /// The most values on the stack at once.
    var depth = 0

    /// Compiles `root`; `nil` when it reads or gives a text or a sequence.
    init?(_ root: Node) {
        guard root.kind == .number || root.kind == .boolean else { return nil }
        // Each node is one instruction: sized once, a program kept with its catalogue keeps
        // no slack from growing.
        let (nodes, names) = Self.count(root)
        code.reserveCapacity(nodes)
        self.names.reserveCapacity(names)
        var height = 0
        guard emit(root, height: &height, varying: nil) else { return nil }
    }

    /// How many nodes `node` has, and how many of them read a name.
    private static func count(_ node: Node) -> (nodes: Int, names: Int) {
        switch node.operation {
        case .literal: return (1, 0)
        case .name, .nameCall: return (1, 1)
        case .negate(let operand), .not(let operand):
            let inner = count(operand)
            return (inner.nodes + 1, inner.names)
        case .arithmetic(_, let left, let right), .ordering(_, let left, let right), .equality(_, let left, let right),
             .and(let left, let right), .or(let left, let right):
            let (a, b) = (count(left), count(right))
            return (a.nodes + b.nodes + 1, a.names + b.names)
        case .call(_, let arguments):
            return arguments.reduce((1, 0)) { total, argument in
                let inner = count(argument)
                return (total.0 + inner.nodes, total.1 + inner.names)
            }
        }
    }

    mutating func push(_ instruction: Instruction, pops: Int, height: inout Int) {
        code.append(instruction)
        height += 1 - pops
        depth = max(depth, height)
    }

    mutating func name(_ reference: NameReference) -> Int {
        if let index = names.firstIndex(where: { $0.reference == reference }) { return index }
        names.append(ProgramName(reference: reference, hash: Bindings.hash(reference.name)))
        return names.count - 1
    }

    /// Appends the code of `node`; false when part of it cannot be compiled. With `varying`,
    /// names are compiled for a trial of one input (see `Program+Varied.swift`).
    mutating func emit(_ node: Node, height: inout Int, varying: Varying?) -> Bool {
        switch node.operation {
        case .literal(.number(let number)):
            push(.constant(number), pops: 0, height: &height)
        case .literal(.bool(let flag)):
            push(.constant(flag ? 1 : 0), pops: 0, height: &height)
        case .name(let reference) where reference.kind == .number || reference.kind == .boolean:
            if let varying { return emitVaried(reference, height: &height, varying) }
            push(.load(name(reference)), pops: 0, height: &height)
        case .negate(let operand), .not(let operand):
            guard emit(operand, height: &height, varying: varying) else { return false }
            push(node.operation.isNot ? .not : .negate, pops: 1, height: &height)
        case .arithmetic(let op, let left, let right), .ordering(let op, let left, let right):
            guard emit(left, height: &height, varying: varying), emit(right, height: &height, varying: varying), let instruction = Self.binary(op) else { return false }
            push(instruction, pops: 2, height: &height)
        case .equality(let op, let left, let right):
            guard left.kind == .number || left.kind == .boolean, left.kind == right.kind,
                  emit(left, height: &height, varying: varying), emit(right, height: &height, varying: varying) else { return false }
            let numbers = left.kind == .number
            push(op == .equal ? .equal(numbers: numbers) : .notEqual(numbers: numbers), pops: 2, height: &height)
        case .and(let left, let right), .or(let left, let right):
            guard emit(left, height: &height, varying: varying), emit(right, height: &height, varying: varying) else { return false }
            push(node.operation.isAnd ? .and : .or, pops: 2, height: &height)
        case .call(let function, let arguments):
            for argument in arguments { guard emit(argument, height: &height, varying: varying) else { return false } }
            switch function {
            case .min: push(.minimum(count: arguments.count), pops: arguments.count, height: &height)
            case .max: push(.maximum(count: arguments.count), pops: arguments.count, height: &height)
            case .abs: push(.absolute, pops: 1, height: &height)
            case .clamp: push(.clamp, pops: 3, height: &height)
            case .ratio: push(.ratio, pops: 2, height: &height)
            default: return false
            }
        case .nameCall(.answered, let reference):
            // Whether a derived value applies would need its code: not compiled for a trial.
            if let varying, varying.derived.index(of: reference) != nil { return false }
            push(.answered(name(reference)), pops: 0, height: &height)
        case .nameCall(.asymmetry, let reference):
            if let varying { return emitVariedAsymmetry(reference, height: &height, varying) }
            push(.asymmetry(name(reference)), pops: 0, height: &height)
        default:
            return false
        }
        return true
    }

    private static func binary(_ op: BinaryOperator) -> Instruction? {
        switch op {
        case .add: .add
        case .subtract: .subtract
        case .multiply: .multiply
        case .divide: .divide
        case .less: .less
        case .lessOrEqual: .lessOrEqual
        case .greater: .greater
        case .greaterOrEqual: .greaterOrEqual
        default: nil
        }
    }
}

extension Operation {
    var isNot: Bool { if case .not = self { true } else { false } }
    var isAnd: Bool { if case .and = self { true } else { false } }
}
