import BackCheckYAML
import AssessmentKit
import BackCheckExpressions
import Testing

@Suite struct ComparisonTests {
    static func report(left: Double, right: Double, hold: Int) throws -> Report {
        try TestCatalogue.report("answers:\n  hip-test: {angle: {left: \(left), right: \(right)}}\n  core-test: {hold: \(hold)}\n")
    }

    static func change(_ comparison: Comparison, _ input: String, _ side: Side?) -> InputChange? {
        comparison.assessments.flatMap(\.inputs).first { $0.input == input && $0.side == side }
    }

    @Test func changesBeyondTheMDCAreJudgedByTheFlaggedValues() throws {
        let comparison = Comparison(earlier: try Self.report(left: 12, right: -5, hold: 30), later: try Self.report(left: 3, right: 4, hold: 80))
        // left 12 → 3: still above 0 but 9 deg nearer the way out, more than the MDC of 5.
        #expect(Self.change(comparison, "angle", .left)?.verdict == .improved)
        #expect(Self.change(comparison, "angle", .left)?.change == -9)
        // right -5 → 4: into the values that raise the finding.
        #expect(Self.change(comparison, "angle", .right)?.verdict == .worse)
        #expect(Self.change(comparison, "hold", nil)?.verdict == .improved)
    }

    @Test func changesWithinTheMDCAreMeasurementError() throws {
        let comparison = Comparison(earlier: try Self.report(left: 12, right: -5, hold: 30), later: try Self.report(left: 9, right: -5, hold: 38))
        #expect(Self.change(comparison, "angle", .left)?.verdict == .withinMeasurementError)
        #expect(Self.change(comparison, "angle", .right)?.verdict == .unchanged)
        #expect(Self.change(comparison, "hold", nil)?.verdict == .withinMeasurementError)
        let text = ComparisonExport.render(comparison, format: .text)
        #expect(text.contains("left Thigh angle: 12 deg → 9 deg (-3), within measurement error (MDC 5)"))
    }

    @Test func findingsResolvedAndNewAreListed() throws {
        let comparison = Comparison(earlier: try Self.report(left: 12, right: -5, hold: 30), later: try Self.report(left: -8, right: 4, hold: 80))
        let hip = try #require(comparison.assessments.first { $0.id == "hip-test" })
        #expect(hip.resolved.map(\.label) == ["Tight hip (left)"])
        #expect(hip.new.map(\.label) == ["Tight hip (right)"])
        let core = try #require(comparison.assessments.first { $0.id == "core-test" })
        #expect(core.resolved.map(\.id) == ["weak-core"])
        #expect(core.scoreBefore == 50 && core.scoreAfter == 100)
        let json = ComparisonExport.json(comparison)
        #expect(json["schema"] == .string("backcheck.comparison/1"))
    }
}
