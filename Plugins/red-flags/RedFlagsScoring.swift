import BackCheckPluginAPI

/// A checked `red-flags` block, ready to screen answers.
struct RedFlagsScoring: Evaluator {
    let flags: [RedFlag]
    let rules: [RedFlagRule]
    /// The screen's required yes/no inputs: each unanswered one makes the screen incomplete.
    let questions: [InputSpec]

    /// A flag reads a yes/no answer, which no numeric input changes; the combined rules are
    /// conditions over the answers and the profile.
    var statedConditions: StatedConditions? {
        StatedConditions(expressions: rules.map { ($0.condition, [nil]) })
    }

    func evaluate(_ input: EvaluationInput) -> Evaluation {
        var findings: [RaisedFinding] = []
        // Each answer is looked up once: the notes on answers that could not be checked are
        // gathered in the same pass as the flags (a screen has some thirty questions, and every
        // report runs it).
        var notes: [String] = []
        for flag in flags {
            for side in flag.input.scoredSides {
                let value = input.value(of: flag.input.name, on: side)
                var question: String { flag.input.label + (side.map { " (\($0.rawValue))" } ?? "") }
                switch value {
                case .bool(true)?:
                    findings.append(RaisedFinding(id: flag.finding, side: side, severity: 1, evidence: input.explains ? question + ": yes" : ""))
                case nil where flag.input.optional && input.explains:
                    // Required questions are listed as unanswered; an optional one gets a note.
                    notes.append("'\(question)' was not answered, so this red flag was not checked.")
                case let value? where value.boolValue == nil && input.explains:
                    notes.append("'\(question)' was answered \(value), not true or false, so this red flag was not checked.")
                default: break
                }
            }
        }
        var unanswered: [String] = []
        var answeredAny = false
        for question in questions {
            var missing = false
            for side in question.scoredSides {
                if input.value(of: question.name, on: side) == nil { missing = true } else { answeredAny = true }
            }
            if missing { unanswered.append(question.name) }
        }
        for rule in rules {
            let (holds, missing) = rule.decide(input.bindings)
            if holds == true {
                findings.append(RaisedFinding(
                    id: rule.finding, side: nil, severity: 1, evidence: input.explains ? evidence(for: rule, input) : ""))
            } else if holds == nil {
                // Missing answers are listed already; ask for the profile only when they are all in.
                let answers = missing.filter { !$0.hasPrefix("profile.") }
                for name in answers.isEmpty ? missing : answers where !unanswered.contains(name) { unanswered.append(name) }
            }
        }
        guard input.explains else {
            return Evaluation(score: nil, findings: findings.keepingMostSevere(), unanswered: unanswered)
        }
        // A screen nobody answered must not read as a clean bill of health.
        let score: Double? = findings.isEmpty ? (answeredAny && unanswered.isEmpty ? 100 : nil) : 0
        return Evaluation(score: score, findings: Self.combined(findings), notes: notes, unanswered: unanswered)
    }

    /// "Answered yes to: …; age 58": the yes answers and profile values a rule read.
    private func evidence(for rule: RedFlagRule, _ input: EvaluationInput) -> String {
        var parts: [String] = []
        for name in rule.condition.sortedNames {
            if name.hasPrefix("profile."), let value = input.value(of: name, on: nil) {
                parts.append("\(name.dropFirst("profile.".count).split(separator: "_").joined(separator: " ")) \(value)")
            } else if input.value(of: name, on: nil) == .bool(true) {
                parts.append((questions.first { $0.name == name }?.label ?? name) + ": yes")
            }
        }
        return parts.joined(separator: "; ")
    }

    /// One finding per id and side; when several questions raise it, the evidence lists
    /// every yes once, so the clinician sees all of them (a flag and a rule reading the same
    /// question name it once).
    static func combined(_ findings: [RaisedFinding]) -> [RaisedFinding] {
        // Most screens raise each finding once: nothing to merge, and no evidence to take apart.
        let repeats = findings.indices.contains { index in
            findings[..<index].contains { $0.id == findings[index].id && $0.side == findings[index].side }
        }
        guard repeats else { return findings }
        var kept: [RaisedFinding] = []
        var parts: [[String]] = []
        for finding in findings {
            let pieces = finding.evidence.split(separator: "; ").map(String.init)
            if let index = kept.firstIndex(where: { $0.id == finding.id && $0.side == finding.side }) {
                for piece in pieces where !parts[index].contains(piece) { parts[index].append(piece) }
            } else {
                kept.append(finding)
                parts.append(pieces)
            }
        }
        for index in kept.indices { kept[index].evidence = parts[index].joined(separator: "; ") }
        return kept
    }
}
