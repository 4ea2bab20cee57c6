import BackCheckPluginAPI

/// An author's `score:` expression, which may use `max_severity`.
struct ScoreFormula: Sendable, Hashable {
    /// The name the formula reads the largest raised severity from.
    static let maxSeverityName = "max_severity"

    let expression: Expression

    /// Compiles the formula in `scope` plus `max_severity`; it must give one number, so a
    /// bare bilateral name (which would give one per side) is rejected.
    init?(node: YAMLNode, scope: Scope, reader: NodeReader) {
        var scope = scope
        scope.declare(Self.maxSeverityName, NameInfo(kind: .number))
        guard let expression = Expression(node: node, scope: scope, reader: reader) else { return nil }
        if let kind = expression.resultKind, kind != .number {
            reader.error("'score' must give a number, but '\(expression.source)' gives \(kind.phrase)", at: node.mark)
            return nil
        }
        if expression.isPerSide {
            reader.error(
                "'score' must give one number, but '\(expression.source)' uses a bilateral input without a side; "
                    + "write name.left, name.right or e.g. min(name.left, name.right)",
                at: node.mark)
            return nil
        }
        // A formula of constants alone is checked now: a score is 0 (worst) to 100 (best).
        if expression.sortedNames.isEmpty, case .value(.number(let constant)) = expression.evaluate(Bindings(), side: nil),
           constant < 0 || constant > 100 {
            reader.error(
                "'score' is always \(NumberText.format(constant)), outside 0-100: a score runs from 0 (worst) to 100 (best)",
                at: node.mark)
            return nil
        }
        self.expression = expression
    }

    /// The score for `bindings` and the largest severity, or the reason it cannot be had.
    func evaluate(_ bindings: Bindings, maxSeverity: Double) -> Result<Double, RuleNotApplicable> {
        var bindings = bindings
        bindings[Self.maxSeverityName] = .single(.number(maxSeverity))
        switch expression.evaluate(bindings, side: nil) {
        case .value(.number(let score)) where score.isFinite:
            return .success(score)
        case .value(let other):
            return .failure(RuleNotApplicable(reason: "it gave \(other), not a finite number"))
        case .notApplicable(let reason):
            return .failure(RuleNotApplicable(reason: reason))
        }
    }
}
