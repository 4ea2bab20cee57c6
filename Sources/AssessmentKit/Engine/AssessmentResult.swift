public import BackCheckExpressions
public import BackCheckPluginAPI

/// What running one assessment for one person gave.
public struct AssessmentResult: Sendable {
    /// The assessment that was run.
    public var assessment: Assessment
    /// The answers it was given.
    public var answers: AssessmentAnswers
    /// The derived values, by name (`nil` sides could not be computed).
    public var derived: [(name: String, value: Binding)]
    /// The score, 0 to 100, or `nil` when nothing could be scored.
    public var score: Int?
    /// The status.
    public var status: Status
    /// The findings raised, at most one per id and side.
    public var findings: [RaisedFinding]
    /// Sentences for the report: skipped inputs, rules that could not apply.
    public var notes: [String]
    /// What the evaluator needed and did not have (a screen's unanswered questions and the
    /// `profile.*` names its rules lacked); see `Evaluation.unanswered` in the plugin API.
    public var unanswered: [String] = []
    /// Why the evaluator could not score at all (see `Evaluation.failure`); the assessment is
    /// then unscored and this sentence is among the notes.
    public var failure: String?
    /// Whether a `voids_results` input was answered yes: only referral findings were kept,
    /// and the charts are not worked out.
    public var voided = false
}

/// Runs one assessment's evaluator on checked answers.
public enum AssessmentRunner {
    /// Computes the derived values, runs the evaluator and works out the status.
    public static func run(_ assessment: Assessment, answers: AssessmentAnswers, profile: Profile) -> AssessmentResult {
        var bindings = Bindings(answers.values)
        profile.bind(into: &bindings)
        // A screen's unanswered questions are listed once, by the screening block, not per question.
        var notes = assessment.isRedFlagScreen ? [] : answers.skipped.map { name in
            "Optional input '\(assessment.input(name)?.label ?? name)' was skipped; rules that need it did not apply."
        }
        var derived: [(name: String, value: Binding)] = []
        for value in assessment.derived {
            let binding: Binding
            if value.expression.isPerSide {
                binding = .bilateral(
                    left: compute(value, bindings, .left, notes: &notes), right: compute(value, bindings, .right, notes: &notes))
            } else {
                binding = .single(compute(value, bindings, nil, notes: &notes))
            }
            bindings[value.name] = binding
            derived.append((value.name, binding))
        }
        let evaluation = assessment.evaluator.evaluate(EvaluationInput(bindings: bindings, profile: profile))
        var findings = evaluation.findings.filter { assessment.finding($0.id) != nil }.keepingMostSevere()
        for note in evaluation.notes where !notes.contains(note) { notes.append(note) }
        var score = evaluation.score.flatMap { $0.isFinite ? Int(min(100, max(0, $0)).rounded()) : nil }
        // A yes that makes the measurements invalid (a hold stopped by pain): only what needs a
        // clinician stands (the reference: ratios and norms only from valid times).
        let voiding = assessment.inputs.filter { $0.voidsResults && Self.isYes(answers.values[$0.name]) }
        if let first = voiding.first {
            findings.removeAll { assessment.finding($0.id)?.tier != .refer }
            score = nil
            // Notes about the measurements (unanswered holds, ratios not computed, rules not
            // applied) say nothing once they do not count: only the reason is kept.
            notes = ["'\(first.label)' was answered yes, so this test's measurements do not count: nothing else here is scored or planned from them."]
        }
        let refers = findings.contains { assessment.finding($0.id)?.tier == .refer }
        let status: Status = refers ? .refer : score.map(Status.forScore) ?? .unscored
        var result = AssessmentResult(
            assessment: assessment, answers: answers, derived: derived, score: score, status: status,
            findings: findings, notes: notes, unanswered: evaluation.unanswered)
        result.failure = evaluation.failure
        result.voided = !voiding.isEmpty
        return result
    }

    /// Whether a yes/no answer is yes (on either side).
    private static func isYes(_ binding: Binding?) -> Bool {
        switch binding {
        case .single(.bool(true)?)?: true
        case .bilateral(let left, let right)?: left == .bool(true) || right == .bool(true)
        default: false
        }
    }

    private static func compute(_ value: DerivedValue, _ bindings: Bindings, _ side: Side?, notes: inout [String]) -> Value? {
        switch value.expression.evaluate(bindings, side: side) {
        case .value(let result): return result
        case .notApplicable(let reason):
            let label = side.map { " (\($0.rawValue))" } ?? ""
            notes.append("Derived value '\(value.name)'\(label) could not be computed: \(reason)")
            return nil
        }
    }
}
