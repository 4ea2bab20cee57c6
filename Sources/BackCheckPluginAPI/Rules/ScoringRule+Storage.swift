internal import BackCheckExpressions
internal import BackCheckYAML

extension ScoringRule {
    /// What a rule holds; documented where each is exposed, on ``ScoringRule``.
    struct Fields: Sendable, Hashable {
        var condition: Expression
        var finding: String
        var severity: Expression
        var side: SideSelector?
        var evidence: EvidenceTemplate?
        var mark: SourceMark
        var units: [String: String]
    }

    /// Never changed once made: a change to a field makes a new box (rules are made at load
    /// and not changed after), so a copy of the rule is one retain.
    final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }
}
