import BackCheckExpressions
import BackCheckPluginAPI

/// Runs one assessment again and again for trial values of one input, asking the evaluator
/// for its findings only (no evidence, notes or score: see `EvaluationInput.explains`).
///
/// The bindings of the person's answers, profile and derived values are built once and
/// changed in place for each trial: only the trial input and the derived values that read
/// it (directly or through other derived values) are set again. Gives the same findings as
/// ``AssessmentRunner/run(_:answers:profile:)`` with the trial value in the answers.
final class TrialRunner {
    let assessment: Assessment
    private let profile: Profile
    private let answers: [String: Binding]
    private var bindings: Bindings
    /// The derived values that must be computed again when each input changes, in order.
    private var dependents: [String: [DerivedValue]] = [:]
    /// The input the bindings hold a trial value of, if any, and the derived values reading it.
    private var trialInput: String?
    private var trialDependents: [DerivedValue] = []
    /// The trial input's binding now.
    private var trialBinding: Binding?

    init(assessment: Assessment, answers: AssessmentAnswers, profile: Profile) {
        self.assessment = assessment
        self.profile = profile
        self.answers = answers.values
        var bindings = Bindings(answers.values)
        for (name, binding) in profile.bindings { bindings[name] = binding }
        self.bindings = bindings
        for value in assessment.derived { compute(value) }
    }

    /// The findings raised, as ``FindingSet`` members, when `name` is bound to `binding`.
    func findings(setting name: String, to binding: Binding) -> FindingSet {
        set(name, to: binding)
        let evaluation = assessment.evaluator.evaluate(EvaluationInput(bindings: bindings, profile: profile, explains: false))
        var raised = FindingSet()
        for finding in evaluation.findings {
            // Findings the assessment does not declare are dropped, as in a full run.
            guard let index = assessment.findings.firstIndex(where: { $0.id == finding.id }) else { continue }
            raised.insert(FindingSet.member(index, side: finding.side))
        }
        return raised
    }

    /// The bindings with `name` bound to `binding` and the derived values reading it computed again.
    func bindings(setting name: String, to binding: Binding) -> Bindings {
        set(name, to: binding)
        return bindings
    }

    private func set(_ name: String, to binding: Binding) {
        // The exact scans ask about one value several times in a row.
        if trialInput == name, trialBinding == binding { return }
        trialBinding = binding
        if trialInput != name {
            if let previous = trialInput { restore(previous) }
            trialInput = name
            trialDependents = derived(readingOf: name)
        }
        bindings[name] = binding
        for index in trialDependents.indices { compute(trialDependents[index]) }
    }

    /// Puts the person's own answer for `name` back, and the derived values that read it.
    private func restore(_ name: String) {
        bindings[name] = answers[name]
        for value in derived(readingOf: name) { compute(value) }
    }

    private func compute(_ value: DerivedValue) {
        let binding: Binding = value.expression.isPerSide
            ? .bilateral(left: value.expression.value(bindings, side: .left), right: value.expression.value(bindings, side: .right))
            : .single(value.expression.value(bindings, side: nil))
        bindings[value.name] = binding
    }

    /// The derived values whose value can change with `name`, in declaration order.
    private func derived(readingOf name: String) -> [DerivedValue] {
        if let known = dependents[name] { return known }
        var changed: Set<String> = [name]
        var list: [DerivedValue] = []
        for value in assessment.derived where !value.expression.names.isDisjoint(with: changed) {
            changed.insert(value.name)
            list.append(value)
        }
        dependents[name] = list
        return list
    }
}
