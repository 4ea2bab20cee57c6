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
        let exactScans = ExactScanMemo()
    }

    /// Never changed once made: a change to a field makes a new box (changes are rare, at
    /// load), so reading one needs no exclusivity check and a copy of the assessment is one retain.
    final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }
}
