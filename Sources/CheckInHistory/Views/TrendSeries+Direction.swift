internal import AssessmentKit
internal import BackCheckPluginAPI

extension TrendSeries {
    /// What the change from the first value to the latest means, as `compare` says it:
    /// `improved` or `worse` (the input says which way is better), `changed` (it does not),
    /// `within-measurement-error`, or `unchanged`; `nil` with one point. Without a known
    /// measurement error a change gets its direction too, and the text says it may be noise.
    public var verdict: String? {
        guard points.count > 1 else { return nil }
        return verdict(of: change)
    }

    /// The ``verdict`` of the latest step alone, from the check-in before the latest to the
    /// latest (``latestChange``); `nil` with one point. A course measured first to latest can
    /// read as an improvement, or as within error, while the latest check-in got worse: a
    /// review found a recent worsening hidden that way, which `history compare` called worse.
    public var latestVerdict: String? {
        latestChange.map(verdict(of:))
    }

    /// The latest value minus the one before it; `nil` with one point.
    public var latestChange: Double? {
        points.count < 2 ? nil : points[points.count - 1].value - points[points.count - 2].value
    }

    /// What `change` means, read as ``verdict`` reads the whole course's.
    func verdict(of change: Double) -> String {
        if Rounding.twoDecimals(change) == 0 { return "unchanged" }
        if let mdc, abs(Rounding.twoDecimals(change)) < mdc { return "within-measurement-error" }
        guard let lowerIsBetter else { return "changed" }
        return (change < 0) == lowerIsBetter ? "improved" : "worse"
    }

    /// `series` with each input's better direction (``lowerIsBetter``) read from the latest
    /// of `checkIns` whose report has the input: a drop in hamstring angle is progress, a drop
    /// in knee-to-wall distance is not, and a sparkline alone does not say which.
    ///
    /// It also works out ``enteredFlagged`` from the values that raise a finding as the latest
    /// check-in's report gives them (the first's, when the latest does not), as `compare` does.
    public static func directed(_ series: [TrendSeries], by checkIns: [CheckIn]) -> [TrendSeries] {
        let byID = Dictionary(checkIns.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return series.map { item in
            var directed = item
            directed.lowerIsBetter = checkIns.reversed().lazy
                .compactMap { $0.report.assessment(item.assessment)?.input(item.input) }.first?.lowerIsBetter
            guard item.points.count > 1, let first = item.points.first, let last = item.points.last else { return directed }
            let side = item.side.flatMap(Side.init(rawValue:))
            func flagged(_ checkIn: Int64) -> [ClosedRange<Double>]? {
                byID[checkIn]?.report.assessment(item.assessment)?.input(item.input)?.flagged(on: side)?.intervals
            }
            if let intervals = flagged(last.checkIn) ?? flagged(first.checkIn) {
                let (was, now) = (intervals.contains { $0.contains(first.value) }, intervals.contains { $0.contains(last.value) })
                if was != now { directed.enteredFlagged = now }
            }
            return directed
        }
    }
}
