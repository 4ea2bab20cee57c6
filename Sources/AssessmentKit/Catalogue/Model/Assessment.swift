public import BackCheckExpressions
public import BackCheckPluginAPI
public import BackCheckYAML

/// One assessment of the catalogue, checked and ready to run.
public struct Assessment: Sendable {
    /// The kebab-case id.
    public var id: String
    /// Bumped whenever scoring changes.
    public var version: Int
    /// The title shown to people.
    public var title: String
    /// What kind of test it is.
    public var category: Category
    /// Free tags for grouping and filtering.
    public var regions: [String]
    /// How long it takes, in minutes.
    public var durationMinutes: Double
    /// How many weeks until the test is worth repeating (`retest_weeks`, default 4): reports
    /// and the history say when it is due again.
    public var retestWeeks: Int = 4
    /// What it screens and why it matters for the lower back.
    public var summary: String
    /// What is needed to perform it.
    public var equipment: [String]
    /// Numbered steps a person can follow.
    public var instructions: String
    /// What is measured or observed, in prompt order.
    public var inputs: [AssessmentInput]
    /// Named expressions computed after the inputs, in declaration order.
    public var derived: [DerivedValue]
    /// The id of the evaluator plugin.
    public var evaluatorID: String
    /// The evaluator built from the `scoring` block.
    public var evaluator: any Evaluator
    /// When a module the catalogue brings scores it (`kind: evaluator`): the module file's
    /// SHA-256, which the report records so it says exactly which code scored it.
    public var evaluatorSHA256: String?
    /// The findings the evaluator may raise, in declaration order.
    public var findings: [AssessmentFinding]
    /// How far the result can be trusted.
    public var evidence: Evidence
    /// The sources of its protocol and numbers.
    public var references: [String]
    /// Answers with what they must produce, run by `lint` and the tests.
    public var examples: [AssessmentExample]
    /// `sha256:` of the definition's canonical JSON: changes whenever the definition does.
    /// Worked out at load when the loader was asked to (``CatalogueLoader/digestsAtLoad``),
    /// otherwise when first asked for (the definition is parsed again from its bytes then).
    public var digest: String {
        get { definitionDigest.digest }
        set { definitionDigest = DefinitionDigest(known: newValue) }
    }
    var definitionDigest: DefinitionDigest
    /// Whether asking for ``digest`` would parse the definition's file again.
    package var digestNeedsParse: Bool { definitionDigest.needsParse }
    /// Where the document starts.
    public var mark: SourceMark
    /// The exact scans' change points that every person shares (see ``ExactScanMemo``).
    let exactScans = ExactScanMemo()

    /// The finding with `id`.
    public func finding(_ id: String) -> AssessmentFinding? { findings.first { $0.id == id } }

    /// The input called `name`.
    public func input(_ name: String) -> AssessmentInput? { inputs.first { $0.name == name } }
}

/// The kinds of assessment.
public enum Category: String, Sendable, Hashable, CaseIterable, YAMLEnumeration {
    /// Range of motion.
    case mobility
    /// Whether a muscle does its share.
    case activation
    /// Staying power.
    case endurance
    /// Strength.
    case strength
    /// How a lift is done.
    case technique
    /// How much is done.
    case load
    /// Questions that decide whether to see a clinician first.
    case screening
}

/// A named expression of an assessment's `derived` block.
public struct DerivedValue: Sendable {
    /// The name.
    public var name: String
    /// The expression.
    public var expression: Expression
}
