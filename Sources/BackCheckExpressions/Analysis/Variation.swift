/// One numeric input whose value is tried across a range while every other answer is held:
/// `pull` on the left side, or `reps` (a single value).
public struct Variation: Sendable, Hashable {
    /// The input's name.
    public var name: String
    /// The side being varied when the input is measured on both sides; `nil` for a single value.
    public var side: Side?

    /// Creates a variation of `name` on `side`.
    public init(name: String, side: Side?) {
        self.name = name
        self.side = side
    }
}
