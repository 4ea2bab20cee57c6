public import BackCheckExpressions

/// One assessment's answers, checked against its inputs.
public struct AssessmentAnswers: Sendable, Hashable {
    /// The value of each answered input; a skipped optional input is bound to `nil`.
    public var values: [String: Binding]
    /// The optional inputs that were skipped, in prompt order.
    public var skipped: [String]

    /// Creates answers.
    public init(values: [String: Binding], skipped: [String] = []) {
        self.values = values
        self.skipped = skipped
    }
}
