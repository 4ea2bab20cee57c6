internal import AssessmentKit

extension AssessmentReport {
    /// Whether the history counts this among a check-in's tests when comparing check-ins: not
    /// a test stopped for pain (its numbers do not count) nor the red-flag screen (its findings
    /// are referrals, which the listings show apart).
    var isComparedTest: Bool { !voided && !isRedFlagScreen }
}

extension PersonSummary {
    /// Fills in the tests of the first and latest check-in and their findings on the tests both
    /// ran, from each report's findings count by test. Left empty (so the counts compare as
    /// they are) when either report cannot be read.
    mutating func compareTests(first: [String: Int]?, latest: [String: Int]?) {
        guard let first, let latest else { return }
        firstTests = first.keys.sorted()
        latestTests = latest.keys.sorted()
        let common = Set(first.keys).intersection(latest.keys)
        firstCommonFindings = common.reduce(0) { $0 + (first[$1] ?? 0) }
        latestCommonFindings = common.reduce(0) { $0 + (latest[$1] ?? 0) }
    }
}

extension PersonSummary {
    /// Whether the latest check-in's red-flag screen was left unfinished (`incomplete`): its
    /// report asked for the screen before anything else, as a listing should.
    public var latestScreenUnfinished: Bool { latestReferral == nil && latestScreening == "incomplete" }
}
