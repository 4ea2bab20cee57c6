public import BackCheckExpressions
public import BackCheckPluginAPI

/// What one assessment gave, as the report shows it (spec 7).
public struct AssessmentReport: Sendable, Hashable {
    /// The assessment's id.
    public var id: String
    /// Its version.
    public var version: Int
    /// `sha256:` of its definition, so a later report can tell whether the test changed.
    public var digest: String
    /// Its title.
    public var title: String
    /// Its category (`mobility`, `screening`, …).
    public var category: String
    /// The evaluator plugin that scored it.
    public var evaluator: String
    /// The SHA-256 of the WebAssembly module that scored it, when a catalogue's module did
    /// (`evaluator_sha256`); `nil` for the evaluators built into the program.
    public var evaluatorSHA256: String?
    /// How far its result can be trusted.
    public var evidence: EvidenceLevel
    /// Why, in the author's words.
    public var evidenceNote: String?
    /// The answers, in prompt order; a skipped optional input is `nil`.
    public var answers: [NamedBinding]
    /// The derived values, in declaration order; a side that could not be computed is `nil`.
    public var derived: [NamedBinding]
    /// The score, 0-100, or `nil` when nothing could be scored.
    public var score: Int?
    /// The status.
    public var status: Status
    /// The findings raised.
    public var findings: [ReportFinding]
    /// Skipped inputs, rules that could not apply, norms chosen.
    public var notes: [String]
    /// What the report knows about each input, for charts, left/right differences and comparisons.
    public var inputs: [ReportInput]

    /// Weeks until the test is worth repeating, when the report says (reports before it did not).
    public var retestWeeks: Int?

    /// Whether an answer voided this test's measurements (a hold stopped by pain,
    /// `voids_results` in the format): its numbers do not count, so the findings they would
    /// have raised were not looked for, and a comparison must not read their absence as progress.
    public var voided = false

    /// Creates an assessment report.
    public init(
        id: String, version: Int, digest: String, title: String, category: String, evaluator: String,
        evidence: EvidenceLevel, evidenceNote: String?, answers: [NamedBinding], derived: [NamedBinding],
        score: Int?, status: Status, findings: [ReportFinding], notes: [String], inputs: [ReportInput],
        retestWeeks: Int? = nil
    ) {
        self.retestWeeks = retestWeeks
        self.id = id
        self.version = version
        self.digest = digest
        self.title = title
        self.category = category
        self.evaluator = evaluator
        self.evidence = evidence
        self.evidenceNote = evidenceNote
        self.answers = answers
        self.derived = derived
        self.score = score
        self.status = status
        self.findings = findings
        self.notes = notes
        self.inputs = inputs
    }

    /// The answer to input `name`.
    public func answer(_ name: String) -> Binding? { answers.first { $0.name == name }?.value }

    /// The input description of `name`.
    public func input(_ name: String) -> ReportInput? { inputs.first { $0.name == name } }

    /// Whether this is a red-flag screen (scored by the `red-flags` plugin), as
    /// ``Assessment/isRedFlagScreen`` says of the catalogue's assessment.
    public var isRedFlagScreen: Bool { evaluator == "red-flags" }

    /// Keeps only what an emergency lets a test show: its referral findings. Other findings,
    /// the shaded values that would raise one, and left/right verdicts all go.
    mutating func withholdNonReferralOutput() {
        findings.removeAll { $0.tier != .refer }
        for index in inputs.indices {
            inputs[index].flagged = []
            inputs[index].leftRight = nil
        }
    }
}

/// A name with its value, or values per side.
public struct NamedBinding: Sendable, Hashable {
    /// The input or derived value's name.
    public var name: String
    /// The value(s).
    public var value: Binding

    /// Creates a named binding.
    public init(name: String, value: Binding) {
        self.name = name
        self.value = value
    }
}

/// A finding as a report shows it.
public struct ReportFinding: Sendable, Hashable {
    /// The finding's id.
    public var id: String
    /// Its title.
    public var title: String
    /// Where its work goes in the plan.
    public var tier: Tier
    /// The side, when it has one.
    public var side: Side?
    /// How strongly it applies, 0-1, rounded to 2 decimals.
    public var severity: Double
    /// The measured value and the target, in one sentence.
    public var evidence: String
    /// Why it matters for the lower back.
    public var explain: String

    /// Creates a finding entry.
    public init(id: String, title: String, tier: Tier, side: Side?, severity: Double, evidence: String, explain: String) {
        self.id = id
        self.title = title
        self.tier = tier
        self.side = side
        self.severity = severity
        self.evidence = evidence
        self.explain = explain
    }

    /// `Tight iliopsoas (left)`.
    public var label: String { side.map { "\(title) (\($0.rawValue))" } ?? title }
}
