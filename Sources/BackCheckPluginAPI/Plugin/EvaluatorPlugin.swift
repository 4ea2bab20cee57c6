public import BackCheckExpressions
public import BackCheckYAML

/// An evaluator plugin: turns one assessment's answers into a score and findings.
///
/// A plugin is registered once, by ``id``, in the program's plugin registry. When the
/// catalogue loads, the plugin checks each assessment's `scoring` block and builds an
/// ``Evaluator`` for it; a problem in the block is reported at its place in the file, so a
/// bad configuration never reaches a run.
///
/// ```swift
/// struct AlwaysGood: EvaluatorPlugin {
///     let id = "always-good"
///     let summary = "Scores every assessment 100."
///     let scoringKeys: [ScoringKey] = []
///     func makeEvaluator(scoring: YAMLNode, context: AssessmentContext, reader: NodeReader) -> (any Evaluator)? {
///         reader.mapping(scoring, of: "the scoring block")?.rejectUnknownKeys()
///         return FixedScore(score: 100)
///     }
/// }
/// ```
public protocol EvaluatorPlugin: Sendable {
    /// The id an assessment names in `evaluator:` (kebab-case).
    var id: String { get }

    /// One line saying what the plugin does, for `backcheck plugins`.
    var summary: String { get }

    /// The keys of the plugin's `scoring` block, for `backcheck plugins` and the JSON Schema.
    var scoringKeys: [ScoringKey] { get }

    /// Checks `scoring` and builds the evaluator for one assessment.
    ///
    /// Report every problem to `reader` with the mark of the offending node and answer
    /// `nil` when the block cannot be used.
    func makeEvaluator(scoring: YAMLNode, context: AssessmentContext, reader: NodeReader) -> (any Evaluator)?
}

/// Scores one assessment; built by a plugin from a valid `scoring` block.
public protocol Evaluator: Sendable {
    /// Evaluates one person's answers. Must not trap on any input: a rule that cannot be
    /// applied becomes a note in the result. When `input.explains` is false only the findings
    /// (ids, sides, severities) are read, so evidence, notes and the score may be left out;
    /// `rules.apply(input)` does this for rules on its own.
    func evaluate(_ input: EvaluationInput) -> Evaluation

    /// What decides this evaluator's findings, when it can say (see ``StatedConditions``): the
    /// report then works out exactly which values of each input raise a finding. `nil` (the
    /// default) makes the report sample instead.
    ///
    /// It must give the same conditions every time it is asked: what the report works out
    /// from them is kept with the assessment and shared by everyone scored against it. (A
    /// cut-off's own test may read the profile; it is run for each person.)
    var statedConditions: StatedConditions? { get }

    /// The findings (ids, sides and severities; evidence may be empty) raised by `parts` of
    /// this evaluator alone, or `nil` (the default) when its findings do not split into
    /// parts. An evaluator that answers promises that, for any input, the findings of
    /// `.reading(names)` and of `.notReading(names)` together, the most severe kept per id
    /// and side, are the findings ``evaluate(_:)`` gives; and that a part's findings depend
    /// on nothing but the names it reads and the profile. The report then runs, for each
    /// value it tries of one input, only the parts that read it.
    func findings(_ input: EvaluationInput, parts: EvaluatorParts) -> [RaisedFinding]?

    /// What decides the findings of `parts` that concern `side` (those raised on it and those
    /// without a side; all of them when `side` is `nil`), or `nil` (the default) when the
    /// evaluator cannot say. An evaluator that answers promises that those findings (ids and
    /// sides) depend on nothing but the values of these expressions, on the sides given, and
    /// the answers of these cut-offs: on no other answer, and on the profile only through them.
    ///
    /// When none of them reads anything but the one input the report varies, what that input's
    /// values raise is the same for everyone, so the report works it out once per assessment
    /// and shares it (a batch of 2 000 people works it out once, not 2 000 times).
    func statedConditions(of parts: EvaluatorParts, concerning side: Side?) -> StatedConditions?
}

extension Evaluator {
    /// States nothing: the report samples each input's range to find where findings change.
    public var statedConditions: StatedConditions? { nil }

    /// Does not split: the report runs the whole evaluator for every value it tries.
    public func findings(_ input: EvaluationInput, parts: EvaluatorParts) -> [RaisedFinding]? { nil }

    /// Says nothing about its parts: the report works out every person's findings for itself.
    public func statedConditions(of parts: EvaluatorParts, concerning side: Side?) -> StatedConditions? { nil }
}
