public import BackCheckPluginAPI

/// The `normative` evaluator: compares measurements with a reference population (a
/// `kind: norms` table) by percentile, and optionally applies thresholds-style rules.
///
/// ```yaml
/// scoring:
///   norms: mcgill-1999
///   measures:
///     flexor_hold: {norm: trunk_flexion, below_percentile: 25, finding: low-flexor-endurance}
///   rules:
///     - when: ratio(flexor_hold, extensor_hold) >= 1.0
///       finding: extensor-endurance-deficit
///       severity: 0.5
/// ```
public struct NormativePlugin: EvaluatorPlugin {
    /// Creates the plugin.
    public init() {}

    /// `normative`.
    public var id: String { "normative" }

    /// One line for `backcheck plugins`.
    public var summary: String {
        """
        Percentiles against a norms table by sex (and age band); a finding below each measure's cut-off; \
        score = mean sub-score, capped by severity.
        """
    }

    /// The norms table, the measures and their keys, and the optional rules.
    public var scoringKeys: [ScoringKey] {
        [
            ScoringKey("norms", "norms id", required: true, "The id of a `kind: norms` document."),
            ScoringKey("measures", "mapping: input name -> measure", required: true,
                       """
                       The inputs compared with the norms; each a number, integer or duration input. \
                       Sub-score per measure (per side when bilateral): 100 at or above the norm's mean, \
                       falling linearly to 0 at 2 SD below it. Score = mean sub-score, capped at 100 - 100 \
                       x the largest severity raised.
                       """),
            ScoringKey("measures.<input>.norm", "measure name, or {left: name, right: name}", required: true,
                       """
                       The norms table's measure to compare with; a per-side pair for a bilateral input \
                       measured against different norms.
                       """),
            ScoringKey("measures.<input>.below_percentile", "number above 0, at most 100", required: true,
                       "The finding is raised when the person's percentile is below this."),
            ScoringKey("measures.<input>.finding", "finding id", required: true,
                       "The finding raised below the cut-off; declared in `findings`."),
            ScoringKey("measures.<input>.lower_is_better", "true or false", required: false,
                       """
                       Lower values are better (e.g. a time to complete); the percentile then counts from \
                       the worse end, so a low percentile is always the weak one. Default false.
                       """),
            ScoringKey("measures.<input>.severity", "number 0-1 or expression", required: false,
                       """
                       The finding's severity; may use `percentile`. Default: clamp(1 - percentile / \
                       below_percentile, 0.3, 1).
                       """),
            ScoringKey("rules", "list of rules", required: false,
                       "Extra thresholds-style rules, e.g. ratios between measures; their findings cap the score too."),
        ] + ScoringRule.keys.map { ScoringKey("rules[].\($0.name)", $0.type, required: $0.required, $0.meaning) }
    }

    /// Checks the block: the norms table exists, each measure names a declared numeric input
    /// and a measure of the table, and the rules are valid.
    public func makeEvaluator(scoring: YAMLNode, context: AssessmentContext, reader: NodeReader) -> (any Evaluator)? {
        let errorsBefore = reader.diagnostics.errorCount
        guard let fields = reader.mapping(scoring, of: "the normative scoring block") else { return nil }
        let normsNode = fields.requiredNode("norms")
        let table = normsNode.flatMap { readTable($0, context: context, reader: reader) }
        let measures = fields.requiredNode("measures").flatMap {
            NormativeMeasure.readAll($0, table: table, context: context, reader: reader)
        }
        let rulesNode = fields.node("rules")
        let rules = rulesNode.flatMap { ScoringRule.readList($0, context: context, reader: reader) }
        fields.rejectUnknownKeys()
        guard let table, let measures, rulesNode == nil || rules != nil,
              reader.diagnostics.errorCount == errorsBefore else { return nil }
        return NormativeScoring(table: table, measures: measures, rules: rules ?? [])
    }

    private func readTable(_ node: YAMLNode, context: AssessmentContext, reader: NodeReader) -> NormsTable? {
        guard let id = reader.read(String.self, from: node) else { return nil }
        guard let table = context.norms[id] else {
            let hint = Suggestion.hint(for: id, among: context.norms.keys.sorted())
            reader.error("unknown norms table '\(id)': no `kind: norms` document has this id\(hint)", at: node.mark)
            return nil
        }
        return table
    }
}
