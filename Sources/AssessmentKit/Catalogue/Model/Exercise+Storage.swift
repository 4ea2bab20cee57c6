internal import BackCheckYAML

extension Exercise {
    /// What an exercise holds; documented where each is exposed, on ``Exercise``.
    struct Fields: Sendable, Hashable {
        var id: String
        var name: String
        var kind: Kind
        var targets: [String]
        var dosage: Dosage
        var instructions: String
        var cues: [String]
        var cautions: [String]
        var regression: String?
        var progression: String?
        var loaded: Bool
        var pattern: MovementPattern
        var stretchesNerve: Bool
        var poses: ExercisePoses?
        var references: [String]
        var mark: SourceMark
        var referenceMarks: [String: SourceMark] = [:]
    }
}
