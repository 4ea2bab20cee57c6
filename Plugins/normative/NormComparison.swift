import BackCheckPluginAPI

/// One value set against one norm band: the percentile, the sub-score and whether it falls
/// below the cut-off.
struct NormComparison: Sendable {
    /// The band compared with.
    let band: NormBand
    /// Whose band it is.
    let sex: Profile.Sex
    /// Whether the sex was not given and the stricter band was chosen.
    let sexAssumed: Bool
    /// The measured value.
    let value: Double
    /// The person's percentile, 0-100, counted so that low is always the weak end (for a
    /// lower-is-better measure, the share of people who did worse).
    let percentile: Double
    /// 100 at or beyond the mean on the good side, falling linearly to 0 at 2 SD on the bad side.
    let subScore: Double

    /// Compares `value` with the band of `measure` that fits `profile`, or `nil` when the
    /// measure has no usable band (no values, or an SD that is not positive).
    init?(value: Double, measure: NormMeasure, profile: Profile, lowerIsBetter: Bool) {
        guard let (band, sex, assumed) = Self.chooseBand(measure, profile: profile, lowerIsBetter: lowerIsBetter),
              band.sd > 0, band.sd.isFinite, band.mean.isFinite, value.isFinite else { return nil }
        self.band = band
        self.sex = sex
        self.sexAssumed = assumed
        self.value = value
        let below = band.percentile(of: value)
        percentile = lowerIsBetter ? 100 - below : below
        let shortfall = lowerIsBetter ? value - band.mean : band.mean - value
        subScore = shortfall <= 0 ? 100 : max(0, 100 * (1 - shortfall / (2 * band.sd)))
    }

    /// The band for the profile's sex and age; without a sex, the stricter of the two: the
    /// higher mean when higher is better, the lower when lower is better; on equal means the
    /// smaller SD, which judges a shortfall more harshly.
    static func chooseBand(
        _ measure: NormMeasure, profile: Profile, lowerIsBetter: Bool
    ) -> (NormBand, Profile.Sex, assumed: Bool)? {
        if let sex = profile.sex {
            return measure.band(for: sex, age: profile.age).map { ($0, sex, false) }
        }
        let candidates = Profile.Sex.allCases.compactMap { sex in
            measure.band(for: sex, age: profile.age).map { (band: $0, sex: sex) }
        }
        let strictest = candidates.min { a, b in
            if a.band.mean != b.band.mean {
                return lowerIsBetter ? a.band.mean < b.band.mean : a.band.mean > b.band.mean
            }
            return a.band.sd < b.band.sd
        }
        return strictest.map { ($0.band, $0.sex, true) }
    }

    /// The default severity below the cut-off: clamp(1 − percentile / cut-off, 0.3, 1).
    static func defaultSeverity(percentile: Double, cutOff: Double) -> Double {
        min(1, max(0.3, 1 - percentile / cutOff))
    }
}
