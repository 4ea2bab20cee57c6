public import BackCheckPluginAPI

/// The `firing-order` evaluator: the order muscles were seen to contract, a `sequence`
/// input, and the finding raised when a muscle other than the expected ones leads.
///
/// ```yaml
/// scoring:
///   sequence: hip_extension_onset
///   expected_first: [glute_max, hamstrings]
///   finding: erectors-lead
///   severity: 0.4
/// ```
public struct FiringOrderPlugin: EvaluatorPlugin {
    /// Creates the plugin.
    public init() {}

    /// `firing-order`.
    public var id: String { "firing-order" }

    /// One line for `backcheck plugins`.
    public var summary: String {
        """
        Muscle firing order: raises the finding (per side) when the first muscle is not one expected to \
        lead; score 100 - 100 x severity.
        """
    }

    /// The sequence input, the expected leaders, the finding and its severity.
    public var scoringKeys: [ScoringKey] {
        [
            ScoringKey("sequence", "input name (sequence)", required: true,
                       "The sequence input holding the order muscles fired in; when bilateral, each side is judged."),
            ScoringKey("expected_first", "list of choice ids", required: true,
                       "The muscles allowed to lead; each one of the input's choices."),
            ScoringKey("finding", "finding id", required: true,
                       "The finding raised when another muscle leads; declared in `findings`."),
            ScoringKey("severity", "number 0-1 or expression", required: true,
                       """
                       How strongly the finding applies; clamped to 0-1. The score is 100 - 100 x the \
                       largest severity raised.
                       """),
        ]
    }

    /// Checks the block: the input is a declared sequence input, every expected muscle is
    /// one of its choices, the finding is declared and the severity is a number.
    public func makeEvaluator(scoring: YAMLNode, context: AssessmentContext, reader: NodeReader) -> (any Evaluator)? {
        let errorsBefore = reader.diagnostics.errorCount
        guard let fields = reader.mapping(scoring, of: "the firing-order scoring block") else { return nil }
        let input = fields.requiredNode("sequence").flatMap { readSequenceInput($0, context: context, reader: reader) }
        let expected = fields.requiredNode("expected_first").flatMap {
            readExpectedFirst($0, choices: input?.choices, reader: reader)
        }
        let finding = fields.requiredNode("finding").flatMap {
            ScoringRule.readFinding($0, context: context, reader: reader)
        }
        let severity = fields.requiredNode("severity").flatMap {
            ScoringRule.readSeverity($0, scope: context.scope, reader: reader)
        }
        fields.rejectUnknownKeys()
        guard let input, let expected, let finding, let severity, reader.diagnostics.errorCount == errorsBefore else {
            return nil
        }
        return FiringOrderScoring(input: input, expectedFirst: expected, finding: finding, severity: severity)
    }

    private func readSequenceInput(_ node: YAMLNode, context: AssessmentContext, reader: NodeReader) -> InputSpec? {
        guard let input = context.readInput(node, reader: reader) else { return nil }
        guard input.type == .sequence else {
            reader.error(
                "input '\(input.name)' has type \(input.type.rawValue); "
                    + "firing-order needs a sequence input (type: sequence)",
                at: node.mark)
            return nil
        }
        return input
    }

    /// Reads the expected leaders; when the input is known, each must be one of its choices.
    private func readExpectedFirst(_ node: YAMLNode, choices: [String]?, reader: NodeReader) -> [String]? {
        guard let items = node.sequence else {
            reader.error(
                "expected a list of the muscles allowed to fire first, found \(node.kindDescription)", at: node.mark)
            return nil
        }
        guard !items.isEmpty else {
            reader.error("'expected_first' is empty; name at least one muscle allowed to fire first", at: node.mark)
            return nil
        }
        var expected: [String] = []
        var failed = false
        for item in items {
            guard let id = reader.read(String.self, from: item) else { failed = true; continue }
            if let choices, !choices.contains(id) {
                let hint = Suggestion.hint(for: id, among: choices)
                let listed = choices.joined(separator: ", ")
                reader.error("'\(id)' is not one of the sequence input's choices (\(listed))\(hint)", at: item.mark)
                failed = true
            } else if expected.contains(id) {
                reader.warning("'\(id)' is listed twice in 'expected_first'", at: item.mark)
            } else {
                expected.append(id)
            }
        }
        if !failed, let choices, !choices.isEmpty, Set(choices).isSubset(of: expected) {
            reader.warning("every choice is expected first, so the finding can never be raised", at: node.mark)
        }
        return failed ? nil : expected
    }
}
