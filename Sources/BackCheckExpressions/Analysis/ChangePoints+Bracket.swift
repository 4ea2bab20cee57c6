/// Closing in on the one place in a stretch where a monotone outcome changes.
///
/// Every look is a run of the expression with the input set to a trial value, and a report
/// makes thousands of them, so the search uses what it is told besides the outcome: a number
/// (a comparison's difference, a denominator) that crosses 0 where the outcome changes. Where
/// that number moves in a straight line, one secant step lands on the change and one more look
/// confirms it; where it curves (`asymmetry`, a quotient), secant steps with the Illinois
/// correction still close in several times faster than halving. Only the outcomes decide the
/// bracket, so a misleading number costs looks, never a wrong answer; the search halves
/// whenever the number says nothing useful.
extension ChangePoints {
    /// What one look at a trial value saw: the outcome and, when known, the number that
    /// crosses 0 where the outcome changes.
    package struct Look<Outcome: Equatable> {
        package var outcome: Outcome
        package var measure: Double?

        /// A look that saw `outcome`, and `measure` when known.
        package init(outcome: Outcome, measure: Double?) {
            self.outcome = outcome
            self.measure = measure
        }
    }

    /// The bracket around the single place in `range` where the monotone outcome that `look`
    /// reports changes: two points within ``resolution`` of each other whose outcomes differ,
    /// or `[]` when the ends agree. `ends`, when known, are the looks at the range's ends.
    package static func bracket<Outcome: Equatable>(
        in range: ClosedRange<Double>, ends: (Look<Outcome>, Look<Outcome>)? = nil, look: (Double) -> Look<Outcome>
    ) -> [Double] {
        var (low, high) = (range.lowerBound, range.upperBound)
        var (atLow, atHigh) = ends ?? (look(low), look(high))
        let outcomeBelow = atLow.outcome
        guard atHigh.outcome != outcomeBelow else { return [] }
        // Which end the last look replaced: a second replacement of the same end halves the
        // other end's number (the Illinois correction), so a curved number cannot pin one end.
        var replacedLow: Bool?
        // A secant step whose number did not fall to half the last one's is followed by a
        // halving, and a second such step in a row by halvings until the bracket is an eighth
        // as wide: a number that curves hard (near a pole) costs little more than plain
        // halving, and one closing in keeps the secant's speed.
        var halveUntil = Double.infinity
        var lastSize = Double.infinity
        var poorBefore = false
        // Numbers of one sign at both ends, though the outcomes differ, put the change in the
        // band around the number's 0 where a comparison counts as equal: next to the end whose
        // number is nearer 0. The search steps out from that end, doubling each step.
        var stride = 0.0
        while high - low > width(at: (low + high) / 2) {
            var trial = low + (high - low) / 2
            var secant = false
            if high - low < halveUntil, let estimate = Self.secant(low, atLow.measure, high, atHigh.measure) {
                let margin = width(at: estimate) / 2
                trial = Swift.min(Swift.max(estimate, low + margin), high - margin)
                secant = true
                stride = 0
            } else if high - low < halveUntil, let nearLow = Self.nearerEnd(atLow.measure, atHigh.measure) {
                stride = stride == 0 ? width(at: nearLow ? low : high) : stride * 2
                if stride < (high - low) / 2 { trial = nearLow ? low + stride : high - stride }
            }
            guard trial > low, trial < high else { break }
            let seen = look(trial)
            let below = seen.outcome == outcomeBelow
            if below {
                (low, atLow) = (trial, seen)
                if replacedLow == true, let measure = atHigh.measure { atHigh.measure = measure / 2 }
            } else {
                (high, atHigh) = (trial, seen)
                if replacedLow == false, let measure = atLow.measure { atLow.measure = measure / 2 }
            }
            replacedLow = below
            let size = seen.measure.map(abs) ?? .infinity
            let poor = secant && !(size <= lastSize / 2)
            if poor { halveUntil = poorBefore ? (high - low) / 8 : (high - low) / 2 }
            if secant { poorBefore = poor }
            lastSize = size
            // A secant step that landed next to the change: one look a bracket's width past it,
            // towards the change, most often closes the bracket at once.
            guard secant, high - low > width(at: trial),
                  let next = Self.secant(low, atLow.measure, high, atHigh.measure),
                  abs(next - trial) < width(at: trial)
            else { continue }
            let beyond = below ? Swift.min(high, trial + width(at: trial)) : Swift.max(low, trial - width(at: trial))
            guard beyond > low, beyond < high else { continue }
            let across = look(beyond)
            // Across the change: the bracket is closed.
            if (across.outcome == outcomeBelow) != below { return below ? [trial, beyond] : [beyond, trial] }
            if below { (low, atLow) = (beyond, across) } else { (high, atHigh) = (beyond, across) }
        }
        return [low, high]
    }

    /// ``bracket(in:ends:look:)`` for an outcome with no number to guide the search: halving.
    static func bracket<Outcome: Equatable>(in range: ClosedRange<Double>, outcome: (Double) -> Outcome) -> [Double] {
        bracket(in: range) { Look(outcome: outcome($0), measure: nil) }
    }

    /// Whether the low end's number is nearer 0 than the high end's, when both are known and
    /// of one sign; `nil` otherwise.
    private static func nearerEnd(_ atLow: Double?, _ atHigh: Double?) -> Bool? {
        guard let atLow, let atHigh, atLow.isFinite, atHigh.isFinite, (atLow < 0) == (atHigh < 0) else { return nil }
        return abs(atLow) < abs(atHigh)
    }

    /// Where the straight line through (`low`, `atLow`) and (`high`, `atHigh`) crosses 0,
    /// when it does so between them (at an end when that end's number is 0).
    private static func secant(_ low: Double, _ atLow: Double?, _ high: Double, _ atHigh: Double?) -> Double? {
        guard let atLow, let atHigh, atLow.isFinite, atHigh.isFinite, atLow != atHigh, (atLow <= 0) != (atHigh <= 0) || atLow == 0 || atHigh == 0
        else { return nil }
        let share = atLow / (atLow - atHigh)
        guard share >= 0, share <= 1 else { return nil }
        return low + (high - low) * share
    }
}
