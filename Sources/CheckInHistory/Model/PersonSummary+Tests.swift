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
