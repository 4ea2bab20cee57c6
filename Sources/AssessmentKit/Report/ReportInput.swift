public import BackCheckExpressions
public import BackCheckPluginAPI

/// An input of an assessment as the report describes it: enough to chart a measurement,
/// judge a left/right difference and compare two reports without the catalogue.
public struct ReportInput: Sendable, Hashable {
    /// The input's name.
    public var name: String
    /// Its label.
    public var label: String
    /// Its type.
    public var type: InputSpec.InputType
    /// Its unit, if any.
    public var unit: String?
    /// Its allowed range, if any.
    public var range: ClosedRange<Double>?
    /// Its minimal detectable change, if known.
    public var mdc: Double?
    /// Whether it is measured per side.
    public var bilateral: Bool
    /// For a bilateral number answered on both sides: how far apart the sides are.
    public var leftRight: LeftRightDifference?
    /// For numeric inputs: the values that would raise a finding for this person, the
    /// other answers unchanged (per side when bilateral; one entry otherwise).
    public var flagged: [FlaggedValues]

    /// Which way is better, when the assessment says (`lower_is_better`).
    public var lowerIsBetter: Bool?

    /// Creates an input description.
    public init(
        name: String, label: String, type: InputSpec.InputType, unit: String?, range: ClosedRange<Double>?,
        mdc: Double?, bilateral: Bool, leftRight: LeftRightDifference?, flagged: [FlaggedValues],
        lowerIsBetter: Bool? = nil
    ) {
        self.lowerIsBetter = lowerIsBetter
        self.name = name
        self.label = label
        self.type = type
        self.unit = unit
        self.range = range
        self.mdc = mdc
        self.bilateral = bilateral
        self.leftRight = leftRight
        self.flagged = flagged
    }

    /// Whether the input's answers are numbers (number, integer or duration).
    public var isNumeric: Bool { type.valueKind == .number }

    /// The flagged values for `side` (`nil` for a single-sided input).
    public func flagged(on side: Side?) -> FlaggedValues? { flagged.first { $0.side == side } }
}

/// How far apart the two sides of a bilateral measurement are.
public struct LeftRightDifference: Sendable, Hashable {
    /// |left − right|, rounded to 2 decimals.
    public var difference: Double
    /// The side with the lower value, or `nil` when equal.
    public var lowerSide: Side?
    /// Whether the difference is larger than the input's MDC; `nil` when it has none.
    public var beyondMDC: Bool?

    /// Creates a difference.
    public init(difference: Double, lowerSide: Side?, beyondMDC: Bool?) {
        self.difference = difference
        self.lowerSide = lowerSide
        self.beyondMDC = beyondMDC
    }
}

/// The values of one input (on one side) that raise a finding for this person, with every
/// other answer unchanged: worked out from the points where the evaluator's stated conditions
/// can change, or, for an evaluator that states none, found by sampling the input's range.
public struct FlaggedValues: Sendable, Hashable {
    /// The side, or `nil` for a single-sided input.
    public var side: Side?
    /// The values tried, from the lowest to the highest.
    public var domain: ClosedRange<Double>
    /// The intervals that raise at least one finding that depends on this input.
    public var intervals: [ClosedRange<Double>]

    /// Creates flagged values.
    public init(side: Side?, domain: ClosedRange<Double>, intervals: [ClosedRange<Double>]) {
        self.side = side
        self.domain = domain
        self.intervals = intervals
    }

    /// How far `value` is from the flagged values: positive outside them (the distance to the
    /// nearest flagged value), negative inside (minus the distance to the nearest way out,
    /// where the ends of the domain are not a way out); `nil` when there is nothing to
    /// measure against (no interval, or one covering the whole domain).
    public func clearance(of value: Double) -> Double? {
        let edges = intervals.flatMap { interval in
            [interval.lowerBound, interval.upperBound].filter { $0 > domain.lowerBound && $0 < domain.upperBound }
        }
        guard !edges.isEmpty else { return nil }
        let distance = edges.map { abs($0 - value) }.min() ?? 0
        let inside = intervals.contains { $0.contains(value) }
        return inside ? -distance : distance
    }
}
