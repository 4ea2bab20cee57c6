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

    /// The value of `name` on `side` (`nil` side: the single value); `nil` when the name is
    /// unanswered, or when its binding does not have the shape `side` asks for.
    public func value(of name: String, on side: Side?) -> Value? {
        switch (bindings[name], side) {
        case (.single(let value), nil): value
        case (.bilateral(let left, let right), let side?): side == .left ? left : right
        default: nil
        }
    }
}
