public import BackCheckPluginAPI
public import BackCheckYAML
import BackCheckExpressions

/// The `red-flags` evaluator: screening questions, each a boolean input; a `true` answer
/// raises its `refer` finding, which puts a referral at the top of the report.
///
/// ```yaml
/// scoring:
///   flags:
///     - {input: saddle_numbness, finding: cauda-equina-signs}
/// ```
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
        ]
    }

    /// Checks the block: each flag's input is a declared boolean input and its finding a
    /// declared `refer` finding with an urgency.
    public func makeEvaluator(scoring: YAMLNode, context: AssessmentContext, reader: NodeReader) -> (any Evaluator)? {
        let errorsBefore = reader.diagnostics.errors.count
        guard let fields = reader.mapping(scoring, of: "the red-flags scoring block") else { return nil }
        let flags = fields.requiredNode("flags").flatMap { RedFlag.readList($0, context: context, reader: reader) }
        fields.rejectUnknownKeys()
        guard let flags, reader.diagnostics.errors.count == errorsBefore else { return nil }
        return RedFlagsScoring(flags: flags)
    }
}
