import BackCheckExpressions

extension PlanReason {
    /// The order a plan item lists its findings in: the largest contribution first, then by
    /// assessment, finding and side (left before right, a finding without a side first), so the
    /// same answers give the same `because` whatever order their answers file lists the tests in.
    static func listsBefore(_ a: PlanReason, _ b: PlanReason) -> Bool {
        if a.contribution != b.contribution { return a.contribution > b.contribution }
        if a.assessment != b.assessment { return a.assessment < b.assessment }
        if a.finding != b.finding { return a.finding < b.finding }
        return (a.side?.rawValue ?? "") < (b.side?.rawValue ?? "")
    }
}
