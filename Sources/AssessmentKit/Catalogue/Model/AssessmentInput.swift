public import BackCheckPluginAPI
public import BackCheckYAML

/// An input of an assessment: what a person measures or observes, and how it is asked.
public struct AssessmentInput: Sendable, Hashable {
    /// The typed description plugins see.
    public var spec: InputSpec
    /// A longer explanation shown at the prompt.
    public var help: String?
    /// Words shown for each choice id at the prompt, when given.
    public var choiceLabels: [String: String]
    /// Which way is better for a number, when the author said (`lower_is_better`): a change
    /// between two reports then reads as improved or worse, not only "changed".
    public var lowerIsBetter: Bool?
    /// The rest the protocol asks for after timing this input (each side), in seconds: a
    /// guided run counts it down before the next hold (`rest_after_s`).
    public var restAfterSeconds: Double? = nil
    /// Whether a yes here means the test's measurements are not valid (`voids_results`, such
    /// as a hold stopped by pain): the assessment then keeps only its referral findings, has
    /// no score, and says why.
    public var voidsResults: Bool = false
    /// Where the input is declared.
    public var mark: SourceMark

    /// The input's name.
    public var name: String { spec.name }
    /// The label shown at the prompt.
    public var label: String { spec.label }
    /// The answer type.
    public var type: InputSpec.InputType { spec.type }
    /// Whether one value is given per side.
    public var bilateral: Bool { spec.bilateral }
    /// Whether it may be skipped.
    public var optional: Bool { spec.optional }
    /// The unit, if any.
    public var unit: String? { spec.unit }
    /// The allowed range, if any.
    public var range: ClosedRange<Double>? { spec.range }
}

extension AssessmentInput {
    /// This input without its ``help`` (see ``CatalogueLoader/keepsGuidance``).
    var withoutHelp: AssessmentInput {
        var input = self
        input.help = nil
        return input
    }
}
