import BackCheckPluginAPI

/// A checked `firing-order` block, ready to judge answers.
struct FiringOrderScoring: Evaluator {
    let input: InputSpec
    let expectedFirst: [String]
    let finding: String
    let severity: Expression

    /// The order is a sequence, never varied; the severity decides a finding only by whether
    /// it can be computed.
    var statedConditions: StatedConditions? { StatedConditions(expressions: [(severity, input.scoredSides)]) }

    func evaluate(_ answers: EvaluationInput) -> Evaluation {
        var findings: [RaisedFinding] = []
        var notes: [String] = []
        var judged = 0
        for side in input.scoredSides {
            let prefix = side.map { "\($0.rawValue): " } ?? ""
            let subject = input.label + (side.map { " (\($0.rawValue))" } ?? "")
            guard let value = answers.value(of: input.name, on: side) else {
                notes.append("'\(subject)' was not answered, so the firing order was not judged.")
                continue
            }
            guard let order = value.sequenceValue else {
                notes.append("'\(subject)' was answered \(value), not a sequence, so the firing order was not judged.")
                continue
            }
            guard let first = order.first else {
                notes.append("\(prefix)no muscle was recorded for '\(input.label)', so the firing order was not judged.")
                continue
            }
            judged += 1
            if expectedFirst.contains(first) { continue }
            if !answers.explains {
                // Only the findings are wanted: no sentences.
                if case .number(let strength)? = severity.value(answers.bindings, side: side) {
                    findings.append(RaisedFinding(id: finding, side: side, severity: strength, evidence: ""))
                }
                continue
            }
            switch severity.evaluate(answers.bindings, side: side) {
            case .value(.number(let strength)):
                let evidence = "\(prefix)\(first) moved first; expected \(Self.alternatives(expectedFirst)) first"
                findings.append(RaisedFinding(id: finding, side: side, severity: strength, evidence: evidence))
            case .value(let other):
                notes.append(
                    "\(prefix)severity '\(severity.source)' gave \(other), not a number; "
                        + "finding '\(finding)' was not raised.")
            case .notApplicable(let reason):
                notes.append(
                    "\(prefix)severity '\(severity.source)' could not be computed (\(reason)); "
                        + "finding '\(finding)' was not raised.")
            }
        }
        let kept = findings.keepingMostSevere()
        let score: Double? = judged == 0 ? nil : 100 - 100 * kept.maxSeverity
        return Evaluation(score: score, findings: kept, notes: notes)
    }

    /// `a`, `a or b`, `a, b or c`.
    static func alternatives(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        let rest = items.dropLast()
        return rest.isEmpty ? last : rest.joined(separator: ", ") + " or " + last
    }
}
