public import BackCheckPluginAPI

/// The `red-flags` evaluator: screening questions, each a boolean input; a `true` answer
/// raises its `refer` finding, which puts a referral at the top of the report. Rules raise
/// flags that count only in combination (second edition).
///
/// ```yaml
/// scoring:
///   flags:
///     - {input: saddle_numbness, finding: cauda-equina-signs}
///   rules:
///     - when: infection_risk and fever_or_unwell
///       finding: possible-spinal-infection
/// ```
/// Every required yes/no input is a question. Unanswered questions, and `profile.*` names a rule
/// could not be decided without, are listed in ``Evaluation/unanswered`` (the report then
/// calls the screen incomplete) instead of being errors, so answers saved before a question
/// was added keep running.
public struct RedFlagsPlugin: EvaluatorPlugin {
    /// Creates the plugin.
    public init() {}

    /// `red-flags`.
    public var id: String { "red-flags" }

    /// One line for `backcheck plugins`.
    public var summary: String {
        "Screening questions: any true answer raises its referral finding (severity 1); score 100 when none, else 0."
    }

    /// The `flags` list and each flag's keys.
    public var scoringKeys: [ScoringKey] {
        [
            ScoringKey("flags", "list of {input, finding}", required: true,
                       "The screening questions; at least one. A true answer raises the finding with severity 1."),
            ScoringKey("flags[].input", "input name (boolean)", required: true,
                       "A boolean input; when bilateral, each side that is true raises the finding for that side."),
            ScoringKey("flags[].finding", "finding id (tier refer)", required: true,
                       "The finding raised; it must have tier refer and an urgency (emergency, same-day or soon)."),
            ScoringKey("rules", "list of {when, finding}", required: false,
                       "Flags that count only in combination, over the screen's answers and profile.*; a rule that cannot be decided for want of a value makes the screen incomplete and asks for it."),
            ScoringKey("rules[].when", "expression (condition)", required: true,
                       "When it holds, the finding is raised; and/or are three-valued, so a 'no' decides without the rest."),
            ScoringKey("rules[].finding", "finding id (tier refer)", required: true,
                       "The finding raised; tier refer with an urgency, as for flags."),
        ]
    }

    /// Checks the block: each flag's input is a declared boolean input and its finding a
    /// declared `refer` finding with an urgency.
    public func makeEvaluator(scoring: YAMLNode, context: AssessmentContext, reader: NodeReader) -> (any Evaluator)? {
        let errorsBefore = reader.diagnostics.errorCount
        guard let fields = reader.mapping(scoring, of: "the red-flags scoring block") else { return nil }
        let flags = fields.requiredNode("flags").flatMap { RedFlag.readList($0, context: context, reader: reader) }
        let rules = fields.node("rules").flatMap { RedFlagRule.readList($0, context: context, reader: reader) } ?? []
        fields.rejectUnknownKeys()
        // A bad rule was reported; the error count catches it.
        guard let flags, reader.diagnostics.errorCount == errorsBefore else { return nil }
        return RedFlagsScoring(
            flags: flags, rules: rules, questions: context.inputs.filter { !$0.optional && $0.type == .boolean })
    }
}
