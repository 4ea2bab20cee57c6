import BackCheckExpressions
import BackCheckPluginAPI

/// A finding id with its side, as raised for one person.
struct FindingKey: Hashable, Sendable {
    var id: String
    var side: Side?
}

/// Tries other values for one numeric input (on one side), every other answer unchanged, and
/// records which findings each value raises. This is how the report knows which values of an
/// input raise a finding for this person (the shaded zones of the charts) and whether a
/// one-sided finding depends on a given input (the asymmetry rule of the plan).
///
/// When the evaluator states its conditions, the values tried are exactly the points where
/// its findings can change and one value between each two (see `InputProbe+Exact.swift`);
/// otherwise the input's range is sampled and each edge refined by halving.
struct InputProbe {
    let assessment: Assessment
    let answers: AssessmentAnswers
    let profile: Profile
    let trials: TrialRunner
    /// What decides the evaluator's findings, when it says; `nil` makes every scan sample.
    let stated: StatedConditions?
    /// The assessment's derived values by name, for reasoning about the stated expressions.
    let derived: [String: Expression]
    /// What the evaluator raised with the person's own answers, when known (see
    /// `InputProbe.sharedSamples`).
    let own: FindingSet?

    /// A probe of one person's answers; `samples` makes every scan sample the input's range
    /// even when the evaluator states its conditions. `raised` is what the evaluator raised
    /// with these answers, when the caller has run it.
    init(assessment: Assessment, answers: AssessmentAnswers, profile: Profile, raised: [RaisedFinding]? = nil, samples: Bool = false) {
        self.assessment = assessment
        self.answers = answers
        self.profile = profile
        own = raised.map { FindingSet($0, of: assessment) }
        self.trials = TrialRunner(assessment: assessment, answers: answers, profile: profile)
        self.stated = samples ? nil : assessment.evaluator.statedConditions
        self.derived = stated == nil ? [:] : Dictionary(
            assessment.derived.map { ($0.name, $0.expression) }, uniquingKeysWith: { first, _ in first })
    }

    /// How many equal steps the domain of a decimal input is cut into.
    static let steps = 96
    /// How many halvings refine each edge of a flagged interval.
    static let refinements = 14

    /// What one input on one side raised across its domain.
    struct Scan {
        var input: AssessmentInput
        var side: Side?
        var domain: ClosedRange<Double>
        /// The values tried, in order, with what each raised.
        var samples: [Sample]
        /// Findings concerning this side that some values raise and others do not.
        var dependent: FindingSet
        /// Whether the samples are every point where the findings can change plus one value
        /// inside each stretch between them (worked out from the evaluator's stated
        /// conditions), rather than a sampling of the domain refined by halving.
        var exact: Bool
    }

    /// One value tried and the findings concerning the scanned side that it raised.
    struct Sample: Sendable {
        var value: Double
        var findings: FindingSet
        /// Whether the value stands for the whole open stretch between its neighbours (of an
        /// exact scan), whose every value raises the same findings.
        var standsForStretch = false
    }

    /// Scans `input` on `side` when it is numeric and answered there; `nil` otherwise.
    func scan(_ input: AssessmentInput, side: Side?) -> Scan? {
        guard input.spec.isNumeric, value(of: input, on: side) != nil, let domain = domain(of: input) else { return nil }
        if let samples = exactSamples(input, side: side, domain: domain) {
            return Scan(input: input, side: side, domain: domain, samples: samples, dependent: Self.dependent(samples), exact: true)
        }
        let values = sampleValues(domain, integer: input.type == .integer)
        let samples = values.map { Sample(value: $0, findings: findings(setting: input, side: side, to: $0)) }
        return Scan(input: input, side: side, domain: domain, samples: samples, dependent: Self.dependent(samples), exact: false)
    }

    /// The findings some samples raise and others do not.
    static func dependent(_ samples: [Sample]) -> FindingSet {
        let all = samples.reduce(FindingSet()) { $0.union($1.findings) }
        let always = samples.reduce(all) { $0.intersection($1.findings) }
        return all.subtracting(always)
    }

    /// The intervals of `scan`'s domain where a dependent finding is raised. An exact scan
    /// reads them off its samples; a sampled one finds each edge between two samples by
    /// halving (down to the integer for integer inputs).
    func flaggedIntervals(_ scan: Scan) -> [ClosedRange<Double>] {
        guard !scan.dependent.isEmpty else { return [] }
        if scan.exact { return exactIntervals(scan) }
        let flagged = scan.samples.map { !$0.findings.isDisjoint(with: scan.dependent) }
        var intervals: [ClosedRange<Double>] = []
        var start: Int?
        for index in flagged.indices {
            if flagged[index], start == nil { start = index }
            let closes = flagged[index] && (index == flagged.count - 1 || !flagged[index + 1])
            guard closes, let first = start else { continue }
            var lower = scan.samples[first].value
            var upper = scan.samples[index].value
            let integer = scan.input.type == .integer
            if first > 0 {
                let clear = scan.samples[first - 1].value
                lower = integer ? integerEdge(scan, from: clear, to: lower) : edge(scan, from: clear, to: lower)
            }
            if index < flagged.count - 1 {
                let clear = scan.samples[index + 1].value
                upper = integer ? integerEdge(scan, from: clear, to: upper) : edge(scan, from: clear, to: upper)
            }
            intervals.append(Rounding.twoDecimals(lower)...Rounding.twoDecimals(upper))
            start = nil
        }
        return intervals
    }

    /// Whether changing the input on `scan`'s side can switch `finding` on or off.
    func toggles(_ finding: FindingKey, in scan: Scan) -> Bool {
        guard let index = assessment.findings.firstIndex(where: { $0.id == finding.id }) else { return false }
        return scan.dependent.contains(FindingSet.member(index, side: finding.side))
    }

    /// The first flagged value met going from `clear` (not flagged) towards `flagged`.
    private func edge(_ scan: Scan, from clear: Double, to flagged: Double) -> Double {
        var (outside, inside) = (clear, flagged)
        for _ in 0..<Self.refinements {
            let middle = (outside + inside) / 2
            let raised = findings(setting: scan.input, side: scan.side, to: middle)
            if raised.isDisjoint(with: scan.dependent) { outside = middle } else { inside = middle }
        }
        return inside
    }

    /// The first flagged integer met going from `clear` towards `flagged`, when the samples
    /// of a wide integer range left integers between them untried.
    private func integerEdge(_ scan: Scan, from clear: Double, to flagged: Double) -> Double {
        var (outside, inside) = (clear, flagged)
        while abs(inside - outside) > 1 {
            let middle = ((outside + inside) / 2).rounded(.down)
            let raised = findings(setting: scan.input, side: scan.side, to: middle)
            if raised.isDisjoint(with: scan.dependent) { outside = middle } else { inside = middle }
        }
        return inside
    }

    /// The findings concerning `side` raised with `input` on `side` set to `number`.
    func findings(setting input: AssessmentInput, side: Side?, to number: Double) -> FindingSet {
        trials.findings(setting: input.name, to: binding(of: input, side: side, setTo: number)).concerning(side)
    }

    /// The person's binding of `input` with its value on `side` replaced by `number`.
    func binding(of input: AssessmentInput, side: Side?, setTo number: Double) -> Binding {
        bindingSetter(of: input, side: side)(number)
    }

    /// ``binding(of:side:setTo:)`` with the person's answer looked up once, for a search that
    /// tries many values.
    func bindingSetter(of input: AssessmentInput, side: Side?) -> (Double) -> Binding {
        switch (answers.values[input.name], side) {
        case (.bilateral(_, let right)?, .left?): { .bilateral(left: .number($0), right: right) }
        case (.bilateral(let left, _)?, .right?): { .bilateral(left: left, right: .number($0)) }
        default: { .single(.number($0)) }
        }
    }

    private func value(of input: AssessmentInput, on side: Side?) -> Double? {
        switch (answers.values[input.name], side) {
        case (.single(let value)?, nil): value?.numberValue
        case (.bilateral(let left, let right)?, let side?): (side == .left ? left : right)?.numberValue
        default: nil
        }
    }

    /// The input's range; without one, from 0 (or the lowest answer) to twice the highest.
    func domain(of input: AssessmentInput) -> ClosedRange<Double>? {
        if let range = input.range { return range.lowerBound < range.upperBound ? range : nil }
        let answered = [Side.left, .right].compactMap { value(of: input, on: $0) } + [value(of: input, on: nil)].compactMap { $0 }
        guard let highest = answered.max(), let lowest = answered.min() else { return nil }
        let lower = min(0, lowest)
        let upper = max(highest * 2, lower + 1)
        return lower...upper
    }

    private func sampleValues(_ domain: ClosedRange<Double>, integer: Bool) -> [Double] {
        let span = domain.upperBound - domain.lowerBound
        if integer, span <= 200 {
            let low = domain.lowerBound.rounded(.up)
            return stride(from: low, through: domain.upperBound, by: 1).map { $0 }
        }
        return (0...Self.steps).map { step in
            let value = domain.lowerBound + span * Double(step) / Double(Self.steps)
            return integer ? value.rounded() : value
        }
    }
}
