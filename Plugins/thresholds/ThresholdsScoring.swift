import BackCheckPluginAPI

/// A checked `thresholds` block, ready to score answers.
struct ThresholdsScoring: Evaluator {
    let rules: [ScoringRule]
    let formula: ScoreFormula?

    /// Findings come from the rules alone; the score formula decides none. Worked out once
    /// here, as the report asks for it for every person.
    let statedConditions: StatedConditions?

    /// The rules indexed by the names they read, for the report's trials of one input.
    let parts: PartitionedRules

    init(rules: [ScoringRule], formula: ScoreFormula?) {
        self.rules = rules
        self.formula = formula
        statedConditions = rules.statedConditions
        parts = PartitionedRules(rules)
    }

    /// Each rule is a part: the findings are the rules' findings, the most severe kept.
    func findings(_ input: EvaluationInput, parts selection: EvaluatorParts) -> [RaisedFinding]? {
        parts.findings(input, parts: selection)
    }

    /// The chosen rules' deciding expressions: a rule's finding depends on nothing else.
    func statedConditions(of selection: EvaluatorParts, concerning side: Side?) -> StatedConditions? {
        parts.statedConditions(of: selection, concerning: side)
    }

    func evaluate(_ input: EvaluationInput) -> Evaluation {
        let results = rules.apply(input)
        let findings = results.findings.keepingMostSevere()
        // Only the findings are wanted: the author's formula may be costly and is not read.
        guard input.explains else { return Evaluation(score: nil, findings: findings) }
        var notes = results.notes
        // Nothing decided is not "nothing found": a clear score would tell the person all is well.
        guard results.decided > 0 || rules.isEmpty else {
            return Evaluation(score: nil, findings: findings, notes: notes + [RuleResults.noRuleApplied])
        }
        let maxSeverity = findings.maxSeverity
        var score = 100 - 100 * maxSeverity
        if let formula {
            switch formula.evaluate(input.bindings, maxSeverity: maxSeverity) {
            case .success(let value):
                score = value
                // Kept to 0-100, but not in silence: the author's formula needs mending.
                if value < 0 || value > 100 {
                    notes.append(
                        "Score '\(formula.expression.source)' gave \(NumberText.format(value)), outside 0-100; it was kept to \(value < 0 ? 0 : 100).")
                }
            case .failure(let problem):
                // A formula that cannot be computed must not leave the assessment unscored or
                // silently zero: fall back to the documented default and say so.
                notes.append(
                    "Score '\(formula.expression.source)' could not be computed (\(problem.reason)); "
                        + "the default 100 - 100 * max_severity was used.")
            }
        }
        return Evaluation(score: min(100, max(0, score)), findings: findings, notes: notes)
    }
}
