internal import BackCheckExpressions
internal import BackCheckPluginAPI
internal import BackCheckYAML

extension Assessment {
    /// What an assessment holds; documented where each is exposed, on ``Assessment``.
    struct Fields: Sendable {
        var id: String
        var version: Int
        var title: String
        var category: Category
        var regions: [String]
        var durationMinutes: Double
        var retestWeeks: Int = 4
        var summary: String
        var equipment: [String]
        var instructions: String
        var inputs: [AssessmentInput]
        var derived: [DerivedValue]
        var evaluatorID: String
        var evaluator: any Evaluator
        var evaluatorSHA256: String?
        var findings: [AssessmentFinding]
        var evidence: Evidence
        var references: [String]
        var examples: [AssessmentExample]
        var definitionDigest: DefinitionDigest
        var mark: SourceMark
    }

    /// Never changed once made: a change to a field makes a new box (changes are rare, at
    /// load), so reading one needs no exclusivity check and a copy of the assessment is one retain.
    final class Box: Sendable {
        let fields: Fields
        /// The exact scans' shared change points, worked out from these fields: a changed
        /// copy, in a box of its own, starts with none.
        let exactScans = ExactScanMemo()
        /// Which derived values change with each input, worked out from these fields.
        let changingNames = ChangingNames()
        init(_ fields: Fields) { self.fields = fields }
    }
}
