public import BackCheckYAML

/// One assessment example as `backcheck lint` ran it: a test case for CI reporters.
public struct ExampleOutcome: Sendable, Hashable {
    /// The assessment's id.
    public var assessment: String
    /// The example's name.
    public var name: String
    /// Where the example is written.
    public var mark: SourceMark
    /// What did not come out as expected; empty when the example passed.
    public var failures: [Diagnostic]

    /// Creates an outcome.
    public init(assessment: String, name: String, mark: SourceMark, failures: [Diagnostic]) {
        self.assessment = assessment
        self.name = name
        self.mark = mark
        self.failures = failures
    }
}
