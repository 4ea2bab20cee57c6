public import BackCheckExpressions

/// What an evaluator is given for one person: the values of every input and derived name,
/// and the profile.
public struct EvaluationInput: Sendable {
    /// Values by name: inputs (`nil` when an optional input was skipped), derived values and
    /// `profile.*` names.
    public var bindings: Bindings
    /// The person's profile.
    public var profile: Profile

    /// Creates an evaluation input.
    public init(bindings: Bindings, profile: Profile) {
        self.bindings = bindings
        self.profile = profile
    }
}
