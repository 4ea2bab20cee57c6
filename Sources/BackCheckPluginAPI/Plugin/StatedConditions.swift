public import BackCheckExpressions

/// What decides an evaluator's findings, stated so the report can work out exactly which
/// values of a numeric input raise each one (the shaded zones of its charts) instead of
/// sampling the input's range.
///
/// The statement is a promise: as one numeric input varies with every other answer held, the
/// findings the evaluator raises (ids and sides) may change only where the outcome of one of
/// ``expressions`` changes — a comparison's truth, a text's value, whether a number can be
/// computed — or where a ``CutOff`` changes its answer. Rules built on ``ScoringRule`` state
/// theirs with ``ScoringRule/decidingExpressions``.
///
/// An evaluator that cannot promise this (one run as WebAssembly, for one) states nothing, and
/// the report samples instead; the report reads the same either way.
public struct StatedConditions: Sendable {
    /// Every expression whose outcome decides whether, and on which side, a finding is
    /// raised, with the sides it is evaluated on: `[nil]` for a whole-person expression,
    /// `[.left, .right]` for a rule applied once per side.
    public var expressions: [(expression: Expression, sides: [Side?])]
    /// Cut-offs applied to one input's value in a way no expression shows (a norm's percentile).
    public var cutOffs: [CutOff]

    /// States `expressions` and `cutOffs`.
    public init(expressions: [(expression: Expression, sides: [Side?])] = [], cutOffs: [CutOff] = []) {
        self.expressions = expressions
        self.cutOffs = cutOffs
    }

    /// The statements of `self` and `other` together.
    public func adding(_ other: StatedConditions) -> StatedConditions {
        StatedConditions(expressions: expressions + other.expressions, cutOffs: cutOffs + other.cutOffs)
    }
}

/// A cut-off on one input, on one side: a finding is raised on one side of it. `raises` must
/// be monotone in the value (false below some point and true above it, or the reverse), as
/// "below the 10th percentile of the norm for this profile" is.
public struct CutOff: Sendable {
    /// The input's name.
    public var input: String
    /// The side of the input the cut-off reads; `nil` for a single value.
    public var side: Side?
    /// Whether `value` is on the raising side for `profile`.
    public var raises: @Sendable (_ value: Double, _ profile: Profile) -> Bool
    /// A number that crosses 0 where `raises` changes its answer, best one that moves in a
    /// straight line with the value (a z-score less the cut-off's); `nil` when unknown.
    /// It only guides the search for the change: `raises` alone decides where it is, so a
    /// rough guide costs looks, never a wrong answer. Without it, the search halves the range.
    public var guide: (@Sendable (_ value: Double, _ profile: Profile) -> Double?)?

    /// Creates a cut-off on `input` (on `side`) decided by `raises`, its search led by `guide`.
    public init(
        input: String, side: Side?, raises: @escaping @Sendable (_ value: Double, _ profile: Profile) -> Bool,
        guide: (@Sendable (_ value: Double, _ profile: Profile) -> Double?)? = nil
    ) {
        self.input = input
        self.side = side
        self.raises = raises
        self.guide = guide
    }
}
