import BackCheckExpressions
import BackCheckPluginAPI

/// The phrases every export shares, so text, Markdown and HTML say the same thing.
package enum Wording {
    /// The reassurance of reports with a clear screen and no referral (reference §17: NICE
    /// NG59's "stay active"; Pengel 2003 and Costa 2012 on how pain settles; a pharmacist, never
    /// a named drug or dose). Said as "if your back hurts": many people run the check before a
    /// training block with no pain at all, and a review found it read as if they had some.
    static let reassurance =
        "If your back hurts: most back pain like this gets much better within about 6 weeks, though it can come back. Keep moving and keep training in ways that do not hurt: long rest tends to make back pain worse. If you want a painkiller, ask a pharmacist which one is safe for you."

    /// The note of an assessment whose evaluator scored the person's answers but failed when
    /// asked about other values of them (for the charts' shaded zones): the failure's own
    /// sentence ("The evaluator 'x' ran out of its instruction budget…"), ended for this case.
    static func probeFailure(_ failure: String) -> String {
        let notScored = ", so this assessment was not scored."
        var cause = Substring(failure)
        if cause.hasSuffix(notScored) { cause = cause.dropLast(notScored.count) } else if cause.hasSuffix(".") { cause = cause.dropLast() }
        return "\(cause) when asked about other values of the answers, so the report does not show which values would raise a finding."
    }

    /// The screening status in plain words, beside the report's `referral` (if any).
    static func screening(_ screening: Screening, beside referral: Referral?) -> String {
        switch screening.status {
        case .positive: "positive — a warning sign was found (see the referral above)"
        // Said of the screen's own answers: a referral from another test (both legs on the
        // straight-leg raise) can stand above it, and "no warning signs" would then contradict it.
        case .complete where referral?.standing != nil:
            "complete — none of its answers is a warning sign; the referral above stands from an earlier check-in"
        case .complete where referral != nil:
            "complete — none of its own answers is a warning sign; the referral above comes from another test"
        case .complete: "complete — none of its answers is a warning sign"
        case .incomplete: "incomplete — loaded work waits until these are answered"
        case .skipped: "skipped — screened in person by a clinician"
        }
    }

    /// Said above the results under a referral that lets them be read (not an emergency): a
    /// finding's evidence may carry the catalogue's advice on lifting ("cut the weight by
    /// 20-30%, add weight back…"), which must not read as leave to keep lifting before the
    /// person has been checked. `nil` when no such finding is shown.
    static func resultsUnderReferral(_ report: Report) -> String? {
        guard let referral = report.referral, !referral.withholdsOtherResults,
              report.assessments.contains(where: { $0.findings.contains { $0.tier != .refer } })
        else { return nil }
        return "While the referral above stands, these results only say what was found: any advice in them on lifting (a lighter weight, adding load back) is for after you have been checked."
    }

    /// `male, 27 years, 82 kg, trains 4 days a week`, or `not given`.
    static func profile(_ profile: Profile) -> String {
        var parts: [String] = []
        if let name = profile.name { parts.append(name) }
        if let sex = profile.sex { parts.append(sex.rawValue) }
        if let age = profile.age { parts.append("\(NumberText.format(age)) years") }
        if let weight = profile.bodyweightKg { parts.append("\(NumberText.format(weight)) kg") }
        if let days = profile.trainingDaysPerWeek { parts.append("trains \(NumberText.format(days)) days a week") }
        if let history = PlanNotes.phrases(profile.backHistory) {
            parts.append("history of \(history)\(profile.backHistoryRecent == true ? " (recent)" : profile.backHistoryRecent == nil ? " (when not given)" : "")")
        }
        return parts.isEmpty ? "not given" : parts.joined(separator: ", ")
    }

    /// `3 sets × 30 s hold, per side, daily`.
    static func dosage(_ dosage: Dosage) -> String {
        var amount: [String] = []
        if let sets = dosage.sets { amount.append("\(sets) set\(sets == 1 ? "" : "s")") }
        if let reps = dosage.reps {
            amount.append(dosage.pyramid ? dosage.repGroups.map(String.init).joined(separator: "-") + " reps" : "\(reps) rep\(reps == 1 ? "" : "s")")
        }
        if let hold = dosage.holdSeconds { amount.append("\(NumberText.format(hold)) s hold") }
        var parts = amount.isEmpty ? [] : [amount.joined(separator: " × ")]
        if dosage.perSide == true { parts.append("per side") }
        if let minutes = dosage.durationMinutes { parts.append("\(NumberText.format(minutes)) min") }
        if let frequency = dosage.frequency { parts.append(frequency) }
        return parts.isEmpty ? "as described" : parts.joined(separator: ", ")
    }

    /// `70/100 fair`, `refer`, `not scored` (at most 12 characters: the text report gives it 13).
    static func score(_ report: AssessmentReport) -> String {
        switch (report.score, report.status) {
        case (_, .refer): "refer"
        case (nil, _): "not scored"
        case (let score?, let status): "\(score)/100 \(status.rawValue)"
        }
    }

    /// A value with its unit: `8.5 cm`, `yes`, `glute-max, erectors`, `skipped`.
    static func value(_ value: Value?, unit: String?) -> String {
        guard let value else { return "skipped" }
        if case .number = value, let unit, unit != "none" { return "\(NumberText.format(value)) \(unit)" }
        return NumberText.format(value)
    }

    /// `L 4 deg / R -2 deg`, or the single value.
    static func binding(_ binding: Binding, unit: String?) -> String {
        switch binding {
        case .single(let single): value(single, unit: unit)
        case .bilateral(let left, let right): "L \(value(left, unit: unit)) / R \(value(right, unit: unit))"
        }
    }

    /// `the test's measurement error of 1.9 cm`: how every text view names an MDC, since
    /// people reading a report do not know the abbreviation.
    package static func measurementError(_ mdc: Double, unit: String?) -> String {
        "the test's measurement error of \(NumberText.format(mdc))\(unitSuffix(unit))"
    }

    /// ` cm` for a unit, nothing for none.
    package static func unitSuffix(_ unit: String?) -> String { unit.map { $0 == "none" ? "" : " \($0)" } ?? "" }

    /// The left/right line of a bilateral input, or `nil` when it has nothing to say: no
    /// difference, or no MDC to judge it by (the JSON still holds the difference). A real
    /// difference between two sides that both raise nothing says so, or "left side worse"
    /// reads as a problem the test did not find.
    static func leftRight(_ input: ReportInput, in assessment: AssessmentReport) -> String? {
        guard let gap = input.leftRight, gap.difference > 0, input.mdc != nil else { return nil }
        let unit = unitSuffix(input.unit)
        let apart = "\(input.label): sides \(NumberText.format(gap.difference))\(unit) apart"
        switch (gap.beyondMDC, input.mdc) {
        case (true?, let mdc?):
            // Spec 3.1: a difference as large as the MDC is not within measurement error.
            let reach = gap.difference == mdc ? "as large as" : "more than"
            let unflagged = Self.neitherSideFlagged(input, in: assessment) ? ", though neither side's value raises a finding" : ""
            return "\(apart), \(Self.whichSide(gap, lowerIsBetter: input.lowerIsBetter)); \(reach) \(measurementError(mdc, unit: input.unit)), so a real difference between the sides\(unflagged)"
        case (false?, let mdc?): return "\(apart): within \(measurementError(mdc, unit: input.unit)), not an asymmetry"
        default: return nil
        }
    }

    /// Whether the test raised nothing and both sides of `input` were answered with values
    /// outside every range that raises a finding (with a margin for the ranges' rounding to
    /// hundredths); `false` when unsure.
    private static func neitherSideFlagged(_ input: ReportInput, in assessment: AssessmentReport) -> Bool {
        // Only for a test that raised nothing: beside a finding from another input (a straight-leg
        // raise's symptoms), "neither side raises a finding" would read as contradicting it.
        guard assessment.findings.isEmpty else { return false }
        guard case .bilateral(.number(let left)?, .number(let right)?)? = assessment.answers.first(where: { $0.name == input.name })?.value,
              let leftRanges = input.flagged(on: .left), let rightRanges = input.flagged(on: .right) else { return false }
        func raises(_ value: Double, _ flagged: FlaggedValues) -> Bool {
            flagged.intervals.contains { value >= $0.lowerBound - 0.005 && value <= $0.upperBound + 0.005 }
        }
        return !raises(left, leftRanges) && !raises(right, rightRanges)
    }

    /// `left side worse` when the input says which way is better (a higher hamstring angle is
    /// the tighter side), else `right side lower`.
    private static func whichSide(_ gap: LeftRightDifference, lowerIsBetter: Bool?) -> String {
        guard let lower = gap.lowerSide else { return "one side lower" }
        guard let lowerIsBetter else { return "\(lower.rawValue) side lower" }
        let worse: Side = lowerIsBetter ? (lower == .left ? .right : .left) : lower
        return "\(worse.rawValue) side worse (\(lowerIsBetter ? "higher" : "lower"))"
    }

    /// `low evidence` etc.
    static func evidence(_ level: EvidenceLevel) -> String { "\(level.rawValue) evidence" }

    /// `EMERGENCY: CALL AN AMBULANCE…`, `REFERRAL: CONTACT A DOCTOR TODAY`, …: whom to see
    /// as the referral's own headline says (a red flag that holds every exercise names a doctor).
    static func referralTitle(_ referral: Referral) -> String {
        switch referral.urgency {
        case .emergency: "EMERGENCY: CALL AN AMBULANCE OR GO TO AN EMERGENCY DEPARTMENT NOW"
        case .sameDay: "REFERRAL: CONTACT A DOCTOR TODAY"
        case .soon where referral.holdsEveryExercise: "REFERRAL: SEE A DOCTOR SOON"
        case .soon: "REFERRAL: SEE A DOCTOR OR PHYSIOTHERAPIST SOON"
        }
    }

    /// `Tight iliopsoas (left) — Modified Thomas test (hip flexor length)`: the finding and the
    /// test that found it, by the title the report shows it under (its id only when the report
    /// does not hold it); with `explain` the arithmetic:
    /// `: severity 0.3 × weight 0.4 × 1.5 (left/right difference not within the test's measurement error)`.
    static func reason(_ reason: PlanReason, explain: Bool, in report: Report) -> String {
        let test = report.assessments.first { $0.id == reason.assessment }?.title ?? reason.assessment
        var text = "\(reason.label) — \(test)"
        // Said of any test (a hold, a stretch, an angle), so neither "weaker" nor "tighter".
        guard explain else { return reason.asymmetry ? text + " (a clear difference between the sides)" : text }
        text += ": severity \(NumberText.format(reason.severity)) × weight \(NumberText.format(reason.weight))"
        // Spec 3.1: a difference as large as the MDC is not within measurement error.
        if reason.asymmetry { text += " × 1.5 (left/right difference not within the test's measurement error)" }
        return text
    }

    /// A plan item's tag: what the exercise is and its sides (`stretch, left and right`,
    /// `strength`); with `explain`, then the tier that ordered it and its priority, each named
    /// (`stretch, left; tier mobility, priority 0.54`), so the first word means the same in
    /// both.
    static func planTag(_ item: PlanItem, explain: Bool = false) -> String {
        let sides = item.sides.map(\.rawValue).joined(separator: " and ")
        // "load" alone read as "loaded" beside a referral that stops loaded training: it is
        // about how much training is done.
        func named(_ word: String) -> String { word == "load" ? "training load" : word }
        // A lifter reads the tag as what the exercise is (a goblet squat tagged "mobility",
        // for the ankle finding that asked for it, read as a mistake); the tier, which orders
        // the plan, is for --explain, beside the priority.
        let kind = sides.isEmpty ? named(item.exercise.type) : "\(named(item.exercise.type)), \(sides)"
        guard explain else { return kind }
        // A review read "[mobility, …]" under --explain as the exercise's kind changing.
        return "\(kind); tier \(named(item.tier.rawValue)), priority \(NumberText.format(item.priority))"
    }

    /// A finding's headline: `Tight iliopsoas (left)`, and with `explain` its severity.
    static func finding(_ finding: ReportFinding, explain: Bool) -> String {
        explain ? "\(finding.label), severity \(NumberText.format(finding.severity))" : finding.label
    }

    /// `Test again by Tuesday 29 December 2026 (in 4 weeks), to see whether the plan is working.` (the
    /// program's closing day when there is a program), or `nil` when a referral comes first or
    /// no assessment says.
    static func retest(_ report: Report) -> String? {
        if let program = report.program {
            return "Test again on \(ProgramWording.longDay(program.retest)), at the end of the program, to see whether it is working."
        }
        guard report.referral == nil, let due = report.retestDue,
              let weeks = report.assessments.compactMap(\.retestWeeks).min() else { return nil }
        // An empty plan beside a test that could not be scored asks for its answers again now,
        // not for a retest in weeks.
        if report.plan.isEmpty, report.assessments.contains(where: { $0.status == .unscored }) { return nil }
        // With nothing to work on there is no plan to judge, only results to check again.
        let purpose = report.plan.isEmpty ? "to check that nothing has changed" : "to see whether the plan is working"
        return "Test again by \(ProgramWording.longDay(due)) (in \(weeks) week\(weeks == 1 ? "" : "s")), \(purpose)."
    }

    /// The heading of the block of a screen's unanswered questions (spec 7: listed below any
    /// referral); beside an emergency they are not something to stop for.
    static func screeningQuestionsTitle(_ screening: Screening, beside referral: Referral?) -> String {
        if referral?.urgency == .emergency { return "RED-FLAG QUESTIONS NOT ANSWERED: GO NOW, DO NOT STOP TO ANSWER THEM" }
        return screening.status == .positive ? "RED-FLAG SCREEN: ANSWER THE REST TOO" : "RED-FLAG SCREEN NOT COMPLETE: ANSWER THESE FIRST"
    }

    /// What the unanswered questions mean.
    static func screeningQuestionsMessage(_ screening: Screening, beside referral: Referral?) -> String {
        // A review found "answer these: some call for a faster response" under "call an
        // ambulance": nothing is faster than going now.
        if referral?.urgency == .emergency {
            return "Go now, as the referral above says. These questions were not answered; tell the clinicians if any of them apply to you."
        }
        if screening.status == .positive {
            return "One answer already needs a clinician (see the referral). Answer these too (backcheck run red-flag-screen): some of them call for a faster response."
        }
        // Only the profile is missing: a screen in person does not answer for a yes given here.
        if !screening.unanswered.isEmpty, screening.unanswered.allSatisfy({ $0.id.hasPrefix("profile.") }) {
            return "One of your answers is a warning sign only at some ages, so it cannot be judged without yours. Until it is given the plan holds no loaded work."
        }
        // Reference §7/§11: a yes to some of them is an emergency, which a list of questions
        // does not say (found by a physiotherapist's review).
        return "These questions check for rare but serious causes of back pain. If numbness between the legs, bladder, bowel or sexual changes, or pain or weakness in both legs applies to you, go to A&E now. Until they are answered the plan holds no loaded work. Answer them (backcheck run red-flag-screen), or have a clinician screen you in person (--screened-elsewhere)."
    }
}
