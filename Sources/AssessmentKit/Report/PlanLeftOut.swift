/// An exercise a finding asked for that the plan does not hold, and why (spec 7.1,
/// `plan_left_out`), so an app need not parse the plan notes.
public struct PlanLeftOut: Sendable, Hashable {
    /// Why an exercise was left out. When several apply, the first in this order is given.
    public enum Reason: String, Sendable, Hashable, CaseIterable, Comparable {
        /// A referral: loaded work waits (all work, for a same-day or emergency referral).
        case referral
        /// The red-flag screen is not complete: loaded work waits for it.
        case unscreened
        /// The lift pattern hurts: its loaded exercises wait, their regressions are offered.
        case painfulLift = "painful-lift"
        /// A recent back injury or operation: loaded work waits for the clinician's clearance
        /// (after a spinal fracture at any time, loaded squats and hinges do).
        case history
        /// A nerve-tension sign (a positive straight-leg raise): no stretching into the nerve, on
        /// either leg.
        case neural
        /// The plan is full (`--max-exercises`).
        case cap

        /// Earlier reasons take precedence.
        public static func < (lhs: Reason, rhs: Reason) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// The exercise's id.
    public var exercise: String
    /// The exercise's name, for sentences.
    public var name: String
    /// Why it is not in the plan.
    public var reason: Reason

    /// Creates an entry.
    public init(exercise: String, name: String, reason: Reason) {
        self.exercise = exercise
        self.name = name
        self.reason = reason
    }
}
