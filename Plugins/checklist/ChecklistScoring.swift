import BackCheckPluginAPI

/// A checked `checklist` block, ready to score answers.
struct ChecklistScoring: Evaluator {
    let items: [ScoringRule]

    let statedConditions: StatedConditions?

    init(items: [ScoringRule]) {
        self.items = items
        statedConditions = items.statedConditions
    }

    func evaluate(_ input: EvaluationInput) -> Evaluation {
        let results = items.apply(input)
        let findings = results.findings.keepingMostSevere()
        // Nothing decided is not "nothing found": a clear score would tell the person all is well.
        if input.explains, results.decided == 0, !items.isEmpty {
            return Evaluation(score: nil, findings: findings, notes: results.notes + [RuleResults.noRuleApplied])
        }
        return Evaluation(score: 100 * (1 - findings.maxSeverity), findings: findings, notes: results.notes)
    }
}
