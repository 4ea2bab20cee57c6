import BackCheckExpressions
import BackCheckPluginAPI

/// Exact scans: from the evaluator's stated conditions, the points where its findings can
/// change as one input varies; the evaluator is asked once at each and once inside each
/// stretch between them, so a zone narrower than any sampling step still shows, and its
/// edges are where the findings really change.
extension InputProbe {
    /// The samples of an exact scan of `input` on `side`; `nil` when the evaluator states no
    /// conditions or they use something the analysis cannot reason about.
    func exactSamples(_ input: AssessmentInput, side: Side?, domain: ClosedRange<Double>) -> [Sample]? {
        guard let stated else { return nil }
        let variation = Variation(name: input.name, side: side)
        let setTo = bindingSetter(of: input, side: side)
        let memo = assessment.exactScans.located(stated, varying: variation, over: domain, declared: input.range == domain, derived: derived) {
            ChangePoints.locate(
                in: stated.expressions, varying: variation, over: domain, derived: derived,
                bindings: { trials.bindings(setting: input.name, to: setTo($0)) })
        }
        guard var located = memo else { return nil }
        // A cut-off reads the profile, so its points are each person's own.
        let cutOffs = stated.cutOffs.filter { $0.input == input.name && $0.side == side }
        if cutOffs.isEmpty, let shared = sharedSamples(input, side: side, domain: domain, located: located) {
            return shared
        }
        for cutOff in cutOffs {
            let pair = if let guide = cutOff.guide {
                ChangePoints.bracket(in: domain) { ChangePoints.Look(outcome: cutOff.raises($0, profile), measure: guide($0, profile)) }
            } else {
                ChangePoints.change(of: { cutOff.raises($0, profile) }, in: domain)
            }
            located.points += pair
            if pair.count == 2 { located.brackets.append(pair[0]...pair[1]) }
        }
        // As for a shared scan, the parts reading the input are tried apart from the others,
        // which run only where they count; an evaluator that does not split runs whole.
        if let varying = varyingSamples(input, side: side, located: located, domain: domain),
           let samples = addingHeld(to: varying, input: input, side: side) {
            return samples
        }
        return samples(input, side: side, located: located, domain: domain) { findings(setting: input, side: side, to: $0) }
    }

    /// The samples at `located`'s points with what the parts of the evaluator reading `input`
    /// (or a derived value reading it) raise; `nil` when the evaluator does not split into parts.
    private func varyingSamples(_ input: AssessmentInput, side: Side?, located: ChangePoints.Located, domain: ClosedRange<Double>) -> [Sample]? {
        let setTo = bindingSetter(of: input, side: side)
        var split = true
        let samples = samples(input, side: side, located: located, domain: domain) { value in
            // The first trial tells: an evaluator splits for every value or for none.
            guard split, let raised = trials.varyingFindings(setting: input.name, to: setTo(value)) else {
                split = false
                return FindingSet()
            }
            return raised.concerning(side)
        }
        return split ? samples : nil
    }

    /// `samples` of the parts reading `input`, with what the other parts raise added where it
    /// counts; `nil` when the evaluator does not split into parts.
    ///
    /// The other parts raise the same at every value, so of what they raise only the findings
    /// some values raise and others do not count (`dependent`: the rest changes neither the
    /// zones nor which findings the input toggles). The person's own run raised all of theirs:
    /// when it raised none of those, neither did they, and they are not run.
    private func addingHeld(to samples: [Sample], input: AssessmentInput, side: Side?) -> [Sample]? {
        let dependent = Self.dependent(samples)
        var alsoRaised = FindingSet()
        if own.map({ !$0.concerning(side).isDisjoint(with: dependent) }) ?? true {
            guard let held = trials.heldFindings(varying: input.name) else { return nil }
            alsoRaised = held.concerning(side).intersection(dependent)
        }
        guard !alsoRaised.isEmpty else { return samples }
        return samples.map { sample in
            var sample = sample
            sample.findings = sample.findings.union(alsoRaised)
            return sample
        }
    }

    /// The samples at `located`'s points and inside its stretches, with what `raised` says
    /// each value raises.
    private func samples(
        _ input: AssessmentInput, side: Side?, located: ChangePoints.Located, domain: ClosedRange<Double>,
        raised: (Double) -> FindingSet
    ) -> [Sample] {
        let points = Array(Set(located.points)).sorted()
        return input.type == .integer ? integerSamples(points: points, located: located, domain: domain, raised: raised)
            : decimalSamples(points: points, located: located, raised: raised)
    }

    /// The samples, when what the values tried raise on `side` depends on the input alone, or
    /// on it and whether some conditions hold: the change points are shared, and the parts of
    /// the evaluator that read the input (or a derived value reading it) state findings
    /// concerning `side` decided by expressions made of parts that read nothing else — no
    /// other answer, no profile field, not the input's other side — and truth values that do
    /// not read the input at all (`load_increase_percent > 10` beside `next_day_pain > 3`).
    /// The trials of those parts by the first person whose held conditions came out one way
    /// then hold for everyone whose come out the same; each person adds only what their other
    /// parts raise, the same at every value, and only where it counts. `nil` otherwise.
    private func sharedSamples(_ input: AssessmentInput, side: Side?, domain: ClosedRange<Double>, located: ChangePoints.Located) -> [Sample]? {
        let variation = Variation(name: input.name, side: side)
        let shared = assessment.exactScans.sharedSamples(varying: variation, over: domain) {
            let parts = EvaluatorParts.reading(trials.names(changingWith: input.name))
            guard let decided = assessment.evaluator.statedConditions(of: parts, concerning: side), decided.cutOffs.isEmpty else { return nil }
            return ChangePoints.heldConditions(in: decided.expressions, varying: variation, derived: derived)
        } outcomes: { held in
            trials.outcomes(of: held)
        } work: {
            varyingSamples(input, side: side, located: located, domain: domain)
        }
        // Asked only now: a scan that is not shared works them out with its own trials.
        return shared.flatMap { addingHeld(to: $0, input: input, side: side) }
    }

    /// Each point, and the middle of each stretch between two points wider than the
    /// resolution they were located to. The evaluator is not asked where its answer is known:
    /// a point just after a change answers for the stretch it opens, and the stretch's middle
    /// answers for the point just before the next change.
    private func decimalSamples(points: [Double], located: ChangePoints.Located, raised asked: (Double) -> FindingSet) -> [Sample] {
        var samples: [Sample] = []
        for (index, point) in points.enumerated() {
            let stretch = located.stretch(at: point)
            let raised: FindingSet
            if stretch == .below, let middle = samples.last, middle.standsForStretch {
                raised = middle.findings
            } else {
                raised = asked(point)
            }
            samples.append(Sample(value: point, findings: raised))
            guard index + 1 < points.count else { continue }
            let next = points[index + 1]
            guard next - point > 4 * ChangePoints.resolution * max(1, abs(next)) else { continue }
            let middle = point + (next - point) / 2
            let inside = stretch == .above ? raised : asked(middle)
            samples.append(Sample(value: middle, findings: inside, standsForStretch: true))
        }
        return samples
    }

    /// The integers on each side of every point, and one integer inside each run of integers
    /// between them. No point lies inside such a run, so its integers share one stretch with
    /// an end of the run that is neither a point nor inside a bracket: the evaluator is asked
    /// about the run only when both ends may be changes of their own.
    private func integerSamples(
        points: [Double], located: ChangePoints.Located, domain: ClosedRange<Double>, raised asked: (Double) -> FindingSet
    ) -> [Sample] {
        let lowest = domain.lowerBound.rounded(.up)
        let highest = domain.upperBound.rounded(.down)
        guard lowest <= highest else { return [] }
        let candidates = Set(points.flatMap { [$0.rounded(.down), $0.rounded(.up)] } + [lowest, highest])
            .filter { $0 >= lowest && $0 <= highest }.sorted()
        let pointSet = Set(points)
        let insideAStretch = { (value: Double) in
            !pointSet.contains(value) && !located.brackets.contains { $0.contains(value) }
        }
        var samples: [Sample] = []
        // A run's sample waiting for the findings of the candidate after it.
        var waiting: Int?
        for (index, value) in candidates.enumerated() {
            let raised = asked(value)
            if let run = waiting { samples[run].findings = raised }
            waiting = nil
            samples.append(Sample(value: value, findings: raised))
            guard index + 1 < candidates.count, candidates[index + 1] - value >= 2 else { continue }
            let next = candidates[index + 1]
            if insideAStretch(value) {
                samples.append(Sample(value: value + 1, findings: raised, standsForStretch: true))
            } else if insideAStretch(next) {
                samples.append(Sample(value: value + 1, findings: FindingSet(), standsForStretch: true))
                waiting = samples.count - 1
            } else {
                samples.append(Sample(value: value + 1, findings: asked(value + 1), standsForStretch: true))
            }
        }
        return samples
    }

    /// The runs of samples raising a dependent finding, each from its first value to its last;
    /// a sample standing for a stretch extends the run to the stretch's end.
    func exactIntervals(_ scan: Scan) -> [ClosedRange<Double>] {
        let integer = scan.input.type == .integer
        let samples = scan.samples
        var intervals: [ClosedRange<Double>] = []
        var start: Int?
        for index in samples.indices {
            let flagged = !samples[index].findings.isDisjoint(with: scan.dependent)
            if flagged, start == nil { start = index }
            let closes = flagged && (index == samples.count - 1 || samples[index + 1].findings.isDisjoint(with: scan.dependent))
            guard closes, let first = start else { continue }
            var lower = samples[first].value
            var upper = samples[index].value
            if samples[first].standsForStretch, first > 0 {
                lower = samples[first - 1].value + (integer ? 1 : 0)
            }
            if samples[index].standsForStretch, index + 1 < samples.count {
                upper = samples[index + 1].value - (integer ? 1 : 0)
            }
            intervals.append(Rounding.twoDecimals(lower)...Rounding.twoDecimals(upper))
            start = nil
        }
        return intervals
    }
}
