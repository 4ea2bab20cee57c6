extension ChangePoints {
    /// The change points of some expressions over a range, with what each point is, so a
    /// caller can tell where asking about one point already answers for another.
    ///
    /// Most points come in pairs found by bisection, within ``ChangePoints/resolution`` of each
    /// other around the place where a comparison turns: the low one has the outcomes of the
    /// stretch below it, the high one those of the stretch above. Other points — the ends of
    /// the range and of the stretches it was cut into, the place where a text such as
    /// `weaker_side(x)` flips — may be changes in their own right, with outcomes of their own.
    public struct Located: Sendable {
        /// Every point, with the range's ends (as ``ChangePoints/find(in:varying:over:derived:bindings:)``
        /// gives them, sorted and without repeats).
        public var points: [Double]
        /// Each change of a comparison's truth, as the two points it lies between: the outcome
        /// at the lower bound is the one before the change, at the upper bound the one after.
        public var brackets: [ClosedRange<Double>]
        /// The points whose outcomes may be their own.
        public var exact: Set<Double>

        /// Creates a description of `points`.
        public init(points: [Double], brackets: [ClosedRange<Double>], exact: Set<Double>) {
            self.points = points
            self.brackets = brackets
            self.exact = exact
        }

        /// Which open stretch beside it a point shares every outcome with.
        public enum Stretch: Sendable {
            /// The stretch below the point: it is the low end of a change's bracket.
            case below
            /// The stretch above the point: it is the high end of a change's bracket.
            case above
        }

        /// The stretch beside `point` whose outcomes it has; `nil` when it may have outcomes of
        /// its own: an exact point, the end of one bracket and the start of another, or a
        /// point inside another change's bracket.
        public func stretch(at point: Double) -> Stretch? {
            guard !exact.contains(point) else { return nil }
            var starts = false
            var ends = false
            for bracket in brackets {
                if bracket.lowerBound == point { starts = true } else if bracket.upperBound == point { ends = true }
                if bracket.lowerBound < point, point < bracket.upperBound { return nil }
            }
            switch (starts, ends) {
            case (true, false): return .below
            case (false, true): return .above
            default: return nil
            }
        }
    }
}
