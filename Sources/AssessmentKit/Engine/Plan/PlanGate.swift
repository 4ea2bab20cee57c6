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
    /// The sides with a nerve-tension sign (a finding without a side counts for both).
    var nerveSides: Set<Side>
    /// A referral that may be a bone stress injury (`no_stretching`) keeps stretches and
    /// mobility drills out as well as loaded work.
    var noStretching = false
    /// A spinal fracture at any time before: loaded squats and hinges (barbell squats and
    /// deadlifts) wait for the treating clinician's clearance however long ago it was
    /// (reference 15), while other loaded work goes ahead with a caution.
    var barbellNeedsClearance = false

    /// Whether loaded training has stopped altogether: a referral says to stop it until the
    /// person is checked, or the red-flag screen has not cleared it. Drills done with the lifts
    /// then show their dose for doing them on their own (``Dosage/whileNotLifting``).
    var liftingStops: Bool { referral != nil || !screening.clearsLoadedWork }

    /// The gate for `raised` findings (each with its definition): their painful lift patterns
    /// and nerve-tension sides, with the referral, the screen and a recent back injury.
    init(referral: Urgency?, screening: Screening, recentHistory: Bool, raised: [(finding: AssessmentFinding, side: Side?)]) {
        var painful: Set<MovementPattern> = []
        var nerveSides: Set<Side> = []
        var noStretching = false
        for (finding, side) in raised {
            noStretching = noStretching || finding.noStretching
            if let pattern = finding.painfulPattern { painful.insert(pattern) }
            if finding.neuralTension {
                if let side { nerveSides.insert(side) } else { nerveSides.formUnion([.left, .right]) }
            }
        }
        self.init(referral: referral, screening: screening, painfulPatterns: painful, recentHistory: recentHistory, nerveSides: nerveSides)
        self.noStretching = noStretching
    }

    init(referral: Urgency?, screening: Screening, painfulPatterns: Set<MovementPattern>, recentHistory: Bool, nerveSides: Set<Side>) {
        self.referral = referral
        self.screening = screening
        self.painfulPatterns = painfulPatterns
        self.recentHistory = recentHistory
        self.nerveSides = nerveSides
    }

    enum Verdict {
        case keep(PlanDraft)
        case leaveOut(PlanLeftOut.Reason)
    }

    func verdict(_ draft: PlanDraft) -> Verdict {
        let exercise = draft.exercise
        let loaded = exercise.isLoadedWork
        if let referral, referral != .soon || loaded { return .leaveOut(.referral) }
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
        if exercise.stretchesNerve, !nerveSides.isEmpty {
            // Done with both legs at once (a hinge drill): it cannot spare the leg with the sign.
            guard exercise.dosage.perSide == true else { return .leaveOut(.neural) }
            // Still wanted for the other side, when a finding there asked for it: for that leg
            // only, said in the dose (the exercise's own steps go on to "the other side").
            var kept = draft
            kept.filterReasons { reason in reason.side.map { !nerveSides.contains($0) } ?? false }
            guard !kept.reasons.isEmpty else { return .leaveOut(.neural) }
            let legs = Set(kept.reasons.compactMap(\.reason.side)).sorted().map(\.rawValue).joined(separator: " and ")
            let nerve = nerveSides.sorted().map(\.rawValue).joined(separator: " and ")
            let only = "Only the \(legs) leg: the \(nerve) leg showed a nerve sign, so do not stretch it."
            kept.exercise.dosage.note = only + (kept.exercise.dosage.note.map { " " + $0 } ?? "")
            return .keep(kept)
        }
        return .keep(draft)
    }

    /// Whether a left-out exercise's easier version may be offered in its place: not when the
    /// referral keeps every exercise out. (Only loaded work is replaced at all, so a stretch a
    /// no-stretching referral keeps out is never swapped for another stretch.)
    func offersRegression(after reason: PlanLeftOut.Reason) -> Bool {
        !(reason == .referral && referral != .soon) && reason != .neural && reason != .cap
    }
}
