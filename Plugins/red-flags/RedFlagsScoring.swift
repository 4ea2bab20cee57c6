import BackCheckExpressions
import BackCheckPluginAPI

/// A checked `red-flags` block, ready to screen answers.
struct RedFlagsScoring: Evaluator {
    let flags: [RedFlag]

    func evaluate(_ input: EvaluationInput) -> Evaluation {
        var findings: [RaisedFinding] = []
        var notes: [String] = []
        var checked = 0
        for flag in flags {
            for side in flag.input.scoredSides {
                let value = input.value(of: flag.input.name, on: side)
                if !input.explains {
                    // Only the findings are wanted: no sentences.
                    if case .bool(true)? = value { findings.append(RaisedFinding(id: flag.finding, side: side, severity: 1, evidence: "")) }
                    continue
                }
                let question = flag.input.label + (side.map { " (\($0.rawValue))" } ?? "")
                switch value {
                case .bool(true)?:
                    checked += 1
                    findings.append(RaisedFinding(id: flag.finding, side: side, severity: 1, evidence: "\(question): yes"))
                case .bool(false)?:
                    checked += 1
                case nil:
                    notes.append("'\(question)' was not answered, so this red flag was not checked.")
                case let other?:
                    notes.append("'\(question)' was answered \(other), not true or false, so this red flag was not checked.")
                }
            }
        }
        guard input.explains else { return Evaluation(score: nil, findings: findings.keepingMostSevere()) }
        // A screen nobody answered must not read as a clean bill of health.
        let score: Double? = checked == 0 ? nil : findings.isEmpty ? 100 : 0
        if score == nil { notes.append("No red-flag question was answered, so the screen has no score.") }
        return Evaluation(score: score, findings: Self.combined(findings), notes: notes)
    }

    /// One finding per id and side; when several questions raise it, the evidence lists
    /// every yes, so the clinician sees all of them.
    static func combined(_ findings: [RaisedFinding]) -> [RaisedFinding] {
        var kept: [RaisedFinding] = []
        for finding in findings {
            if let index = kept.firstIndex(where: { $0.id == finding.id && $0.side == finding.side }) {
                kept[index].evidence += "; " + finding.evidence
            } else {
                kept.append(finding)
            }
        }
        return kept
    }
}
