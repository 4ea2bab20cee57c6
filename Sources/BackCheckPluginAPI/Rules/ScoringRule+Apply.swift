public import BackCheckExpressions

/// What applying rules to one person's values gave.
public struct RuleResults: Sendable, Hashable {
    /// The findings raised, possibly several per id and side (see `keepingMostSevere`).
    public var findings: [RaisedFinding] = []
    /// Sentences about rules that could not be applied.
    public var notes: [String] = []
    /// How many times a rule's condition could be decided, true or false (counted only when
    /// explaining). None, with rules to apply, means the answers scored nothing: an evaluator
    /// then leaves the assessment unscored rather than calling it clear (see
    /// ``noRuleApplied``).
    public var decided = 0

    /// Creates empty results.
    public init() {}

    /// Appends `other`'s findings, notes and count.
    public mutating func merge(_ other: RuleResults) {
        findings += other.findings
        notes += other.notes
        decided += other.decided
    }

    /// The note an evaluator gives when none of its rules could be decided.
    public static let noRuleApplied = "None of this test's rules could be applied to these answers, so it is not scored: check the answers the notes name."
}

extension ScoringRule {
    /// Applies the rule: once per side when it uses a bare bilateral name, otherwise once.
    public func apply(_ bindings: Bindings) -> RuleResults {
        var results = RuleResults()
        apply(bindings, explaining: true, into: &results)
        return results
    }

    /// Applies the rule to `input`; when `input.explains` is false the findings carry no
    /// evidence and no notes are written (see ``EvaluationInput/explains``).
    public func apply(_ input: EvaluationInput) -> RuleResults {
        var results = RuleResults()
        apply(input.bindings, explaining: input.explains, into: &results)
        return results
    }

    private static let bothSides: [Side?] = [.left, .right]
    private static let noSide: [Side?] = [nil]

    func apply(_ bindings: Bindings, explaining: Bool, into results: inout RuleResults) {
        guard explaining else { return raise(bindings, into: &results.findings) }
        let sides = condition.isPerSide || severity.isPerSide ? Self.bothSides : Self.noSide
        for side in sides {
            let label = side.map { " (\($0.rawValue) side)" } ?? ""
            switch condition.evaluate(bindings, side: side) {
            case .value(.bool(false)):
                results.decided += 1
                continue
            case .value(.bool(true)):
                results.decided += 1
            case .value(let other):
                results.notes.append("Rule '\(condition.source)'\(label) gave \(other), not true or false; it was not applied.")
                continue
            case .notApplicable(let reason):
                results.notes.append("Rule '\(condition.source)'\(label) did not apply: \(reason)")
                continue
            }
            guard case .value(.number(let strength)) = severity.evaluate(bindings, side: side) else {
                results.notes.append("Severity '\(severity.source)'\(label) could not be computed; finding '\(finding)' was not raised.")
                continue
            }
            var findingSide = side
            if let selector = self.side {
                switch selector.resolve(bindings, side: side) {
                case .success(let chosen): findingSide = chosen
                case .failure(let problem):
                    results.notes.append("Rule '\(condition.source)'\(label): \(problem.reason)")
                    continue
                }
            }
            let sentence = evidence?.render(bindings, side: findingSide) ?? defaultEvidence(bindings, side: side)
            results.findings.append(RaisedFinding(id: finding, side: findingSide, severity: strength, evidence: sentence))
        }
    }

    /// The findings alone, as `apply` raises them, without evidence or notes.
    private func raise(_ bindings: Bindings, into findings: inout [RaisedFinding]) {
        if condition.isPerSide || severity.isPerSide {
            raise(bindings, side: .left, into: &findings)
            raise(bindings, side: .right, into: &findings)
        } else {
            raise(bindings, side: nil, into: &findings)
        }
    }

    private func raise(_ bindings: Bindings, side: Side?, into findings: inout [RaisedFinding]) {
        guard case .bool(true)? = condition.value(bindings, side: side),
              case .number(let strength)? = severity.value(bindings, side: side) else { return }
        var findingSide = side
        switch self.side {
        case .fixed(let chosen)?: findingSide = chosen
        case .computed(let expression)?:
            guard case .string(let text)? = expression.value(bindings, side: side), let chosen = Side(rawValue: text)
            else { return }
            findingSide = chosen
        case nil: break
        }
        findings.append(RaisedFinding(id: finding, side: findingSide, severity: strength, evidence: ""))
    }

    /// `left hip_angle 8 deg; rule: hip_angle > 0`.
    func defaultEvidence(_ bindings: Bindings, side: Side?) -> String {
        var measured: [String] = []
        for name in condition.sortedNames where !name.hasPrefix("profile.") {
            let value: Value?? = switch bindings[name] {
            case .single(let value): value
            case .bilateral(let left, let right): side == .right ? right : side == .left ? left : nil
            case nil: nil
            }
            guard let value = value ?? nil else { continue }
            let unit = units[name].map { " \($0)" } ?? ""
            // Beside the rule, a value is not rounded to hundredths: 20.004 must not read "20; rule: x > 20".
            let shown = if case .number(let number) = value { NumberText.precise(number) } else { NumberText.format(value) }
            measured.append("\(name) \(shown)\(unit)")
        }
        let prefix = side.map { "\($0.rawValue) " } ?? ""
        let values = measured.isEmpty ? "" : measured.joined(separator: ", ") + "; "
        return "\(prefix)\(values)rule: \(condition.source)"
    }
}

extension Array where Element == ScoringRule {
    /// Applies every rule and gathers the results.
    public func apply(_ bindings: Bindings) -> RuleResults {
        var results = RuleResults()
        // Through the buffer: the rules are used in place instead of copied (a rule holds many references).
        withUnsafeBufferPointer { rules in
            for index in rules.indices { rules[index].apply(bindings, explaining: true, into: &results) }
        }
        return results
    }

    /// Applies every rule to `input` and gathers the results; when `input.explains` is false
    /// the findings carry no evidence and no notes are written.
    public func apply(_ input: EvaluationInput) -> RuleResults {
        var results = RuleResults()
        withUnsafeBufferPointer { rules in
            for index in rules.indices { rules[index].apply(input.bindings, explaining: input.explains, into: &results) }
        }
        return results
    }
}
