extension ChangePoints {
    /// Whether what ``locate(in:varying:over:derived:bindings:)`` finds for `variation` depends
    /// on the expressions and the range alone — on no other answer, no profile field and not
    /// the input's other side — so that it can be worked out once and shared by everyone
    /// answering the same assessment. Decided from the expressions, as the analysis reads
    /// them: each part whose outcome can change with the input must read nothing but the
    /// input, literals and derived values that read nothing else; parts that do not read the
    /// input are never evaluated by the analysis and may read anything.
    package static func dependsOnTheInputAlone(
        _ expressions: [(expression: Expression, sides: [Side?])], varying variation: Variation, derived: [String: Expression]
    ) -> Bool {
        let finder = ChangePointFinder(analysing: variation, derived: derived)
        return expressions.allSatisfy { expression, sides in
            sides.allSatisfy { side in finder.changesDependOnTheInputAlone(expression.root, side) }
        }
    }
}

extension ChangePointFinder {
    /// A finder for questions about the expressions alone (which parts read the input, and
    /// what else they read), asked of every part: it holds no answers, which they never read.
    init(analysing variation: Variation, derived: [String: Expression]) {
        self.init(variation: variation, derived: derived, held: Bindings(), bindingsAt: { _ in Bindings() })
    }

    /// Whether the changes ``changes(_:_:_:)`` finds in `node` on `side` depend on the input
    /// alone: it follows the same parts, so a part that does not read the input is not looked into.
    func changesDependOnTheInputAlone(_ node: Node, _ side: Side?) -> Bool {
        guard depends(node, side) else { return true }
        guard visitAlone() else { return false }
        if node.kind == .number { return readsOnlyTheInput(node, side) }
        switch node.operation {
        case .name(let reference):
            guard let target = derivedTarget(reference, side) else { return true }
            return changesDependOnTheInputAlone(target.expression.root, target.side)
        case .not(let operand):
            return changesDependOnTheInputAlone(operand, side)
        case .and(let left, let right), .or(let left, let right):
            return changesDependOnTheInputAlone(left, side) && changesDependOnTheInputAlone(right, side)
        default:
            return readsOnlyTheInput(node, side)
        }
    }

    /// Whether `node` on `side` reads nothing but the input (on the side varied), literals and
    /// derived values that read nothing else.
    func readsOnlyTheInput(_ node: Node, _ side: Side?) -> Bool {
        guard visitAlone() else { return false }
        switch node.operation {
        case .literal:
            return true
        case .name(let reference):
            if readsInput(reference, side) { return true }
            guard let target = derivedTarget(reference, side) else { return false }
            if let known = memo.readsOnlyTheInput[target.place] { return known }
            let answer = readsOnlyTheInput(target.expression.root, target.side)
            memo.readsOnlyTheInput[target.place] = answer
            return answer
        case .negate(let operand), .not(let operand):
            return readsOnlyTheInput(operand, side)
        case .arithmetic(_, let left, let right), .ordering(_, let left, let right),
             .equality(_, let left, let right), .and(let left, let right), .or(let left, let right):
            return readsOnlyTheInput(left, side) && readsOnlyTheInput(right, side)
        case .call(_, let arguments):
            return arguments.allSatisfy { readsOnlyTheInput($0, side) }
        case .nameCall(let function, let reference):
            // A single input is always answered while it is varied; anything else about a
            // name (`weaker_side`, `asymmetry`, a bilateral input's `answered`) reads more.
            return function == .answered && reference.name == variation.name && variation.side == nil
        }
    }

    /// Counts one more part looked at; `false` once there have been too many (a long chain
    /// of derived values), which answers "not alone" and leaves the analysis to each person.
    private func visitAlone() -> Bool {
        memo.visits += 1
        return memo.visits <= Self.maximumVisits
    }
}
