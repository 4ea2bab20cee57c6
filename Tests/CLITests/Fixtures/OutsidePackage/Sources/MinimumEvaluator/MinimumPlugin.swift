public import BackCheckPluginAPI

/// `minimum`: raises a finding on each side whose value is under a minimum, with a severity
/// that grows with the shortfall; the score is the worst side's share of the minimum.
///
/// ```yaml
/// evaluator: minimum
/// scoring: {input: plank_hold, minimum: 60, finding: short-plank}
/// ```
public struct MinimumPlugin: EvaluatorPlugin {
    public init() {}

    public var id: String { "minimum" }

    public var summary: String { "Raises the finding on each side whose value is under the minimum; score = worst side / minimum x 100." }

    public var scoringKeys: [ScoringKey] {
        [
            ScoringKey("input", "input name (number)", required: true, "The numeric input to check."),
            ScoringKey("minimum", "number", required: true, "The least value that raises nothing."),
            ScoringKey("finding", "finding id", required: true, "Raised on each side under the minimum."),
        ]
    }

    public func makeEvaluator(scoring: YAMLNode, context: AssessmentContext, reader: NodeReader) -> (any Evaluator)? {
        guard let fields = reader.mapping(scoring, of: "the minimum scoring block") else { return nil }
        let input = fields.requiredNode("input").flatMap { context.readInput($0, reader: reader) }
        let minimum = fields.required("minimum", as: Double.self)
        let finding = fields.required("finding", as: String.self)
        fields.rejectUnknownKeys()
        if let finding, context.finding(finding) == nil, let node = fields.node("finding") {
            reader.error("unknown finding '\(finding)': declare it under 'findings'", at: node.mark)
            return nil
        }
        guard let input, let minimum, minimum > 0, let finding else { return nil }
        return MinimumScoring(input: input.name, sides: input.scoredSides, minimum: minimum, finding: finding)
    }
}

struct MinimumScoring: Evaluator {
    let input: String
    let sides: [Side?]
    let minimum: Double
    let finding: String

    func evaluate(_ evaluation: EvaluationInput) -> Evaluation {
        var findings: [RaisedFinding] = []
        var worst: Double?
        for side in sides {
            guard case .number(let value)? = evaluation.value(of: input, on: side) else { continue }
            worst = min(worst ?? value, value)
            if value < minimum {
                let label = side.map { "\($0.rawValue) " } ?? ""
                findings.append(RaisedFinding(
                    id: finding, side: side, severity: (minimum - value) / minimum,
                    evidence: "\(label)\(NumberText.format(value)) against a minimum of \(NumberText.format(minimum))"))
            }
        }
        return Evaluation(score: worst.map { min(100, 100 * $0 / minimum) }, findings: findings)
    }
}
