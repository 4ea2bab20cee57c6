import BackCheckPluginAPI

/// A checked `normative` block, ready to score answers.
struct NormativeScoring: Evaluator {
    let table: NormsTable
    /// How the evidence names the table (``NormsTable/citation``), worked out once: it is
    /// read from the source's text, and every explained evaluation names the table.
    let citation: String
    let measures: [NormativeMeasure]
    let rules: [ScoringRule]

    /// The rules, and each measure's cut-off: the percentile grows with the value (or falls,
    /// when lower is better), so "below the cut-off percentile" holds on one side of a point.
    /// A measure's severity always yields a number (the default when its own cannot be
    /// computed), so it decides nothing.
    let statedConditions: StatedConditions?

    /// The rules indexed by the names they read, for the report's trials of one input.
    let ruleParts: PartitionedRules
    /// The names each measure's part reads: its input and its severity's names.
    let measureNames: [Set<String>]
    /// Each measure's cut-offs, one per side it is scored on.
    let measureCutOffs: [[CutOff]]

    init(table: NormsTable, measures: [NormativeMeasure], rules: [ScoringRule]) {
        self.table = table
        citation = table.citation
        self.measures = measures
        self.rules = rules
        ruleParts = PartitionedRules(rules)
        measureNames = measures.map { Set([$0.input.name]).union($0.severity?.sortedNames ?? []) }
        measureCutOffs = measures.map { measure in
            measure.input.scoredSides.map { side in
                CutOff(
                    input: measure.input.name, side: side,
                    raises: { value, profile in measure.comparison(of: value, on: side, profile: profile).map(measure.raises) ?? false },
                    guide: { value, profile in measure.distanceFromCutOff(value, on: side, profile: profile) })
            }
        }
        statedConditions = rules.statedConditions.adding(StatedConditions(cutOffs: measureCutOffs.flatMap { $0 }))
    }

    func evaluate(_ input: EvaluationInput) -> Evaluation {
        var findings: [RaisedFinding] = []
        var notes: [String] = []
        var subScores: [Double] = []
        var sexAssumed = false
        var ageAssumed = false
        var ageOutside = false
        // One copy of the bindings for every severity that reads `percentile`, made when first needed.
        var severityBindings: Bindings?
        for measure in measures {
            for side in measure.input.scoredSides {
                guard let value = input.value(of: measure.input.name, on: side) else {
                    if input.explains { notes.append(NormEvidence.skippedNote(measure: measure, side: side)) }
                    continue
                }
                guard let number = value.numberValue else {
                    notes.append(
                        "\(measure.input.name) was answered \(value), not a number, so it is left out of the score.")
                    continue
                }
                guard let comparison = measure.comparison(of: number, on: side, profile: input.profile) else {
                    notes.append(
                        "\(table.id) has no usable mean and SD for \(measure.input.name) and this profile, "
                            + "so it is left out of the score.")
                    continue
                }
                sexAssumed = sexAssumed || comparison.sexAssumed
                ageAssumed = ageAssumed || (input.profile.age == nil && comparison.band.ages != nil)
                if let age = input.profile.age, let ages = comparison.band.ages, !ages.contains(age) { ageOutside = true }
                subScores.append(comparison.subScore)
                guard measure.raises(comparison) else { continue }
                let severity = severity(
                    of: measure, side: side, comparison: comparison, input: input, bindings: &severityBindings, notes: &notes)
                let evidence = !input.explains ? "" : NormEvidence.sentence(
                    measure: measure, side: side, comparison: comparison, table: citation, meanUnit: measure.norm(on: side).unit)
                findings.append(RaisedFinding(id: measure.finding, side: side, severity: severity, evidence: evidence))
            }
        }
        // What the comparison had to assume about the person comes first, once.
        var assumptions: [String] = []
        if sexAssumed, input.explains { assumptions.append(NormEvidence.sexAssumedNote(table: citation)) }
        if ageAssumed, input.explains { assumptions.append(NormEvidence.ageAssumedNote(table: citation)) }
        if ageOutside, input.explains { assumptions.append(NormEvidence.ageOutsideNote(table: citation)) }
        notes = assumptions + notes
        let ruleResults = rules.apply(input)
        notes += ruleResults.notes
        let kept = (findings + ruleResults.findings).keepingMostSevere()
        guard !subScores.isEmpty else {
            notes.append("No measure could be compared with \(table.id), so there is no score.")
            return Evaluation(score: nil, findings: kept, notes: notes)
        }
        let mean = subScores.reduce(0, +) / Double(subScores.count)
        let score = min(mean, 100 - 100 * kept.maxSeverity)
        return Evaluation(score: min(100, max(0, score)), findings: kept, notes: notes)
    }

    /// Each measure and each rule is a part: the findings are the measures' findings below
    /// their cut-offs and the rules' findings, the most severe kept, as in ``evaluate(_:)``.
    func findings(_ input: EvaluationInput, parts selection: EvaluatorParts) -> [RaisedFinding]? {
        var found: [RaisedFinding] = []
        var ignoredNotes: [String] = []
        var severityBindings: Bindings?
        for (index, measure) in measures.enumerated() where selection.includes(partReading: measureNames[index]) {
            for side in measure.input.scoredSides {
                guard let number = input.value(of: measure.input.name, on: side)?.numberValue,
                      let comparison = measure.comparison(of: number, on: side, profile: input.profile), measure.raises(comparison)
                else { continue }
                let severity = severity(
                    of: measure, side: side, comparison: comparison, input: input, bindings: &severityBindings, notes: &ignoredNotes)
                found.append(RaisedFinding(id: measure.finding, side: side, severity: severity, evidence: ""))
            }
        }
        return found + ruleParts.findings(input, parts: selection)
    }

    /// The chosen rules' deciding expressions and the chosen measures' cut-offs on the sides
    /// concerned: a measure's finding is raised on the side of the value it compares.
    func statedConditions(of selection: EvaluatorParts, concerning side: Side?) -> StatedConditions? {
        var cutOffs: [CutOff] = []
        for index in measures.indices where selection.includes(partReading: measureNames[index]) {
            cutOffs += measureCutOffs[index].filter { side == nil || $0.side == nil || $0.side == side }
        }
        return ruleParts.statedConditions(of: selection, concerning: side).adding(StatedConditions(cutOffs: cutOffs))
    }

    /// The measure's own `severity` (which may read `percentile`), or the default; a
    /// severity that cannot be computed falls back to the default with a note, since the
    /// measure is below its cut-off either way. `bindings` is the input's bindings with
    /// `percentile` added, made on the first call of an evaluation that needs them (a severity
    /// reading other names) and reused by the rest.
    private func severity(
        of measure: NormativeMeasure, side: Side?, comparison: NormComparison, input: EvaluationInput,
        bindings: inout Bindings?, notes: inout [String]
    ) -> Double {
        let fallback = NormComparison.defaultSeverity(percentile: comparison.percentile, cutOff: measure.belowPercentile)
        guard let expression = measure.severity else { return fallback }
        let percentile = Binding.single(.number(comparison.percentile))
        let value: Value?
        if measure.severityReadsOnlyPercentile {
            // The report works out severities for every value it tries: copying every answer
            // for each of them, to add one name, was about a hundredth of a batch.
            value = expression.value([NormativeMeasure.percentileName: percentile], side: side)
        } else {
            var withPercentile = bindings ?? input.bindings
            bindings = nil
            withPercentile[NormativeMeasure.percentileName] = percentile
            value = expression.value(withPercentile, side: side)
            bindings = withPercentile
        }
        if case .number(let severity)? = value, !severity.isNaN {
            return severity
        }
        if input.explains {
            notes.append(
                "Severity '\(expression.source)' for \(measure.input.name) could not be computed; the default was used.")
        }
        return fallback
    }
}
