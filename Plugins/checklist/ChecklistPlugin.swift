public import BackCheckPluginAPI

/// The `checklist` evaluator: observed faults, each raising a finding with a weight; the
/// score is 100 × (1 − the largest weight raised).
///
/// ```yaml
/// scoring:
///   items:
///     - when: lumbar_rounding_at_depth
///       finding: lumbar-flexion-under-load
///       severity: 0.8
/// ```
public struct ChecklistPlugin: EvaluatorPlugin {
    /// Creates the plugin.
    public init() {}

    /// `checklist`.
    public var id: String { "checklist" }

    /// One line for `backcheck plugins`.
    public var summary: String {
        "Observed faults, each raising its finding with a weight; score 100 x (1 - the largest severity raised)."
    }

    /// The `items` list and each item's keys (the shared rule shape).
    public var scoringKeys: [ScoringKey] {
        [ScoringKey("items", "list of rules", required: true,
                    "The faults to look for; at least one. Each is a rule whose `when` is usually a boolean input.")]
            + ScoringRule.keys.map { ScoringKey("items[].\($0.name)", $0.type, required: $0.required, $0.meaning) }
    }

    /// Checks the block: every item, each problem reported at its place.
    public func makeEvaluator(scoring: YAMLNode, context: AssessmentContext, reader: NodeReader) -> (any Evaluator)? {
        let errorsBefore = reader.diagnostics.errorCount
        guard let fields = reader.mapping(scoring, of: "the checklist scoring block") else { return nil }
        let items = fields.requiredNode("items").flatMap { ScoringRule.readList($0, context: context, reader: reader) }
        fields.rejectUnknownKeys()
        guard let items, reader.diagnostics.errorCount == errorsBefore else { return nil }
        return ChecklistScoring(items: items)
    }
}
