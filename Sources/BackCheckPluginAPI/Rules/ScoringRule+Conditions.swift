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
}

extension Array where Element == ScoringRule {
    /// What decides the findings these rules raise, for an evaluator built on them alone.
    public var statedConditions: StatedConditions {
        StatedConditions(expressions: flatMap(\.decidingExpressions))
    }
}
