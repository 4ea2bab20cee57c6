import BackCheckPluginAPI

/// A flag that counts only in combination (second edition): a condition over the screen's
/// answers and the profile that raises a `refer` finding, such as fever with an infection risk
/// or new pain over 50.
///
/// ```yaml
/// rules:
///   - when: new_pain_in_last_3_months and (profile.age < 20 or profile.age > 50)
///     finding: new-pain-at-risk-age
/// ```
struct RedFlagRule: Sendable {
    let condition: Expression
    let finding: String

    /// Reads `{when, finding}`, reporting every problem at its place.
    init?(node: YAMLNode, context: AssessmentContext, reader: NodeReader) {
        guard let fields = reader.mapping(node, of: "a red-flag rule ({when, finding})") else { return nil }
        let condition = fields.requiredNode("when").flatMap { Expression(node: $0, scope: context.scope, reader: reader) }
        if let condition, let kind = condition.resultKind, kind != .boolean, let whenNode = fields.node("when") {
            reader.error("'when' must be a condition (true or false), but '\(condition.source)' gives a \(kind.rawValue)",
                         at: whenNode.mark)
        }
        if let condition, condition.isPerSide, let whenNode = fields.node("when") {
            reader.error("a red-flag rule is about the whole person: pin sides with .left / .right in '\(condition.source)'",
                         at: whenNode.mark)
        }
        let finding = fields.requiredNode("finding").flatMap { RedFlag.readReferral($0, context: context, reader: reader) }
        fields.rejectUnknownKeys()
        guard let condition, condition.resultKind == nil || condition.resultKind == .boolean, !condition.isPerSide,
              let finding else { return nil }
        self.condition = condition
        self.finding = finding
    }

    /// Reads the `rules` list; `nil` when it is not a list or any rule is bad.
    static func readList(_ node: YAMLNode, context: AssessmentContext, reader: NodeReader) -> [RedFlagRule]? {
        guard let items = node.sequence else {
            reader.error("expected a list of red-flag rules ({when, finding}), found \(node.kindDescription)", at: node.mark)
            return nil
        }
        let rules = items.map { RedFlagRule(node: $0, context: context, reader: reader) }
        let valid = rules.compactMap { $0 }
        return valid.count == rules.count ? valid : nil
    }

    /// Whether the rule holds: `true`, `false`, or `nil` with the names it lacked when it cannot
    /// be decided (Kleene logic: `false and unknown` is false, so a "no" never asks for more).
    func decide(_ bindings: Bindings) -> (holds: Bool?, missing: [String]) {
        switch condition.evaluate(bindings, side: nil) {
        case .value(.bool(let holds)): return (holds, [])
        case .value: return (nil, [])
        case .notApplicable:
            let missing = condition.sortedNames.filter { name in
                switch bindings[name] {
                case .single(let value)?: value == nil
                case .bilateral(let left, let right)?: left == nil || right == nil
                case nil: true
                }
            }
            return (nil, missing)
        }
    }
}
