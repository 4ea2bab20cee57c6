internal import AssessmentKit

extension TrendSeries {
    /// What the change from the first value to the latest means, as `compare` says it:
    /// `improved` or `worse` (the input says which way is better), `changed` (it does not),
    /// `within-measurement-error`, or `unchanged`; `nil` with one point. Without a known
    /// measurement error a change gets its direction too, and the text says it may be noise.
    public var verdict: String? {
        guard points.count > 1 else { return nil }
        if Rounding.twoDecimals(change) == 0 { return "unchanged" }
        if beyondMDC == false { return "within-measurement-error" }
        guard let lowerIsBetter else { return "changed" }
        return (change < 0) == lowerIsBetter ? "improved" : "worse"
    }

    /// `series` with each input's better direction (``lowerIsBetter``) read from the latest
    /// of `checkIns` whose report has the input: a drop in hamstring angle is progress, a drop
    /// in knee-to-wall distance is not, and a sparkline alone does not say which.
    public static func directed(_ series: [TrendSeries], by checkIns: [CheckIn]) -> [TrendSeries] {
        series.map { item in
            var directed = item
            directed.lowerIsBetter = checkIns.reversed().lazy
                .compactMap { $0.report.assessment(item.assessment)?.input(item.input) }.first?.lowerIsBetter
            return directed
        }
    }
}
