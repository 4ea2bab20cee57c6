public import BackCheckPluginAPI
public import BackCheckYAML

/// An input of an assessment: what a person measures or observes, and how it is asked.
///
/// Copies share one immutable storage: every scan, prompt and report of an input holds a copy,
/// and a copy is then one retain rather than one per field.
public struct AssessmentInput: Sendable, Hashable {
    /// Its fields, shared by its copies.
    private var shared: SharedFields<Fields>

    /// An input with these fields.
    init(
        spec: InputSpec,
        help: String?,
        choiceLabels: [String: String],
        lowerIsBetter: Bool?,
        restAfterSeconds: Double? = nil,
        voidsResults: Bool = false,
        mark: SourceMark
    ) {
        shared = SharedFields(Fields(
            spec: spec, help: help, choiceLabels: choiceLabels, lowerIsBetter: lowerIsBetter,
            restAfterSeconds: restAfterSeconds, voidsResults: voidsResults, mark: mark))
    }

    /// The typed description plugins see.
    public var spec: InputSpec {
        get { shared.fields.spec }
        set { shared.update { $0.spec = newValue } }
    }
    /// A longer explanation shown at the prompt.
    public var help: String? {
        get { shared.fields.help }
        set { shared.update { $0.help = newValue } }
    }
    /// Words shown for each choice id at the prompt, when given.
    public var choiceLabels: [String: String] {
        get { shared.fields.choiceLabels }
        set { shared.update { $0.choiceLabels = newValue } }
    }
    /// Which way is better for a number, when the author said (`lower_is_better`): a change
    /// between two reports then reads as improved or worse, not only "changed".
    public var lowerIsBetter: Bool? {
        get { shared.fields.lowerIsBetter }
        set { shared.update { $0.lowerIsBetter = newValue } }
    }
    /// The rest the protocol asks for after timing this input (each side), in seconds: a
    /// guided run counts it down before the next hold (`rest_after_s`).
    public var restAfterSeconds: Double? {
        get { shared.fields.restAfterSeconds }
        set { shared.update { $0.restAfterSeconds = newValue } }
    }
    /// Whether a yes here means the test's measurements are not valid (`voids_results`, such
    /// as a hold stopped by pain): the assessment then keeps only its referral findings, has
    /// no score, and says why.
    public var voidsResults: Bool {
        get { shared.fields.voidsResults }
        set { shared.update { $0.voidsResults = newValue } }
    }
    /// Where the input is declared.
    public var mark: SourceMark {
        get { shared.fields.mark }
        set { shared.update { $0.mark = newValue } }
    }

    /// The input's name.
    public var name: String { shared.fields.spec.name }
    /// The label shown at the prompt.
    public var label: String { shared.fields.spec.label }
    /// The answer type.
    public var type: InputSpec.InputType { shared.fields.spec.type }
    /// Whether one value is given per side.
    public var bilateral: Bool { shared.fields.spec.bilateral }
    /// Whether it may be skipped.
    public var optional: Bool { shared.fields.spec.optional }
    /// The unit, if any.
    public var unit: String? { shared.fields.spec.unit }
    /// The allowed range, if any.
    public var range: ClosedRange<Double>? { shared.fields.spec.range }
}

extension AssessmentInput {
    /// This input without its ``help`` (see ``CatalogueLoader/keepsGuidance``).
    var withoutHelp: AssessmentInput {
        var input = self
        input.help = nil
        return input
    }
}
