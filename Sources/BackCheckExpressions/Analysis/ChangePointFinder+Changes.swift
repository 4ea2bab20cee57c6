/// Where, on a stretch the input moves over, an expression's outcome can change.
extension ChangePointFinder {
    /// The points in `piece` where the outcome of `node` on `side` can change: a comparison's
    /// truth, a text's value, or whether a number can be computed.
    func changes(_ node: Node, _ side: Side?, _ piece: ClosedRange<Double>) throws(Stop) -> [Double] {
        guard depends(node, side) else { return [] }
        try visit()
        if node.kind == .number {
            // A number decides a finding only by whether it can be computed (a severity).
            try definedness(node, side, piece)
            return []
        }
        switch node.operation {
        case .name(let reference):
            guard let target = derivedTarget(reference, side) else { return [] }
            return try changes(target.expression.root, target.side, piece)
        case .not(let operand):
            return try changes(operand, side, piece)
        case .and(let left, let right), .or(let left, let right):
            return try changes(left, side, piece) + changes(right, side, piece)
        case .ordering(let op, let left, let right):
            return try ordering(op, left, right, side, piece)
        case .equality(_, let left, let right) where left.kind == .number:
            // Equal within the tolerance is both `>=` and `<=`: each changes at most once.
            return try ordering(.greaterOrEqual, left, right, side, piece) + ordering(.lessOrEqual, left, right, side, piece)
        case .equality(_, let left, let right):
            return try changes(left, side, piece) + changes(right, side, piece)
        case .nameCall(.weakerSide, let reference) where reference.name == variation.name:
            // The weaker side flips where the varied side passes the other one.
            guard let varied = variation.side,
                  case .bilateral(let left, let right)? = held[variation.name],
                  case .number(let other)? = varied == .left ? right : left,
                  piece.contains(other)
            else { return [] }
            memo.exact.insert(other)
            return [other]
        case .nameCall(.answered, let reference):
            // A derived value is unanswered where it cannot be computed.
            guard let target = derivedTarget(reference, side) else { return [] }
            try definedness(target.expression.root, target.side, piece)
            return []
        default:
            throw .unsupported
        }
    }

    /// Shows that the comparison `left op right` changes at most once on `piece`
    /// (their difference is monotone there) and leaves the search for where to run once the
    /// whole piece is shown monotone (see `Memo.deferred`); its points come from there.
    private func ordering(_ op: BinaryOperator, _ left: Node, _ right: Node, _ side: Side?, _ piece: ClosedRange<Double>) throws(Stop) -> [Double] {
        guard let difference = try direction(left, side, piece).plus(direction(right, side, piece).flipped) else {
            throw .unsupported
        }
        try definedness(left, side, piece)
        try definedness(right, side, piece)
        guard difference != .constant else { return [] }
        memo.deferred.append { [self] in bracket(op, left, right, side, piece) }
        return []
    }

    /// The two points around the change of the comparison `left op right` on `piece`, where
    /// its sides' difference is monotone; `[]` when it does not change there.
    private func bracket(_ op: BinaryOperator, _ left: Node, _ right: Node, _ side: Side?, _ piece: ClosedRange<Double>) -> [Double] {
        // The comparison is decided by its two sides' numbers alone, and their difference
        // guides the search (it is exact when the difference is a straight line).
        let (leftAt, rightAt) = (numbers(left, side), numbers(right, side))
        let look = { (value: Double) -> ChangePoints.Look<Bool?> in
            guard let a = leftAt(value), let b = rightAt(value) else { return ChangePoints.Look(outcome: nil, measure: nil) }
            return ChangePoints.Look(outcome: NumericTolerance.holds(op, a, b), measure: a - b)
        }
        let atLower = look(piece.lowerBound)
        let atUpper = look(piece.upperBound)
        // An end where the comparison does not apply (a denominator reaching 0 there) is a
        // point of its own; the change inside is looked for between points where it does.
        let inset = (piece.upperBound - piece.lowerBound) * 1e-6
        let low = atLower.outcome != nil ? piece.lowerBound : piece.lowerBound + inset
        let high = atUpper.outcome != nil ? piece.upperBound : piece.upperBound - inset
        guard low < high else { return [] }
        let known = atLower.outcome != nil && atUpper.outcome != nil ? (atLower, atUpper) : nil
        let found = ChangePoints.bracket(in: low...high, ends: known, look: look)
        if found.count == 2 { memo.brackets.append(found[0]...found[1]) }
        return found
    }

    /// Cuts `piece` where a part of numeric `node` cannot be computed: at a denominator's 0.
    func definedness(_ node: Node, _ side: Side?, _ piece: ClosedRange<Double>) throws(Stop) {
        guard depends(node, side) else { return }
        try visit()
        switch node.operation {
        case .name(let reference):
            guard let target = derivedTarget(reference, side) else { return }
            memo.enter(piece)
            guard !memo.defined[target.place] else { return }
            try definedness(target.expression.root, target.side, piece)
            memo.defined[target.place] = true
        case .negate(let operand):
            try definedness(operand, side, piece)
        case .arithmetic(let op, let left, let right):
            try definedness(left, side, piece)
            try definedness(right, side, piece)
            if op == .divide { try denominatorZeros(right, side, piece) }
        case .call(.clamp, let arguments):
            // Bounds that move could cross, which makes the clamp not apply.
            guard !depends(arguments[1], side), !depends(arguments[2], side) else { throw .unsupported }
            try definedness(arguments[0], side, piece)
        case .call(let function, let arguments):
            for argument in arguments { try definedness(argument, side, piece) }
            if function == .ratio { try denominatorZeros(arguments[1], side, piece) }
        case .nameCall(.asymmetry, _):
            // Defined everywhere: both sides 0 gives 0.
            return
        default:
            throw .unsupported
        }
    }

    private func denominatorZeros(_ denominator: Node, _ side: Side?, _ piece: ClosedRange<Double>) throws(Stop) {
        guard depends(denominator, side) else { return }
        _ = try direction(denominator, side, piece)
        guard let (low, high) = ends(denominator, side, piece) else { throw .unsupported }
        if Self.crossesZero(low, high) { throw splitAtZero(piece, of: numbers(denominator, side)) }
    }
}
