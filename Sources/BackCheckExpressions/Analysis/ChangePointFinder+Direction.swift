/// How a number moves over a stretch as the input grows.
extension ChangePointFinder {
    /// The direction of numeric `node` on `piece`; stops with a split where a part turns, or
    /// as unsupported.
    func direction(_ node: Node, _ side: Side?, _ piece: ClosedRange<Double>) throws(Stop) -> Direction {
        guard depends(node, side) else { return .constant }
        try visit()
        switch node.operation {
        case .name(let reference):
            if readsInput(reference, side) { return .increasing }
            guard let target = derivedTarget(reference, side) else { return .constant }
            memo.enter(piece)
            if let known = memo.directions[target.place] { return known }
            let found = try direction(target.expression.root, target.side, piece)
            memo.directions[target.place] = found
            return found
        case .negate(let operand):
            return try direction(operand, side, piece).flipped
        case .arithmetic(.add, let left, let right):
            return try sum(direction(left, side, piece), direction(right, side, piece))
        case .arithmetic(.subtract, let left, let right):
            return try sum(direction(left, side, piece), direction(right, side, piece).flipped)
        case .arithmetic(.multiply, let left, let right):
            return try product(left, right, side, piece)
        case .arithmetic(.divide, let left, let right):
            return try quotient(left, right, side, piece)
        case .call(.ratio, let arguments):
            return try quotient(arguments[0], arguments[1], side, piece)
        case .call(.abs, let arguments):
            return try magnitude(arguments[0], side, piece)
        case .call(.clamp, let arguments):
            // Clamping between fixed bounds keeps the direction (flattening it at the bounds).
            guard !depends(arguments[1], side), !depends(arguments[2], side) else { throw .unsupported }
            return try direction(arguments[0], side, piece)
        case .call(let function, let arguments) where function == .min || function == .max:
            return try extremum(arguments, smallest: function == .min, side, piece)
        case .nameCall(.asymmetry, let reference) where reference.name == variation.name:
            return try asymmetry(node, side, piece)
        default:
            throw .unsupported
        }
    }

    private func sum(_ left: Direction, _ right: Direction) throws(Stop) -> Direction {
        guard let direction = left.plus(right) else { throw .unsupported }
        return direction
    }

    private func product(_ left: Node, _ right: Node, _ side: Side?, _ piece: ClosedRange<Double>) throws(Stop) -> Direction {
        let (fixed, moving) = depends(left, side) ? (right, left) : (left, right)
        guard !depends(fixed, side) else { throw .unsupported }
        // A factor that does not apply makes the product not apply anywhere: nothing changes.
        guard let factor = heldNumber(fixed, side) else { return .constant }
        return try direction(moving, side, piece).times(sign: factor)
    }

    private func quotient(_ numerator: Node, _ denominator: Node, _ side: Side?, _ piece: ClosedRange<Double>) throws(Stop) -> Direction {
        guard depends(denominator, side) else {
            guard let divisor = heldNumber(denominator, side), divisor != 0 else { return .constant }
            return try direction(numerator, side, piece).times(sign: divisor)
        }
        guard !depends(numerator, side) else { throw .unsupported }
        let moving = try direction(denominator, side, piece)
        guard let (low, high) = ends(denominator, side, piece) else { throw .unsupported }
        if Self.crossesZero(low, high) { throw splitAtZero(piece, of: numbers(denominator, side)) }
        guard let dividend = heldNumber(numerator, side) else { return .constant }
        // d(k/u) = -k u' / u²: the sign of u does not matter, only that it stays off 0.
        return moving.times(sign: -dividend)
    }

    private func magnitude(_ operand: Node, _ side: Side?, _ piece: ClosedRange<Double>) throws(Stop) -> Direction {
        let moving = try direction(operand, side, piece)
        guard let (low, high) = ends(operand, side, piece) else { throw .unsupported }
        if Self.crossesZero(low, high) { throw splitAtZero(piece, of: numbers(operand, side)) }
        return moving.times(sign: Self.interiorSign(low, high))
    }

    /// `min` or `max`: monotone where its arguments move the same way; elsewhere cut where
    /// two arguments moving differently cross, after which one argument wins throughout.
    private func extremum(_ arguments: [Node], smallest: Bool, _ side: Side?, _ piece: ClosedRange<Double>) throws(Stop) -> Direction {
        var directions: [Direction] = []
        for argument in arguments { directions.append(try direction(argument, side, piece)) }
        let moving = Set(directions.filter { $0 != .constant })
        // Parts moving one way (fixed ones aside) keep their minimum and maximum moving that way.
        if moving.count <= 1 { return moving.first ?? .constant }
        for i in arguments.indices {
            for j in arguments.indices where j > i && directions[i] != directions[j] {
                let (first, second) = (numbers(arguments[i], side), numbers(arguments[j], side))
                let difference = { (x: Double) -> Double? in
                    guard let a = first(x), let b = second(x) else { return nil }
                    return a - b
                }
                guard let low = difference(piece.lowerBound), let high = difference(piece.upperBound) else { throw .unsupported }
                if Self.crossesZero(low, high) { throw splitAtZero(piece, of: difference) }
            }
        }
        let middle = (piece.lowerBound + piece.upperBound) / 2
        var winner: (index: Int, value: Double)?
        for index in arguments.indices {
            guard let value = number(arguments[index], side, at: middle) else { throw .unsupported }
            if let best = winner, smallest ? value >= best.value : value <= best.value { continue }
            winner = (index, value)
        }
        guard let winner else { throw .unsupported }
        return directions[winner.index]
    }

    /// `asymmetry(x)`, |left − right| / max(|left|, |right|), with one side varied: monotone
    /// between the points where the sides are equal, opposite, or the varied side is 0.
    private func asymmetry(_ node: Node, _ side: Side?, _ piece: ClosedRange<Double>) throws(Stop) -> Direction {
        guard let varied = variation.side,
              case .bilateral(let left, let right)? = held[variation.name],
              case .number(let other)? = varied == .left ? right : left
        else { return .constant }
        for turn in [other, -other, 0] where turn > piece.lowerBound && turn < piece.upperBound {
            throw .split(turn)
        }
        guard let (low, high) = ends(node, side, piece) else { throw .unsupported }
        return high > low ? .increasing : high < low ? .decreasing : .constant
    }
}
