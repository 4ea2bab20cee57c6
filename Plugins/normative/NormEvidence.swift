import BackCheckPluginAPI

/// The sentences the normative plugin writes: evidence for a finding and notes.
enum NormEvidence {
    /// `left side bridge 60 s is at the 12th percentile for women (McGill et al. 1999 mean 85 s);
    /// target: at least the 25th percentile`.
    static func sentence(
        measure: NormativeMeasure, side: Side?, comparison: NormComparison, table: String, meanUnit: String?
    ) -> String {
        let subject = (side.map { "\($0.rawValue) " } ?? "") + readableName(of: measure.input)
        let value = withUnit(comparison.value, measure.input.unit)
        var population = comparison.sex == .female ? "women" : "men"
        if let ages = comparison.band.ages {
            population += " aged \(NumberText.format(ages.lowerBound)) to \(NumberText.format(ages.upperBound))"
        }
        if comparison.sexAssumed { population += ", the stricter norm" }
        let direction = measure.lowerIsBetter ? "; lower is better" : ""
        let reference = "\(table) mean \(withUnit(comparison.band.mean, meanUnit ?? measure.input.unit))\(direction)"
        return "\(subject) \(value) is \(percentilePhrase(comparison.percentile, target: measure.belowPercentile)) for \(population) (\(reference)); "
            + "target: at least the \(ordinal(measure.belowPercentile)) percentile"
    }

    /// `at the 12th percentile`; the extremes read `below the 1st` / `above the 99th`, as a
    /// normal model says little about the tails. A value just under `target` that would round
    /// up to it reads `just below the 10th percentile`, so the sentence never contradicts the
    /// finding.
    static func percentilePhrase(_ percentile: Double, target: Double? = nil) -> String {
        if percentile < 1 { return "below the 1st percentile" }
        if percentile > 99 { return "above the 99th percentile" }
        if let target, percentile < target, percentile.rounded() >= target { return "just below the \(ordinal(target)) percentile" }
        return "at the \(ordinal(percentile.rounded())) percentile"
    }

    /// `1st`, `2nd`, `3rd`, `4th`, `11th`, `12th`, `13th`, `21st`, `112th`; a fraction reads `12.5th`.
    static func ordinal(_ number: Double) -> String {
        guard number == number.rounded(), abs(number) < 1e15 else { return NumberText.format(number) + "th" }
        let whole = Int(number)
        let lastTwo = abs(whole) % 100
        let suffix: String
        if (11...13).contains(lastTwo) {
            suffix = "th"
        } else {
            switch lastTwo % 10 {
            case 1: suffix = "st"
            case 2: suffix = "nd"
            case 3: suffix = "rd"
            default: suffix = "th"
            }
        }
        return "\(whole)\(suffix)"
    }

    /// `60 s`, `12 deg`, `40%`, or the bare number without a unit.
    static func withUnit(_ value: Double, _ unit: String?) -> String {
        let number = NumberText.format(value)
        switch unit {
        case nil, "none"?, ""?: return number
        case "percent"?: return number + "%"
        case let unit?: return "\(number) \(unit)"
        }
    }

    /// The input's label with its first letter lower-cased to sit inside a sentence
    /// (`Flexor hold` → `flexor hold`, but `ASLR` stays), or its name when it has no label.
    static func readableName(of input: InputSpec) -> String {
        let label = input.label
        guard let first = label.first else { return input.name.split(separator: "_").joined(separator: " ") }
        let second = label.dropFirst().first
        if let second, second.isUppercase { return label }
        return first.lowercased() + label.dropFirst()
    }

    /// The note added once when the profile gives no sex.
    static func sexAssumedNote(table: String) -> String {
        "No sex was given in the profile, so each measure was compared with the stricter of the men's and "
            + "women's norms in \(table)."
    }

    /// The note added once when the profile gives no age and a measure has age bands.
    static func ageAssumedNote(table: String) -> String {
        "No age was given in the profile, so measures with age bands in \(table) were compared with the first band."
    }

    /// The note added once when the person's age is in none of a measure's age bands.
    static func ageOutsideNote(table: String) -> String {
        "Your age is outside the age bands of \(table) for some measures, so they were compared with the nearest band; "
            + "read those percentiles as a rough guide."
    }

    /// The note for a side or measure that was not answered.
    static func skippedNote(measure: NormativeMeasure, side: Side?) -> String {
        let subject = (side.map { "\($0.rawValue) " } ?? "") + readableName(of: measure.input)
        return "\(subject.prefix(1).uppercased() + subject.dropFirst()) was not answered, so it is left out of the score."
    }
}
