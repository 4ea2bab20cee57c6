public import BackCheckPluginAPI

/// The `thresholds` evaluator: ordered rules, each raising a finding when its condition
/// holds, and a score from the most severe finding (or the author's own formula).
///
/// ```yaml
/// scoring:
///   rules:
///     - when: hip_angle > 0
///       finding: iliopsoas-tightness
///       severity: clamp(hip_angle / 15, 0.3, 1)
///   score: 100 - 100 * max_severity
/// ```
public struct ThresholdsPlugin: EvaluatorPlugin {
    /// Creates the plugin.
    public init() {}

    /// `thresholds`.
    public var id: String { "thresholds" }

    /// One line for `backcheck plugins`.
    public var summary: String {
        """
        Ordered rules: each raises its finding when its condition holds; score 100 - 100 x the largest \
        severity, or your own formula.
        """
    }

    /// The `rules` list, each rule's keys, and the optional `score` formula.
    public var scoringKeys: [ScoringKey] {
        [ScoringKey("rules", "list of rules", required: true,
                    """
                    The rules, in order; at least one. A finding raised by several rules (or sides) is \
                    kept once per side, at its highest severity.
                    """)]
            + ScoringRule.keys.map { ScoringKey("rules[].\($0.name)", $0.type, required: $0.required, $0.meaning) }
            + [ScoringKey("score", "expression (number)", required: false,
                          """
                          The score; may use `max_severity`, the largest severity raised (0 when none). \
                          Default: 100 - 100 * max_severity. Clamped to 0-100.
                          """)]
    }

    /// Checks the block: the rules (conditions, findings, severities, sides, evidence) and
    /// the score formula, each problem reported at its place.
    public func makeEvaluator(scoring: YAMLNode, context: AssessmentContext, reader: NodeReader) -> (any Evaluator)? {
        let errorsBefore = reader.diagnostics.errorCount
        guard let fields = reader.mapping(scoring, of: "the thresholds scoring block") else { return nil }
        let rules = fields.requiredNode("rules").flatMap { ScoringRule.readList($0, context: context, reader: reader) }
        let formula = fields.node("score").map { ScoreFormula(node: $0, scope: context.scope, reader: reader) }
        fields.rejectUnknownKeys()
        guard let rules, formula != .some(nil), reader.diagnostics.errorCount == errorsBefore else { return nil }
        return ThresholdsScoring(rules: rules, formula: formula ?? nil)
    }
}
