public import BackCheckExpressions

/// What an evaluator concluded about one assessment.
public struct Evaluation: Sendable, Hashable {
    /// The score, 0 to 100, higher is better; `nil` when nothing could be scored.
    public var score: Double?
    /// The findings raised, at most one per finding id and side.
    public var findings: [RaisedFinding]
    /// Plain sentences for the report: rules that could not apply, norms chosen, caveats.
    public var notes: [String]
    /// Names the evaluator needed but had no value for, in the order met: unanswered inputs,
    /// and `profile.*` names a rule could not be decided without. A screening evaluator fills
    /// it so the report can call the screen incomplete and ask for exactly these; other
    /// evaluators may leave it empty (their missing answers are errors before they run).
    public var unanswered: [String]
    /// Why the evaluator could not score at all — a module out of its instruction budget, a
    /// trap, output that is not what the ABI says — as a sentence naming the evaluator. The
    /// report shows the assessment as not scored with this note, and `lint` fails an example
    /// that meets it.
    public var failure: String?

    /// Creates an evaluation.
    public init(score: Double?, findings: [RaisedFinding], notes: [String] = [], unanswered: [String] = []) {
        self.score = score
        self.findings = findings
        self.notes = notes
        self.unanswered = unanswered
    }

    /// An evaluation that could not be made: no score, no findings, `reason` as its note.
    public static func failed(_ reason: String) -> Evaluation {
        var evaluation = Evaluation(score: nil, findings: [], notes: [reason])
        evaluation.failure = reason
        return evaluation
    }
}

/// A finding an evaluator raised.
public struct RaisedFinding: Sendable, Hashable {
    /// The id of a finding declared in the assessment's `findings`.
    public var id: String
    /// The side the finding concerns, or `nil` when it is not side-specific.
    public var side: Side?
    /// How strongly it applies, 0 to 1.
    public var severity: Double
    /// One human sentence with the measured value and the target.
    public var evidence: String

    /// Creates a raised finding; `severity` is clamped to 0...1 (NaN becomes 0).
    public init(id: String, side: Side?, severity: Double, evidence: String) {
        self.id = id
        self.side = side
        self.severity = severity.isNaN ? 0 : min(1, max(0, severity))
        self.evidence = evidence
    }
}

extension Array where Element == RaisedFinding {
    /// Keeps one finding per id and side — the most severe, the first on ties — in the
    /// order each id and side was first raised.
    public func keepingMostSevere() -> [RaisedFinding] {
        // A rule set raises a handful of findings: comparing ids beats hashing them.
        guard count > 32 else {
            var kept: [RaisedFinding] = []
            kept.reserveCapacity(count)
            for finding in self {
                if let index = kept.firstIndex(where: { $0.side == finding.side && $0.id == finding.id }) {
                    if finding.severity > kept[index].severity { kept[index] = finding }
                } else {
                    kept.append(finding)
                }
            }
            return kept
        }
        var kept: [RaisedFinding] = []
        var position: [RaisedFindingKey: Int] = [:]
        for finding in self {
            let key = RaisedFindingKey(id: finding.id, side: finding.side)
            if let index = position[key] {
                if finding.severity > kept[index].severity { kept[index] = finding }
            } else {
                position[key] = kept.count
                kept.append(finding)
            }
        }
        return kept
    }

    /// The largest severity, or 0 when empty.
    public var maxSeverity: Double { map(\.severity).max() ?? 0 }
}

/// A raised finding's identity: its id and side.
private struct RaisedFindingKey: Hashable {
    var id: String
    var side: Side?
}
