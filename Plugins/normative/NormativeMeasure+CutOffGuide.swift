import BackCheckPluginAPI

/// A straight-line guide to where a measure's cut-off falls, for the report's search.
///
/// The finding is raised below a percentile, and the percentile is a normal distribution's,
/// so the change sits where the value's z-score in the person's band passes the cut-off's.
/// The search for it was told only whether each value it tried raised the finding, and
/// halved the input's whole range some thirty times, each look working out the percentile
/// (about 1% of a batch); with the z-score's distance from the cut-off, which moves in a
/// straight line with the value, a secant step lands next to the change at once.
extension NormativeMeasure {
    /// How far `value` on `side` lies past this measure's cut-off for `profile`, in SDs of
    /// the band compared with: 0 where ``raises(_:)`` changes its answer; `nil` when the norm
    /// has no usable band for the profile.
    func distanceFromCutOff(_ value: Double, on side: Side?, profile: Profile) -> Double? {
        guard let (band, _, _) = NormComparison.chooseBand(norm(on: side), profile: profile, lowerIsBetter: lowerIsBetter),
              band.sd > 0, band.sd.isFinite, band.mean.isFinite, value.isFinite
        else { return nil }
        let score = (value - band.mean) / band.sd
        // Lower is better: the percentile counts those who did worse, 100 − Φ(z), which is
        // below the cut-off where z is above −cutOffScore.
        return lowerIsBetter ? score + cutOffScore : score - cutOffScore
    }

    /// The z-score with `belowPercentile` per cent of a standard normal distribution below it,
    /// found by halving: it is worked out once per measure, and only guides a search.
    static func standardScore(belowPercentile: Double) -> Double {
        let share = belowPercentile / 100
        var (low, high) = (-40.0, 40.0)
        for _ in 0..<200 where high - low > 1e-12 {
            let middle = (low + high) / 2
            if NormalDistribution.cdf(middle) < share { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }
}
