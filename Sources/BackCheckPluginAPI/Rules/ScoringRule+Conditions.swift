public import BackCheckExpressions

extension ScoringRule {
    /// The expressions deciding whether the rule raises its finding and on which side —
    /// condition, severity (raised only when it can be computed) and a computed side — with
    /// the sides the rule is applied on, for an evaluator's ``StatedConditions``.
    public var decidingExpressions: [(expression: Expression, sides: [Side?])] {
        let sides: [Side?] = condition.isPerSide || severity.isPerSide ? [.left, .right] : [nil]
        var expressions = [condition, severity]
        if case .computed(let expression)? = side { expressions.append(expression) }
        return expressions.map { ($0, sides) }
    }

    /// The deciding expressions of the findings concerning `side` — raised on that side or on
    /// none — with the sides they are evaluated on for those findings; all of them when `side`
    /// is `nil`. A rule applied once per side raises its finding on the side applied unless
    /// told otherwise, so only that side's application concerns it; a rule that names a
    /// fixed side concerns that side alone; one that computes its side may concern either.
    public func decidingExpressions(concerning side: Side?) -> [(expression: Expression, sides: [Side?])] {
        let all = decidingExpressions
        guard let side else { return all }
        switch self.side {
        case .computed?:
            return all
        case .fixed(let named)?:
            return named == side ? all : []
        case nil:
            // Whole-person applications raise findings without a side, which concern every side.
            return all.map { expression, sides in (expression, sides.filter { $0 == nil || $0 == side }) }
        }
    }
}

extension Array where Element == ScoringRule {
    /// What decides the findings these rules raise, for an evaluator built on them alone.
    public var statedConditions: StatedConditions {
        StatedConditions(expressions: flatMap(\.decidingExpressions))
    }
}
