internal import BackCheckPluginAPI
internal import BackCheckYAML

extension AssessmentInput {
    /// What an input holds; documented where each is exposed, on ``AssessmentInput``.
    struct Fields: Sendable, Hashable {
        var spec: InputSpec
        var help: String?
        var choiceLabels: [String: String]
        var lowerIsBetter: Bool?
        var restAfterSeconds: Double? = nil
        var voidsResults: Bool = false
        var mark: SourceMark
    }
}
