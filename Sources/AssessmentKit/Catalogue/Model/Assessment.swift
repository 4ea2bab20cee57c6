public import BackCheckExpressions
public import BackCheckPluginAPI
public import BackCheckYAML

/// One assessment of the catalogue, checked and ready to run.
///
/// Copies share one immutable storage, so handing an assessment around (the catalogue, a
/// report and every scored result hold one) costs a retain; changing a field gives the changed
/// copy storage of its own.
public struct Assessment: Sendable {
    /// Its fields, shared by its copies.
    private var box: Box

    /// An assessment holding `fields`.
    init(_ fields: Fields) {
        box = Box(fields)
    }

    /// Makes the change on a copy of the fields, in a box of its own.
    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = box.fields
        change(&fields)
        box = Box(fields)
    }

    /// The kebab-case id.
    public var id: String {
        get { box.fields.id }
        set { update { $0.id = newValue } }
    }
    /// Bumped whenever scoring changes.
    public var version: Int {
        get { box.fields.version }
        set { update { $0.version = newValue } }
    }
    /// The title shown to people.
    public var title: String {
        get { box.fields.title }
        set { update { $0.title = newValue } }
    }
    /// What kind of test it is.
    public var category: Category {
        get { box.fields.category }
        set { update { $0.category = newValue } }
    }
    /// Free tags for grouping and filtering.
    public var regions: [String] {
        get { box.fields.regions }
        set { update { $0.regions = newValue } }
    }
    /// How long it takes, in minutes.
    public var durationMinutes: Double {
        get { box.fields.durationMinutes }
        set { update { $0.durationMinutes = newValue } }
    }
    /// How many weeks until the test is worth repeating (`retest_weeks`, default 4): reports
    /// and the history say when it is due again.
    public var retestWeeks: Int {
        get { box.fields.retestWeeks }
        set { update { $0.retestWeeks = newValue } }
    }
    /// What it screens and why it matters for the lower back.
    public var summary: String {
        get { box.fields.summary }
        set { update { $0.summary = newValue } }
    }
    /// What is needed to perform it.
    public var equipment: [String] {
        get { box.fields.equipment }
        set { update { $0.equipment = newValue } }
    }
    /// Numbered steps a person can follow.
    public var instructions: String {
        get { box.fields.instructions }
        set { update { $0.instructions = newValue } }
    }
    /// What is measured or observed, in prompt order.
    public var inputs: [AssessmentInput] {
        get { box.fields.inputs }
        set { update { $0.inputs = newValue } }
    }
    /// Named expressions computed after the inputs, in declaration order.
    public var derived: [DerivedValue] {
        get { box.fields.derived }
        set { update { $0.derived = newValue } }
    }
    /// The id of the evaluator plugin.
    public var evaluatorID: String {
        get { box.fields.evaluatorID }
        set { update { $0.evaluatorID = newValue } }
    }
    /// The evaluator built from the `scoring` block.
    public var evaluator: any Evaluator {
        get { box.fields.evaluator }
        set { update { $0.evaluator = newValue } }
    }
    /// When a module the catalogue brings scores it (`kind: evaluator`): the module file's
    /// SHA-256, which the report records so it says exactly which code scored it.
    public var evaluatorSHA256: String? {
        get { box.fields.evaluatorSHA256 }
        set { update { $0.evaluatorSHA256 = newValue } }
    }
    /// The findings the evaluator may raise, in declaration order.
    public var findings: [AssessmentFinding] {
        get { box.fields.findings }
        set { update { $0.findings = newValue } }
    }
    /// How far the result can be trusted.
    public var evidence: Evidence {
        get { box.fields.evidence }
        set { update { $0.evidence = newValue } }
    }
    /// The sources of its protocol and numbers.
    public var references: [String] {
        get { box.fields.references }
        set { update { $0.references = newValue } }
    }
    /// Answers with what they must produce, run by `lint` and the tests. Empty when the
    /// loader checked them without keeping them (``CatalogueLoader/keepsExamples``) or left
    /// the built-in ones unread (``CatalogueLoader/skipsBuiltInExamples``).
    public var examples: [AssessmentExample] {
        get { box.fields.examples }
        set { update { $0.examples = newValue } }
    }
    /// `sha256:` of the definition's canonical JSON: changes whenever the definition does.
    /// Worked out at load when the loader was asked to (``CatalogueLoader/digestsAtLoad``),
    /// otherwise when first asked for (the definition is parsed again from its bytes then).
    public var digest: String {
        get { box.fields.definitionDigest.digest }
        set { update { $0.definitionDigest = DefinitionDigest(known: newValue) } }
    }
    /// Whether asking for ``digest`` would parse the definition's file again.
    package var digestNeedsParse: Bool { box.fields.definitionDigest.needsParse }
    /// Where the document starts.
    public var mark: SourceMark {
        get { box.fields.mark }
        set { update { $0.mark = newValue } }
    }
    /// The exact scans' change points that every person shares (see ``ExactScanMemo``).
    var exactScans: ExactScanMemo { box.exactScans }
    /// Which derived values change with each input (see ``ChangingNames``).
    var changingNames: ChangingNames { box.changingNames }
    /// The inputs (with `.left` or `.right` for one side) whose scans' findings have been worked
    /// out once and shared so far (by everyone, or by everyone whose held conditions come out
    /// the same way), for tests.
    package var scansSharedByEveryone: Set<String> { box.exactScans.sharedSampleScans }

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
