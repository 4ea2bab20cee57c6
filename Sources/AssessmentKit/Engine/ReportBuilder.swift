import BackCheckPluginAPI
import BackCheckExpressions

/// Runs checked answers and builds the report: every assessment's result, the referral and
/// the plan. Pure: the same answers and catalogue give the same report, apart from the
/// `generatedAt` the caller passes.
///
/// ```swift
/// let report = ReportBuilder(catalogue: catalogue).report(for: answers, generatedAt: Timestamp.now())
/// print(TextExport().render(report))
/// ```
public struct ReportBuilder: Sendable {
    /// The catalogue the answers were checked against (exercises come from it).
    public var catalogue: Catalogue
    /// The longest plan (spec 7: default 6; at least 1).
    public var maxExercises: Int
    /// The program named in the report.
    public var tool: ToolInfo
    /// How to lay the plan out over weeks.
    public var programOptions: ProgramOptions
    /// A referral that stands from an earlier check-in of the same person (see
    /// ``Referral/standing(since:generatedAt:)``): the report's referral when its own answers
    /// raise none or a milder one, so its plan holds no loaded work and it has no program.
    public var standingReferral: Referral?
    /// Whether to sample every input's range for its flagged values even when the evaluator
    /// states its conditions (how every range was found before exact scans), to compare the two.
    package var samplesRanges = false

    /// Creates a builder.
    public init(catalogue: Catalogue, maxExercises: Int = 6, tool: ToolInfo = .current, programOptions: ProgramOptions = .init()) {
        self.catalogue = catalogue
        self.maxExercises = max(1, maxExercises)
        self.tool = tool
        self.programOptions = programOptions
    }

    /// Runs every assessment of `answers` and builds the report.
    public func report(for answers: AnswerSet, generatedAt: String) -> Report {
        let results = answers.entries.map { entry in
            AssessmentRunner.run(entry.assessment, answers: entry.answers, profile: answers.profile)
        }
        let referral = ReferralBuilder.referral(from: results, standing: standingReferral)
        let emergency = referral?.withholdsOtherResults == true
        var scored: [ScoredAssessment] = []
        var reports: [AssessmentReport] = []
        for (entry, result) in zip(answers.entries, results) {
            // An evaluator that could not score these answers is not asked hundreds of times more
            // to shade the charts: a module out of its budget would be out of it every time. Nor
            // are charts worked out in an emergency, which shows none and makes no plan.
            var (probe, scans) = scan(
                entry, profile: answers.profile, raised: result.findings, skip: result.failure != nil || result.voided || emergency)
            // Spec (WebAssembly evaluators, section 4): a failed call is named in a note. The
            // scans it cut short would claim that no value raises a finding, so none are kept.
            let probeFailure = probe.trials.failure
            if probeFailure != nil { scans = [] }
            scored.append(ScoredAssessment(
                result: result, profile: answers.profile,
                asymmetric: Asymmetry.findings(result, scans: scans, probe: probe)))
            var report = Self.describe(result, scans: scans, probe: probe)
            if let probeFailure { report.notes.append(Wording.probeFailure(probeFailure)) }
            reports.append(report)
        }
        for index in NerveSignReading.lengthTestsToQualify(results, exercises: catalogue.exercises) {
            NerveSignReading.qualify(&reports[index])
        }
        let screening = ScreeningGate.screening(
            results: scored.map(\.result), screenedElsewhere: answers.screenedElsewhere,
            screens: catalogue.assessments.filter(\.isRedFlagScreen))
        let plan = PlanBuilder(catalogue: catalogue, maxExercises: maxExercises).plan(
            scored, circumstances: PlanCircumstances(referral: referral, screening: screening, profile: answers.profile))
        var notes = catalogue.replacements.map { "Your catalogue replaced a built-in document: \($0)." }
        if !answers.runForReferral.isEmpty {
            let list = answers.runForReferral.joined(separator: ", ")
            notes.append("Also run, though not asked for, because the answers to it call for a referral: \(list).")
        }
        if let note = AgeSensitivity.note(for: answers, results: scored.map(\.result)) { notes.append(note) }
        var withheldIDs: [String] = []
        var planLeftOut = plan.leftOut
        if emergency {
            // The red-flag screen stays whatever raised the emergency: the report's screening
            // line speaks for it, and a reader must see which of its answers were warnings.
            let withheld = reports.filter { report in !report.isRedFlagScreen && !report.findings.contains { $0.tier == .refer } }
            withheldIDs = withheld.map(\.id)
            if !withheld.isEmpty {
                // By title, as the report shows tests (the JSON's `withheld` lists their ids).
                notes.append("Results of \(withheld.count) other test\(withheld.count == 1 ? "" : "s") are withheld because of the emergency: \(withheld.map(\.title).joined(separator: "; ")). Get checked first.")
                reports.removeAll { report in withheldIDs.contains(report.id) }
            }
            // The reference's safety gate: an emergency suppresses all other test output, so
            // the tests kept show only their referral findings: no other finding, no shaded
            // chart or left/right line, and no list of exercises the findings would have asked for.
            let trimmed = reports.filter { report in report.findings.contains { $0.tier != .refer } }.map(\.title)
            for index in reports.indices { reports[index].withholdNonReferralOutput() }
            planLeftOut = []
            if !trimmed.isEmpty {
                notes.append("Only the findings that call for a referral are shown for \(trimmed.joined(separator: "; ")); their other findings are withheld until you have been checked.")
            }
        }
        let clear = referral == nil && screening.clearsLoadedWork
        let program = ProgramBuilder(catalogue: catalogue, options: programOptions, gate: plan.gate).program(
            plan.items, profile: answers.profile, generatedAt: generatedAt,
            retestWeeks: reports.compactMap(\.retestWeeks).min(), clear: clear)
        // A plan with no program says why, or the missing weeks and pain rules read as an oversight.
        var planNotes = plan.notes
        if let program, let warmUp = plan.leftOut.first(where: { $0.exercise == ProgramBuilder.warmUpID && $0.reason == .cap }),
           program.schedules(warmUp.exercise) {
            // Left out "to keep the plan short" and then on every training day would read as a contradiction.
            // Beside the sentence that leaves it out, before the one on the order.
            planNotes.insert(
                "\(warmUp.name) is left out of the list above only to keep it short: the program starts every training day with it.",
                at: planNotes.firstIndex(of: PlanNotes.order) ?? planNotes.endIndex)
        }
        if program == nil, !plan.items.isEmpty {
            planNotes.append(referral != nil
                ? "No week-by-week program until you have been checked: the referral comes first. Until then, do the exercises above as their doses say, and stop any that brings on your back or leg pain."
                : "No week-by-week program until the red-flag screen is complete: answer its questions first. Until then, do the exercises above as their doses say, and stop any that brings on your back or leg pain.")
        }
        var report = Report(
            generatedAt: generatedAt, tool: tool, profile: answers.profile, referral: referral, screening: screening,
            assessments: reports, plan: plan.items, planNotes: planNotes, planLeftOut: planLeftOut, program: program,
            // "Most back pain like this gets much better" is not said in the months after a
            // spinal fracture or operation: that is the treating clinician's to say.
            reassurance: clear && !plan.gate.recentHistory ? Wording.reassurance : nil, notes: notes, withheld: withheldIDs)
        report.runForReferral = answers.runForReferral
        // Under an emergency nothing is planned, so nothing stands in for a planned exercise.
        report.planAlternatives = emergency ? [] : plan.alternatives
        return report
    }

    /// For each scanned input of `answers`, `assessment/input` (with `.left` or `.right` for a
    /// side) and whether its flagged values were worked out exactly rather than sampled.
    package func scanMethods(for answers: AnswerSet) -> [(input: String, exact: Bool)] {
        answers.entries.flatMap { entry in
            scan(entry, profile: answers.profile).scans.map { scan in
                ("\(entry.assessment.id)/\(scan.input.name)" + (scan.side.map { ".\($0.rawValue)" } ?? ""), scan.exact)
            }
        }
    }

    /// The probe of one assessment's answers and its scan of every numeric input on every
    /// side (none when `skip`); `raised` is what the assessment's run raised, when known.
    private func scan(
        _ entry: AnswerSet.Entry, profile: Profile, raised: [RaisedFinding]? = nil, skip: Bool = false
    ) -> (probe: InputProbe, scans: [InputProbe.Scan]) {
        let probe = InputProbe(assessment: entry.assessment, answers: entry.answers, profile: profile, raised: raised, samples: samplesRanges)
        guard !skip else { return (probe, []) }
        let scans = entry.assessment.inputs.flatMap { input in
            input.spec.scoredSides.compactMap { probe.scan(input, side: $0) }
        }
        return (probe, scans)
    }

    private static func describe(_ result: AssessmentResult, scans: [InputProbe.Scan], probe: InputProbe) -> AssessmentReport {
        let assessment = result.assessment
        let findings = result.findings.compactMap { raised -> ReportFinding? in
            guard let finding = assessment.finding(raised.id) else { return nil }
            return ReportFinding(
                id: finding.id, title: finding.title, tier: finding.tier, side: raised.side,
                severity: Rounding.twoDecimals(raised.severity), evidence: raised.evidence, explain: finding.explain)
        }
        let inputs = assessment.inputs.map { input in
            ReportInput(
                name: input.name, label: input.label, type: input.type, unit: input.unit, range: input.range,
                // A voided test's numbers do not count, nor does the gap between its sides.
                mdc: input.spec.mdc, bilateral: input.bilateral, leftRight: result.voided ? nil : Asymmetry.difference(input, result.answers),
                flagged: scans.filter { $0.input.name == input.name }.map { scan in
                    FlaggedValues(side: scan.side, domain: scan.domain, intervals: probe.flaggedIntervals(scan))
                }, lowerIsBetter: input.lowerIsBetter)
        }
        let answers = assessment.inputs.map { input in
            NamedBinding(name: input.name, value: result.answers.values[input.name] ?? (input.bilateral ? .bilateral(left: nil, right: nil) : .single(nil)))
        }
        let derived = result.derived.map { NamedBinding(name: $0.name, value: rounded($0.value)) }
        var report = AssessmentReport(
            id: assessment.id, version: assessment.version, digest: assessment.digest, title: assessment.title,
            category: assessment.category.rawValue, evaluator: assessment.evaluatorID, evidence: assessment.evidence.level,
            evidenceNote: assessment.evidence.note, answers: answers, derived: derived, score: result.score,
            status: result.status, findings: findings, notes: result.notes, inputs: inputs, retestWeeks: assessment.retestWeeks)
        report.evaluatorSHA256 = assessment.evaluatorSHA256
        report.voided = result.voided
        return report
    }

    private static func rounded(_ binding: Binding) -> Binding {
        func round(_ value: Value?) -> Value? {
            guard case .number(let number)? = value else { return value }
            return .number(Rounding.twoDecimals(number))
        }
        switch binding {
        case .single(let value): return .single(round(value))
        case .bilateral(let left, let right): return .bilateral(left: round(left), right: round(right))
        }
    }
}
