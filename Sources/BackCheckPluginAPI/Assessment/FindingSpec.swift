/// A finding an assessment declares, as a plugin sees it.
public struct FindingSpec: Sendable, Hashable {
    /// The finding's id.
    public var id: String
    /// Its title.
    public var title: String
    /// Where work for it goes in the plan.
    public var tier: Tier
    /// How soon to see a clinician, for `refer` findings.
    public var urgency: Urgency?

    /// Creates a finding description.
    public init(id: String, title: String, tier: Tier, urgency: Urgency? = nil) {
        self.id = id
        self.title = title
        self.tier = tier
        self.urgency = urgency
    }
}

/// Where a finding's work goes in the plan, in plan order.
public enum Tier: String, Sendable, Hashable, CaseIterable, Comparable {
    /// See a doctor or physiotherapist first.
    case refer
    /// Change how the lift is done.
    case technique
    /// Change how much is done.
    case load
    /// Restore range of motion.
    case mobility
    /// Get a muscle to do its share.
    case activation
    /// Build staying power.
    case endurance
    /// Build strength.
    case strength

    /// The plan's order: referral, technique, load, mobility, activation, endurance, strength.
    public static func < (lhs: Tier, rhs: Tier) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// How soon a referral must be acted on, most urgent first.
public enum Urgency: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Go to the emergency department now.
    case emergency
    /// See a doctor today.
    case sameDay = "same-day"
    /// Book a GP or physiotherapist appointment soon.
    case soon

    /// More urgent sorts first.
    public static func < (lhs: Urgency, rhs: Urgency) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
