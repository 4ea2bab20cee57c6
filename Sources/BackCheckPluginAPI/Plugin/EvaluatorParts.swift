/// Which of an evaluator's parts to run, by the names they read: see
/// ``Evaluator/findings(_:parts:)``.
///
/// The report asks about one input at a time, trying many values of it with every other answer
/// held. An evaluator whose findings are the findings of independent parts (each rule, each
/// normed measure) can run only the parts reading that input for each value, once the others
/// have been run a single time.
public enum EvaluatorParts: Sendable, Hashable {
    /// The parts reading any of these names.
    case reading(Set<String>)
    /// The parts reading none of these names.
    case notReading(Set<String>)

    /// Whether a part reading `names` is one of these parts.
    public func includes(partReading names: Set<String>) -> Bool {
        switch self {
        case .reading(let chosen): !names.isDisjoint(with: chosen)
        case .notReading(let excluded): names.isDisjoint(with: excluded)
        }
    }
}

extension ScoringRule {
    /// Every name the rule reads: the names of its ``decidingExpressions``.
    public var namesRead: Set<String> {
        Set(decidingExpressions.flatMap(\.expression.names))
    }
}

/// Rules with the names each reads worked out once, for an evaluator that answers
/// ``Evaluator/findings(_:parts:)``: the report asks for the parts reading one input for every
/// value it tries, so the names are not gathered again each time.
public struct PartitionedRules: Sendable {
    /// The rules, in order.
    public let rules: [ScoringRule]
    private let namesRead: [Set<String>]

    /// Indexes `rules` by the names each reads.
    public init(_ rules: [ScoringRule]) {
        self.rules = rules
        namesRead = rules.map(\.namesRead)
    }

    /// The findings, without evidence, that the rules among `parts` raise for `input`: the
    /// findings `rules.apply(input)` gives, restricted to those rules.
    public func findings(_ input: EvaluationInput, parts: EvaluatorParts) -> [RaisedFinding] {
        var results = RuleResults()
        rules.withUnsafeBufferPointer { rules in
            for index in rules.indices where parts.includes(partReading: namesRead[index]) {
                rules[index].apply(input.bindings, explaining: false, into: &results)
            }
        }
        return results.findings
    }
}
