/// Reference values for a population, from a `kind: norms` catalogue document.
public struct NormsTable: Sendable, Hashable {
    /// The document's id.
    public var id: String
    /// The citation the values come from.
    public var source: String
    /// Who was measured.
    public var population: String
    /// Caveats about the values.
    public var note: String?
    /// The measures, by name.
    public var measures: [String: NormMeasure]

    /// Creates a norms table.
    public init(id: String, source: String, population: String, note: String? = nil, measures: [String: NormMeasure]) {
        self.id = id
        self.source = source
        self.population = population
        self.note = note
        self.measures = measures
    }
}

/// One measure of a norms table: its mean and SD for each sex, possibly by age band.
public struct NormMeasure: Sendable, Hashable {
    /// The unit of the values.
    public var unit: String?
    /// The values for men, one per age band (or a single band without ages).
    public var male: [NormBand]
    /// The values for women, one per age band (or a single band without ages).
    public var female: [NormBand]

    /// Creates a measure.
    public init(unit: String?, male: [NormBand], female: [NormBand]) {
        self.unit = unit
        self.male = male
        self.female = female
    }

    /// The band for `sex` that covers `age`: the band without ages, or the one whose ages
    /// hold `age`, or — when age is unknown or outside every band — the nearest band.
    public func band(for sex: Profile.Sex, age: Double?) -> NormBand? {
        let bands = sex == .male ? male : female
        if bands.count == 1 { return bands[0] }
        guard let age else { return bands.first }
        if let exact = bands.first(where: { $0.ages?.contains(age) ?? true }) { return exact }
        return bands.min { distance(age, $0) < distance(age, $1) }
    }

    private func distance(_ age: Double, _ band: NormBand) -> Double {
        guard let ages = band.ages else { return 0 }
        return age < ages.lowerBound ? ages.lowerBound - age : age - ages.upperBound
    }
}

/// A mean and standard deviation, optionally for an age band.
public struct NormBand: Sendable, Hashable {
    /// The ages the values hold for, or `nil` for all ages.
    public var ages: ClosedRange<Double>?
    /// The mean.
    public var mean: Double
    /// The standard deviation (positive).
    public var sd: Double

    /// Creates a band.
    public init(ages: ClosedRange<Double>? = nil, mean: Double, sd: Double) {
        self.ages = ages
        self.mean = mean
        self.sd = sd
    }

    /// The percentile (0-100) of `value` under a normal distribution with this mean and SD.
    public func percentile(of value: Double) -> Double {
        NormalDistribution.cdf((value - mean) / sd) * 100
    }
}
