public import BackCheckExpressions

/// What an evaluator is given for one person: the values of every input and derived name,
/// and the profile.
public struct EvaluationInput: Sendable {
    /// Values by name: inputs (`nil` when an optional input was skipped), derived values and
    /// `profile.*` names.
    public var bindings: Bindings
    /// The person's profile.
    public var profile: Profile
    /// Whether the caller reads the evidence sentences, the notes and the score. When `false`
    /// it only needs which findings are raised, on which side and how severely — the report
    /// asks this way hundreds of times per assessment, trying other values of one input to
    /// shade its charts — so an evaluator may leave evidence empty, notes out and the score
    /// `nil`, and should skip any work done only for them. The shared rule helpers
    /// (`rules.apply(input)`) do so on their own.
    public var explains: Bool

    /// Creates an evaluation input; `explains` is `true` unless only the findings are wanted.
    public init(bindings: Bindings, profile: Profile, explains: Bool = true) {
        self.bindings = bindings
        self.profile = profile
        self.explains = explains
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
