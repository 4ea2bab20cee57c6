import BackCheckExpressions
import BackCheckPluginAPI

/// Decides which exercises the plan may hold (spec 7, second edition): a referral, an
/// incomplete screen, a painful lift pattern, a recent back injury and a nerve-tension sign
/// each keep some out, and the first reason in ``PlanLeftOut/Reason`` order is the one given.
/// A referral that says no stretching keeps stretches out too, given as `referral`.
struct PlanGate {
    var referral: Urgency?
    var screening: Screening
    var painfulPatterns: Set<MovementPattern>
    var recentHistory: Bool
    /// Whether a nerve-tension sign was raised, on either side or none. It keeps stretches that
    /// tension the nerve off both legs: lifting the other leg straight can bring on the symptoms
    /// of the leg with the sign (the crossed straight-leg raise), and reference 15 says not to
    /// stretch into the symptoms.
    var nerveSign: Bool
    /// A referral that may be a bone stress injury (`no_stretching`) keeps stretches and
    /// mobility drills out as well as loaded work.
    var noStretching = false
    /// A referral for a red flag whose cause a doctor checks first (`no_exercise`) keeps every
    /// exercise out, even when the referral is `soon`.
    var noExercise = false
    /// A spinal fracture at any time before: loaded squats and hinges (barbell squats and
    /// deadlifts) wait for the treating clinician's clearance however long ago it was
    /// (reference 15), while other loaded work goes ahead with a caution.
    var barbellNeedsClearance = false

    /// Whether loaded training has stopped altogether: a referral says to stop it until the
    /// person is checked, or the red-flag screen has not cleared it. Drills done with the lifts
    /// then show their dose for doing them on their own (``Dosage/whileNotLifting``).
    var liftingStops: Bool { referral != nil || !screening.clearsLoadedWork }

    /// The gate for the definitions of the `raised` findings: their painful lift patterns and
    /// nerve-tension signs, with the referral, the screen and a recent back injury. A referral
    /// that holds every exercise does so whether today's findings raised it or it stands from an
    /// earlier check-in (``Referral/holdsEveryExercise``; a review found six exercises planned
    /// under a carried "the plan holds no exercises").
    init(referral: Referral?, screening: Screening, recentHistory: Bool, raised: [AssessmentFinding]) {
        var painful: Set<MovementPattern> = []
        var nerveSign = false
        var noStretching = false
        var noExercise = referral?.holdsEveryExercise == true
        for finding in raised {
            noStretching = noStretching || finding.noStretching
            noExercise = noExercise || finding.noExercise
            if let pattern = finding.painfulPattern { painful.insert(pattern) }
            nerveSign = nerveSign || finding.neuralTension
        }
        self.init(
            referral: referral?.urgency, screening: screening, painfulPatterns: painful, recentHistory: recentHistory, nerveSign: nerveSign)
        self.noStretching = noStretching
        self.noExercise = noExercise
    }

    init(referral: Urgency?, screening: Screening, painfulPatterns: Set<MovementPattern>, recentHistory: Bool, nerveSign: Bool) {
        self.referral = referral
        self.screening = screening
        self.painfulPatterns = painfulPatterns
        self.recentHistory = recentHistory
        self.nerveSign = nerveSign
    }

    enum Verdict {
        case keep(PlanDraft)
        case leaveOut(PlanLeftOut.Reason)
    }

    func verdict(_ draft: PlanDraft) -> Verdict {
        let exercise = draft.exercise
        let loaded = exercise.isLoadedWork
        if let referral, referral != .soon || loaded || noExercise { return .leaveOut(.referral) }
        if noStretching, exercise.isStretchOrMobility { return .leaveOut(.referral) }
        // "Stop squats until you have been checked" holds for a body-weight squat or a dowel
        // hinge too: under a referral the lift that hurts is not practised in any form (a review
        // found a box squat ranked first under "stop squats above all").
        if referral != nil, exercise.pattern != .none, painfulPatterns.contains(exercise.pattern) {
            return .leaveOut(.painfulLift)
        }
        if loaded, !screening.clearsLoadedWork { return .leaveOut(.unscreened) }
        if loaded, painfulPatterns.contains(exercise.pattern) { return .leaveOut(.painfulLift) }
        if loaded, recentHistory { return .leaveOut(.history) }
        if loaded, barbellNeedsClearance, exercise.pattern == .squat || exercise.pattern == .hinge { return .leaveOut(.history) }
        if exercise.stretchesNerve, nerveSign { return .leaveOut(.neural) }
        return .keep(draft)
    }

    /// Whether a left-out exercise's easier version may be offered in its place: not when the
    /// referral keeps every exercise out. (Only loaded work is replaced at all, so a stretch a
    /// no-stretching referral keeps out is never swapped for another stretch.)
    func offersRegression(after reason: PlanLeftOut.Reason) -> Bool {
        !(reason == .referral && (referral != .soon || noExercise)) && reason != .neural && reason != .cap
    }
}
