import BackCheckPluginAPI

/// Where a referral, or part of one, that this report's own answers did not raise comes from:
/// an earlier check-in of the same person whose referral no clinician's check has been recorded
/// against since (`backcheck history checked`). It stands in the later report beside any
/// referral of its own answers, so that report's plan and program hold no loaded work until the
/// check is recorded (a review found a calendar of deadlifts saved while the history said
/// "clinician first").
public struct StandingReferral: Sendable, Hashable {
    /// The earlier check-in's id in the history store.
    public var checkIn: Int64
    /// When the earlier check-in's report was made (UTC, as `generated_at`).
    public var generatedAt: String

    /// Creates the origin of a standing referral.
    public init(checkIn: Int64, generatedAt: String) {
        self.checkIn = checkIn
        self.generatedAt = generatedAt
    }
}

extension Referral {
    /// The part of this referral that `report`'s own answers raised, once the earlier check-in
    /// it stood from is gone (`history delete`): its own reasons, with a message built from
    /// them; `nil` when it had none. Whether those reasons kept every exercise out is not kept
    /// in a report, so a `soon` one is taken to (the safe reading).
    package func ownPart(of report: Report) -> Referral? {
        let referring = Set(report.assessments.flatMap { assessment in
            assessment.findings.filter { $0.tier == .refer }.map { "\(assessment.id)|\($0.id)" }
        })
        let own = reasons.filter { referring.contains("\($0.assessment)|\($0.finding)") }
        guard let urgency = own.map(\.urgency).min() else { return nil }
        let mostUrgent = own.filter { $0.urgency == urgency && !$0.advice.isEmpty }
        let advice = urgency == .emergency
            ? ReferralBuilder.emergencyAdvice(mostUrgent)
            : ReferralBuilder.advice(mostUrgent.map(\.advice), urgency: urgency)
        let message = ([ReferralBuilder.headline(urgency, holdsExercise: true)] + advice).joined(separator: " ")
        return Referral(urgency: urgency, message: message, reasons: own)
    }

    /// This referral, from the report of check-in `checkIn` made at `generatedAt`, as it stands
    /// in a later report: the same reasons, and its urgency and message after a sentence saying
    /// where it comes from; an emergency stands as a same-day referral, with its own message. A
    /// referral that already stood from an earlier one keeps its origin.
    public func standing(since checkIn: Int64, generatedAt: String) -> Referral {
        guard standing == nil else { return self }
        var carried = self
        carried.standing = StandingReferral(checkIn: checkIn, generatedAt: generatedAt)
        let date = generatedAt.prefix(10)
        guard urgency == .emergency else {
            carried.message = "This referral comes from your check-in of \(date), and no check by a doctor or physiotherapist has been recorded since, so it still stands whatever today's answers show. " + message
            return carried
        }
        // "Call an ambulance now" is for the moment the signs are there: said again days later
        // over answers without them it would be wrong, and silence would be worse. Unless they
        // are back, it is now a same-day matter, and today's results are not withheld.
        carried.urgency = .sameDay
        let signs = distinctReasons.map { SentenceCase.lowercasingFirst($0.title) }.joined(separator: "; ")
        carried.message = "Your check-in of \(date) found signs that needed emergency care: \(signs). No check by a doctor has been recorded since. If you have not been seen about them, contact a doctor today, and do not train until you have been. If any of those signs is back, go to A&E now."
        return carried
    }
}
