import BackCheckExpressions
import BackCheckPluginAPI

/// One exercise the findings asked for, before the plan is gated, ranked and capped.
struct PlanDraft {
    var exercise: Exercise
    /// The findings that asked for it, each once, with the tier of each.
    private(set) var reasons: [(reason: PlanReason, tier: Tier)] = []

    init(exercise: Exercise) { self.exercise = exercise }

    /// Σ severity × evidence weight (× the asymmetry raise) over the findings.
    var priority: Double { reasons.reduce(0) { $0 + $1.reason.contribution } }

    /// The tier of the finding that contributes most; ties go to the earlier tier (spec 7.1).
    /// A finding raised on both sides contributes both sides' parts: it is one finding.
    var tier: Tier {
        var findings: [(assessment: String, finding: String, tier: Tier, contribution: Double)] = []
        for (reason, tier) in reasons {
            if let index = findings.firstIndex(where: { $0.assessment == reason.assessment && $0.finding == reason.finding }) {
                findings[index].contribution += reason.contribution
            } else {
                findings.append((reason.assessment, reason.finding, tier, reason.contribution))
            }
        }
        return findings.min { a, b in
            let (ca, cb) = (Rounding.twoDecimals(a.contribution), Rounding.twoDecimals(b.contribution))
            return ca != cb ? ca > cb : a.tier < b.tier
        }?.tier ?? .strength
    }

    /// Adds a finding unless it is there already.
    mutating func add(_ reason: PlanReason, tier: Tier) {
        guard !reasons.contains(where: { $0.reason.names(reason.assessment, reason.finding, reason.side) }) else { return }
        reasons.append((reason, tier))
    }

    /// Adds every finding of `other` (a regression takes over the findings of what it replaces).
    mutating func merge(_ other: PlanDraft) {
        for (reason, tier) in other.reasons { add(reason, tier: tier) }
    }

    /// Whether one of its findings is `finding`.
    func covers(_ finding: MajorFinding) -> Bool {
        reasons.contains { $0.reason.names(finding.assessment, finding.finding, finding.side) }
    }

    /// `drafts` in rank order: priority first, then the tier order, then the id, so the same
    /// answers always give the same plan (spec 7, second edition). Priorities compare as
    /// shown, to 2 decimals. Each draft's priority and tier are worked out once, not at every
    /// comparison (the tier takes a pass over its findings).
    static func ranked(_ drafts: some Sequence<PlanDraft>) -> [PlanDraft] {
        drafts.map { (draft: $0, priority: Rounding.twoDecimals($0.priority), tier: $0.tier) }
            .sorted { a, b in
                if a.priority != b.priority { return a.priority > b.priority }
                if a.tier != b.tier { return a.tier < b.tier }
                return a.draft.exercise.id < b.draft.exercise.id
            }
            .map(\.draft)
    }
}

/// A finding of severity 0.4 or more: the cap may not leave it without an exercise while room
/// can be made (spec 7).
struct MajorFinding {
    static let severity = 0.4

    var assessment: String
    var finding: String
    var title: String
    var side: Side?
    var contribution: Double
    /// The exercises its recommendations name (those whose `when` held), in the author's order.
    var exercises: [String]

    var label: String { side.map { "\(title) (\($0.rawValue))" } ?? title }
}

extension PlanReason {
    func names(_ assessment: String, _ finding: String, _ side: Side?) -> Bool {
        self.assessment == assessment && self.finding == finding && self.side == side
    }
}

extension Exercise {
    /// "Loaded work" (spec 6): it loads the back or the lift, or it keeps training load up.
    var isLoadedWork: Bool { loaded }

    /// A stretch or a range-of-motion drill: what a `no_stretching` referral keeps out.
    var isStretchOrMobility: Bool { kind == .stretch || kind == .mobility }
}
