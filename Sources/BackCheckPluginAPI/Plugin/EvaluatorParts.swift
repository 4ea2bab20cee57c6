public import BackCheckExpressions

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
        Set(decidingExpressions.flatMap(\.expression.sortedNames))
    }
}

/// Rules with the names each reads worked out once, for an evaluator that answers
/// ``Evaluator/findings(_:parts:)``: the report asks for the parts reading one input for every
/// value it tries, so the names are not gathered again each time.
public struct PartitionedRules: Sendable {
    /// The rules, in order.
    public let rules: [ScoringRule]
    /// The names each rule reads, when there are too many rules for `rulesReading` (empty
    /// otherwise: a catalogue keeps every evaluator, and a set per rule was 1% of its memory).
    private let namesRead: [Set<String>]
    /// For each name, the rules reading it as bits (rule `i` is bit `i`), when there are at
    /// most 64 rules: a choice of parts is then a few lookups, one per name chosen, instead of
    /// a set comparison (hashing every name again) per rule, for every value tried.
    private let rulesReading: [String: UInt64]?

    /// Indexes `rules` by the names each reads.
    public init(_ rules: [ScoringRule]) {
        self.rules = rules
        if rules.count <= UInt64.bitWidth {
            var reading: [String: UInt64] = [:]
            for (index, rule) in rules.enumerated() {
                for expression in rule.decidingExpressions {
                    for name in expression.expression.sortedNames { reading[name, default: 0] |= 1 << UInt64(index) }
                }
            }
            rulesReading = reading
            namesRead = []
        } else {
            rulesReading = nil
            namesRead = rules.map(\.namesRead)
        }
    }

    /// What decides the findings of the rules among `parts` that concern `side`, for an
    /// evaluator's ``Evaluator/statedConditions(of:concerning:)``.
    public func statedConditions(of parts: EvaluatorParts, concerning side: Side?) -> StatedConditions {
        // Asked once per assessment and input, so each rule's names are gathered afresh.
        let chosen = rules.filter { parts.includes(partReading: $0.namesRead) }
        return StatedConditions(expressions: chosen.flatMap { $0.decidingExpressions(concerning: side) })
    }

    /// The findings, without evidence, that the rules among `parts` raise for `input`: the
    /// findings `rules.apply(input)` gives, restricted to those rules.
    public func findings(_ input: EvaluationInput, parts: EvaluatorParts) -> [RaisedFinding] {
        var results = RuleResults()
        rules.withUnsafeBufferPointer { rules in
            guard let rulesReading else {
                for index in rules.indices where parts.includes(partReading: namesRead[index]) {
                    rules[index].apply(input.bindings, explaining: false, into: &results)
                }
                return
            }
            var chosen: UInt64
            switch parts {
            case .reading(let names):
                chosen = names.reduce(0) { $0 | (rulesReading[$1] ?? 0) }
            case .notReading(let names):
                let all: UInt64 = rules.count == UInt64.bitWidth ? ~0 : (1 << UInt64(rules.count)) - 1
                chosen = all & ~names.reduce(0) { $0 | (rulesReading[$1] ?? 0) }
            }
            // In order, as `apply` would run them.
            while chosen != 0 {
                rules[chosen.trailingZeroBitCount].apply(input.bindings, explaining: false, into: &results)
                chosen &= chosen - 1
            }
        }
        return results.findings
    }
}
