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
    // The state below is not checked for exclusive access at run time: a runner serves one
    // probe on one thread, and no access to it spans a call out of this class. The checks on
    // every trial were about a quarter of a percent of a batch (measured with `perf`).
    /// Built at the first trial (see `prepare()`): many probes run none (an assessment without
    /// numeric inputs, one whose charts are not worked out), and building them was a fortieth
    /// of a batch. Not a `lazy var`: changing one in place copies it, every trial.
    @exclusivity(unchecked) private var bindings = Bindings()
    @exclusivity(unchecked) private var prepared = false
    /// Where each derived value is kept in `bindings`, in declaration order: values set for
    /// every trial are set by place, with no name looked up.
    @exclusivity(unchecked) private var derivedSlots: [Int] = []
    /// The input the bindings hold a trial value of, if any, its place, and the derived values
    /// reading it.
    @exclusivity(unchecked) private var trialInput: String?
    @exclusivity(unchecked) private var trialSlot = 0
    @exclusivity(unchecked) private var trialDependents: [Int] = []
    /// The trial input's binding now.
    @exclusivity(unchecked) private var trialBinding: Binding?
    /// The trial input and the derived values reading it, when the evaluator splits into
    /// parts by the names they read (see ``Evaluator/findings(_:parts:)``).
    @exclusivity(unchecked) private var trialNames: Set<String> = []
    /// What the parts reading none of `trialNames` raise: the same for every trial value, so
    /// worked out once per trial input; `nil` until then, or when the evaluator does not split.
    @exclusivity(unchecked) private var held: FindingSet?
    /// Whether the evaluator was found not to split, so every trial runs all of it.
    @exclusivity(unchecked) private var runsWhole = false
    /// Why the evaluator failed on a trial value (see `Evaluation.failure`), the first time it
    /// did; no trial is run after that. A module out of its budget for one value is most likely
    /// out of it for the next, and hundreds of trials each spending the whole budget would
    /// multiply the run's time for a chart the report cannot draw truthfully anyway.
    @exclusivity(unchecked) private(set) var failure: String?

    init(assessment: Assessment, answers: AssessmentAnswers, profile: Profile) {
        self.assessment = assessment
        self.profile = profile
        self.answers = answers.values
    }

    /// Binds the person's answers, profile and derived values, once.
    private func prepare() {
        guard !prepared else { return }
        prepared = true
        bindings = Bindings(answers)
        profile.bind(into: &bindings)
        derivedSlots = assessment.derived.map { bindings.slot(for: $0.name) }
        for index in assessment.derived.indices { compute(index) }
    }

    /// The findings raised, as ``FindingSet`` members, when `name` is bound to `binding`.
    /// Nothing once the evaluator has failed on a trial (see ``failure``).
    func findings(setting name: String, to binding: Binding) -> FindingSet {
        guard failure == nil else { return FindingSet() }
        set(name, to: binding)
        if !runsWhole {
            if held == nil { held = findings(of: .notReading(trialNames)) }
            if let held, let varying = findings(of: .reading(trialNames)) { return held.union(varying) }
            runsWhole = true
        }
        let evaluation = assessment.evaluator.evaluate(EvaluationInput(bindings: bindings, profile: profile, explains: false))
        if let reason = evaluation.failure {
            failure = reason
            return FindingSet()
        }
        return members(evaluation.findings)
    }

    /// What the parts of the evaluator reading neither `name` nor a derived value reading it
    /// raise: the same for every value of `name`, so worked out with the person's own answers;
    /// `nil` when the evaluator does not split into parts.
    func heldFindings(varying name: String) -> FindingSet? {
        // The parts may read any other input, so none may hold a trial value.
        restoreOwnAnswers()
        return findings(of: .notReading(names(changingWith: name)))
    }

    /// How `held` comes out with the person's own answers (see ``HeldConditions/outcomes(in:)``).
    func outcomes(of held: HeldConditions) -> [UInt8] {
        // A condition may read any input but the one it is held apart from: none may hold a trial value.
        restoreOwnAnswers()
        return held.outcomes(in: bindings)
    }

    /// Binds the person's own answers, putting back the one a trial value was set for.
    private func restoreOwnAnswers() {
        prepare()
        guard let previous = trialInput else { return }
        restore(previous)
        trialInput = nil
        trialBinding = nil
        held = nil
    }

    /// What the parts reading `name` or a derived value reading it raise with `name` bound to
    /// `binding`; `nil` when the evaluator does not split into parts.
    func varyingFindings(setting name: String, to binding: Binding) -> FindingSet? {
        set(name, to: binding)
        return findings(of: .reading(trialNames))
    }

    /// What `parts` raise with the bindings as they stand; `nil` when the evaluator does not split.
    private func findings(of parts: EvaluatorParts) -> FindingSet? {
        assessment.evaluator.findings(EvaluationInput(bindings: bindings, profile: profile, explains: false), parts: parts).map(members)
    }

    /// The names whose values change with `name`'s: itself and the derived values reading it.
    func names(changingWith name: String) -> Set<String> {
        assessment.changingNames.changes(with: name, among: assessment.derived).names
    }

    /// `findings` as ``FindingSet`` members.
    private func members(_ findings: [RaisedFinding]) -> FindingSet {
        FindingSet(findings, of: assessment)
    }

    /// The bindings with `name` bound to `binding` and the derived values reading it computed again.
    func bindings(setting name: String, to binding: Binding) -> Bindings {
        set(name, to: binding)
        return bindings
    }

    private func set(_ name: String, to binding: Binding) {
        prepare()
        // The exact scans ask about one value several times in a row.
        if trialInput == name, trialBinding == binding { return }
        trialBinding = binding
        if trialInput != name {
            if let previous = trialInput { restore(previous) }
            trialInput = name
            trialSlot = bindings.slot(for: name)
            let changes = assessment.changingNames.changes(with: name, among: assessment.derived)
            trialDependents = changes.derived
            trialNames = changes.names
            held = nil
        }
        bindings[slot: trialSlot] = binding
        for index in trialDependents { compute(index) }
    }

    /// Puts the person's own answer for `name`, the trial input until now, back, and the
    /// derived values that read it.
    private func restore(_ name: String) {
        bindings[slot: trialSlot] = answers[name]
        for index in trialDependents { compute(index) }
    }

    /// Computes the derived value declared at `index` and keeps it in its place.
    private func compute(_ index: Int) {
        let binding = Self.binding(of: assessment.derived[index].expression, in: bindings)
        bindings[slot: derivedSlots[index]] = binding
    }

    /// The value of a derived value's `expression` in `bindings`, on each side when it is per side.
    private static func binding(of expression: Expression, in bindings: Bindings) -> Binding {
        expression.isPerSide
            ? .bilateral(left: expression.value(bindings, side: .left), right: expression.value(bindings, side: .right))
            : .single(expression.value(bindings, side: nil))
    }
}
