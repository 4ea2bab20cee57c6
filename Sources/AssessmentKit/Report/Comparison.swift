public import BackCheckExpressions
import BackCheckPluginAPI

/// What changed between two reports of the same person: per input and side the change,
/// judged against the input's MDC, and the findings resolved or new.
///
/// ```swift
/// let comparison = Comparison(earlier: lastMonth, later: today)
/// print(ComparisonExport.text(comparison))
/// ```
public struct Comparison: Sendable, Hashable {
    /// When the earlier report was made.
    public var earlierGeneratedAt: String
    /// When the later report was made.
    public var laterGeneratedAt: String
    /// The assessments in both reports, in the later report's order.
    public var assessments: [AssessmentChange]
    /// Ids of assessments only the earlier report has.
    public var onlyEarlier: [String]
    /// Ids of assessments only the later report has.
    public var onlyLater: [String]
    /// The titles of ``onlyEarlier``'s assessments, in the same order: what a person reads.
    public var onlyEarlierTitles: [String]
    /// The titles of ``onlyLater``'s assessments, in the same order.
    public var onlyLaterTitles: [String]
    /// The later report's referral. It is where the person stands now, so every rendering of
    /// a comparison leads with it, as a report does: progress never hides a red flag.
    public var referral: Referral?
    /// The earlier report's referral when the later one has none. A referral does not lapse
    /// because the pain eased or the answers changed, so every rendering says it still stands
    /// until the person has been checked, rather than only listing its findings as resolved.
    public var earlierReferral: Referral?
    /// The later report's red-flag screen, shown after any referral.
    public var screening: Screening?
    /// Whether the later report shows no results but its referral's (an emergency): the ids in
    /// ``onlyEarlier`` are then not to be read as progress, and are said not to be.
    public var laterWithholdsResults: Bool
    /// Whether the earlier report showed no results but its emergency referral's: the ids in
    /// ``onlyLater`` were then held back there, not missing, and are said to be.
    public var earlierWithheldResults: Bool
    /// Referrals of reports made between the two compared (a history's check-ins in between,
    /// oldest first): an emergency in between must not vanish from a comparison that skips it.
    public var referralsBetween: [InterimReferral] = []
    /// Referrals of a history's check-ins before the earlier of the two compared, oldest
    /// first: a referral stands until the person has been checked, so one made before the pair
    /// must not vanish either (a review found an emergency missing from `history compare`).
    public var referralsBefore: [InterimReferral] = []
    /// The history's id of the earlier report, when it is a check-in (`history compare`):
    /// check-ins saved in one second share a timestamp, so the times alone may not say which
    /// two were compared (found by a review).
    public var earlierCheckIn: Int64?
    /// The history's id of the later report, when it is a check-in.
    public var laterCheckIn: Int64?

    /// A referral of a report made between the two compared.
    public struct InterimReferral: Sendable, Hashable {
        /// When that report was made.
        public var generatedAt: String
        /// Its referral.
        public var referral: Referral
        /// Its id in the history, when it is a check-in.
        public var checkIn: Int64?

        /// Creates one.
        public init(generatedAt: String, referral: Referral, checkIn: Int64? = nil) {
            self.generatedAt = generatedAt
            self.referral = referral
            self.checkIn = checkIn
        }
    }

    /// Compares `earlier` with `later`.
    public init(earlier: Report, later: Report) {
        earlierGeneratedAt = earlier.generatedAt
        laterGeneratedAt = later.generatedAt
        referral = later.referral
        earlierReferral = later.referral == nil ? earlier.referral : nil
        screening = later.screening
        laterWithholdsResults = later.referral?.withholdsOtherResults == true
        earlierWithheldResults = earlier.referral?.withholdsOtherResults == true
        assessments = later.assessments.compactMap { after in
            earlier.assessment(after.id).map { AssessmentChange(before: $0, after: after) }
        }
        let earlierOnly = earlier.assessments.filter { later.assessment($0.id) == nil }
        let laterOnly = later.assessments.filter { earlier.assessment($0.id) == nil }
        onlyEarlier = earlierOnly.map(\.id)
        onlyLater = laterOnly.map(\.id)
        onlyEarlierTitles = earlierOnly.map(\.title)
        onlyLaterTitles = laterOnly.map(\.title)
    }
}

/// How one assessment changed.
public struct AssessmentChange: Sendable, Hashable {
    /// The id.
    public var id: String
    /// The title (from the later report).
    public var title: String
    /// The earlier score.
    public var scoreBefore: Int?
    /// The later score.
    public var scoreAfter: Int?
    /// The earlier status: a `refer` status has no score worth comparing.
    public var statusBefore: Status
    /// The later status.
    public var statusAfter: Status
    /// Whether the assessment's definition changed between the reports (digests differ), so
    /// scores may not be comparable.
    public var definitionChanged: Bool
    /// Every input and side whose answer was given in both reports.
    public var inputs: [InputChange]
    /// Findings of the earlier report that the later one no longer has, after a real change.
    public var resolved: [ReportFinding]
    /// Findings of the later report that the earlier one did not have, after a real change.
    public var new: [ReportFinding]
    /// Findings of the earlier report that the later one no longer has, where every answer that
    /// changed on the finding's side changed by less than its MDC, or none changed: a value
    /// near the cut-off crossed it within the test's measurement error, or only the profile
    /// moved (an age past a cut-off), which is not a real change (spec 3.1).
    public var goneWithinMeasurementError: [ReportFinding]
    /// Findings of the later report that the earlier one did not have, where every answer that
    /// changed on the finding's side changed by less than its MDC (see
    /// ``goneWithinMeasurementError``).
    public var newWithinMeasurementError: [ReportFinding]
    /// Findings in both.
    public var persisting: [ReportFinding]
    /// Which report's measurements of this test were voided (a hold stopped by pain), if any:
    /// its numbers do not count, so no answer is compared.
    public var voidedIn: VoidedReports?
    /// Findings one report has that the other could not look for, because its measurements
    /// were voided: neither progress nor a new problem, only not checked there.
    public var notChecked: [ReportFinding]

    /// Which of the two reports voided a test's measurements.
    public enum VoidedReports: String, Sendable, Hashable {
        /// The earlier report only.
        case earlier
        /// The later report only.
        case later
        /// Both reports.
        case both
    }

    init(before: AssessmentReport, after: AssessmentReport) {
        id = after.id
        title = after.title
        scoreBefore = before.score
        scoreAfter = after.score
        statusBefore = before.status
        statusAfter = after.status
        definitionChanged = before.digest != after.digest
        func key(_ finding: ReportFinding) -> String { finding.id + "/" + (finding.side?.rawValue ?? "") }
        let earlierKeys = Set(before.findings.map(key))
        let laterKeys = Set(after.findings.map(key))
        persisting = after.findings.filter { earlierKeys.contains(key($0)) }
        voidedIn = switch (before.voided, after.voided) {
        case (true, true): .both
        case (true, false): .earlier
        case (false, true): .later
        case (false, false): nil
        }
        // A voided report's numbers do not count: nothing is compared with them.
        let inputs = voidedIn != nil ? [] : after.inputs.flatMap { input -> [InputChange] in
            guard let was = before.answer(input.name), let now = after.answer(input.name) else { return [] }
            let sides: [Side?] = input.bilateral ? [.left, .right] : [nil]
            return sides.compactMap { side in
                guard let old = Self.value(was, side), let new = Self.value(now, side) else { return nil }
                return InputChange(input: input, side: side, before: old, after: new, earlierInput: before.input(input.name))
            }
        }
        self.inputs = inputs
        // A finding that came or went is a real change only if some answer that can decide it
        // changed by at least its MDC; a changed definition may explain it instead.
        let definitionChanged = definitionChanged
        // An answer given in one report only (a skipped input answered later) is a real change.
        let names = Set(before.inputs.map(\.name)).union(after.inputs.map(\.name))
        let answeredOnce = names.contains { name in (before.answer(name) == nil) != (after.answer(name) == nil) }
        // With a report voided, no numbers were compared: what still came or went did so
        // through the answers that are not measurements (the voiding one among them).
        let voided = voidedIn != nil
        func withinError(_ finding: ReportFinding) -> Bool {
            guard !definitionChanged, !answeredOnce, !voided else { return false }
            let changed = inputs.filter { change in
                change.verdict != .unchanged && (finding.side == nil || change.side == nil || change.side == finding.side)
            }
            if changed.isEmpty {
                // Nothing moved on the finding's own side. A real change on the other side can
                // still decide it (a left/right difference, now the other way round); with no
                // answer changed at all (only the profile, say an age past a cut-off) it is no
                // more a real change than one within measurement error.
                return !inputs.contains { $0.verdict != .unchanged && $0.verdict != .withinMeasurementError }
            }
            return changed.allSatisfy { $0.verdict == .withinMeasurementError }
        }
        var gone = before.findings.filter { !laterKeys.contains(key($0)) }
        var came = after.findings.filter { !earlierKeys.contains(key($0)) }
        // What the voided report did not look for is not there to compare: a finding the later
        // test could not check has not resolved, and one the earlier could not check is not new.
        notChecked = (after.voided ? gone : []) + (before.voided ? came : [])
        if after.voided { gone = [] }
        if before.voided { came = [] }
        resolved = gone.filter { !withinError($0) }
        goneWithinMeasurementError = gone.filter(withinError)
        new = came.filter { !withinError($0) }
        newWithinMeasurementError = came.filter(withinError)
    }

    private static func value(_ binding: Binding, _ side: Side?) -> Value? {
        switch (binding, side) {
        case (.single(let value), nil): value
        case (.bilateral(let left, let right), let side?): side == .left ? left : right
        default: nil
        }
    }
}

/// How one answer (on one side) changed.
public struct InputChange: Sendable, Hashable {
    /// What the change means.
    public enum Verdict: String, Sendable, Hashable {
        /// Moved away from the values that raise a finding, by at least the MDC.
        case improved
        /// Moved towards (or into) the values that raise a finding, by at least the MDC.
        case worse
        /// Changed by less than the MDC: not a real change.
        case withinMeasurementError = "within-measurement-error"
        /// Changed, but which way is better is not known (no flagged values to measure against).
        case changed
        /// The same answer.
        case unchanged
    }

    /// The input's name.
    public var input: String
    /// Its label.
    public var label: String
    /// Its unit.
    public var unit: String?
    /// The side, for a bilateral input.
    public var side: Side?
    /// The earlier answer.
    public var before: Value
    /// The later answer.
    public var after: Value
    /// later − earlier, rounded to 2 decimals, for numbers.
    public var change: Double?
    /// The input's MDC, when known.
    public var mdc: Double?
    /// What the change means.
    public var verdict: Verdict
    /// Whether the answer moved into (`true`) or out of (`false`) the values that raise a
    /// finding; `nil` when it stayed on one side of them, or they are not known.
    public var enteredFlagged: Bool?

    init(input: ReportInput, side: Side?, before: Value, after: Value, earlierInput: ReportInput?) {
        self.input = input.name
        label = input.label
        unit = input.unit
        self.side = side
        self.before = before
        self.after = after
        mdc = input.mdc
        guard let old = before.numberValue, let new = after.numberValue else {
            change = nil
            verdict = before == after ? .unchanged : .changed
            return
        }
        let delta = new - old
        change = Rounding.twoDecimals(delta)
        if delta == 0 {
            verdict = .unchanged
        } else if let mdc = input.mdc, abs(Rounding.twoDecimals(delta)) < mdc {
            // Spec 3.1: only a change smaller than the MDC is within measurement error.
            verdict = .withinMeasurementError
        } else {
            let flagged = input.flagged(on: side) ?? earlierInput?.flagged(on: side)
            if let intervals = flagged?.intervals {
                let (inBefore, inAfter) = (intervals.contains { $0.contains(old) }, intervals.contains { $0.contains(new) })
                if inBefore != inAfter { enteredFlagged = inAfter }
            }
            if let lower = input.lowerIsBetter ?? earlierInput?.lowerIsBetter {
                // The author said which way is better, and that wins: values flagged on both
                // sides (too short a hold, or one side too long beside the other) made a side
                // bridge falling from 90 s to 50 s read as improved (a lifter's review).
                verdict = (delta < 0) == lower ? .improved : .worse
            } else if let was = flagged?.clearance(of: old), let now = flagged?.clearance(of: new), was != now {
                verdict = now > was ? .improved : .worse
            } else {
                verdict = .changed
            }
        }
    }
}
