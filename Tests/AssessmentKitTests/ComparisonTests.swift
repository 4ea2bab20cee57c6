import BackCheckPluginAPI
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

    /// Found by a review: " Sam " and "Sam", one person to the history, were called two people.
    @Test func namesDifferingOnlyInSpacesAreOnePersonButCapitalsAreNot() throws {
        var earlier = try Self.report(left: 10, right: 10, hold: 60)
        var later = earlier
        earlier.profile.name = "Sam"
        later.profile.name = " Sam\u{00A0} "
        #expect(Comparison.personMismatch(earlier: earlier, later: later) == nil)
        later.profile.name = "sam"
        #expect(Comparison.personMismatch(earlier: earlier, later: later)?.contains("different people") == true)
    }

    @Test func changesBeyondTheMDCAreJudgedByTheFlaggedValues() throws {
        let comparison = Comparison(earlier: try Self.report(left: 12, right: -5, hold: 30), later: try Self.report(left: 3, right: 4, hold: 80))
        // left 12 → 3: still above 0 but 9 deg nearer the way out, more than the MDC of 5.
        #expect(Self.change(comparison, "angle", .left)?.verdict == .improved)
        #expect(Self.change(comparison, "angle", .left)?.change == -9)
        // right -5 → 4: into the values that raise the finding.
        #expect(Self.change(comparison, "angle", .right)?.verdict == .worse)
        #expect(Self.change(comparison, "hold", nil)?.verdict == .improved)
        // Crossing into or out of the flagged values is said, as more than noise.
        #expect(Self.change(comparison, "angle", .right)?.enteredFlagged == true)
        #expect(Self.change(comparison, "hold", nil)?.enteredFlagged == false)
        #expect(Self.change(comparison, "angle", .left)?.enteredFlagged == nil)
        let hold = try #require(Self.change(comparison, "hold", nil))
        #expect(ComparisonExport.sentence(hold).hasSuffix("improved (now clear of the values that raise a finding)"), "\(ComparisonExport.sentence(hold))")
    }

    @Test func changesWithinTheMDCAreMeasurementError() throws {
        let comparison = Comparison(earlier: try Self.report(left: 12, right: -5, hold: 30), later: try Self.report(left: 9, right: -5, hold: 38))
        #expect(Self.change(comparison, "angle", .left)?.verdict == .withinMeasurementError)
        #expect(Self.change(comparison, "angle", .right)?.verdict == .unchanged)
        #expect(Self.change(comparison, "hold", nil)?.verdict == .withinMeasurementError)
        let text = ComparisonExport.render(comparison, format: .text)
        #expect(text.replacing("\n    ", with: " ").contains("left Thigh angle: 12 deg → 9 deg (-3), within the test's measurement error of 5 deg"), "\(text)")
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

    @Test("a finding that came or went while its answers moved within the MDC is not called resolved or new (spec 3.1)")
    func crossingTheCutOffWithinTheMDCIsNotARealChange() throws {
        // left 2 → -1 and right -1 → 2: each 3 deg, under the MDC of 5, yet each crosses 0.
        let comparison = Comparison(earlier: try Self.report(left: 2, right: -1, hold: 60), later: try Self.report(left: -1, right: 2, hold: 60))
        let hip = try #require(comparison.assessments.first { $0.id == "hip-test" })
        #expect(hip.resolved.isEmpty && hip.new.isEmpty)
        #expect(hip.goneWithinMeasurementError.map(\.label) == ["Tight hip (left)"])
        #expect(hip.newWithinMeasurementError.map(\.label) == ["Tight hip (right)"])
        let text = ComparisonExport.render(comparison, format: .text)
        #expect(!text.contains("resolved:") && !text.contains("new:"))
        #expect(text.contains("no longer flagged, but no answer moved beyond measurement error, so not a\n    real change: Tight hip (left)"))
        let json = ComparisonExport.json(comparison)
        guard case .array(let assessments)? = json["assessments"], case .object(let members)? = assessments.first else {
            Issue.record("no assessments in the JSON")
            return
        }
        let fields = Dictionary(members, uniquingKeysWith: { first, _ in first })
        #expect(fields["resolved"] == .array([]))
        #expect(fields["gone_within_measurement_error"] != .array([]))
        // A real change on the same side still resolves it.
        let real = Comparison(earlier: try Self.report(left: 2, right: -1, hold: 60), later: try Self.report(left: -6, right: -1, hold: 60))
        #expect(real.assessments.first { $0.id == "hip-test" }?.resolved.map(\.label) == ["Tight hip (left)"])
    }

    @Test("a referral that is not raised now is still said to stand, in every format, until the person has been checked")
    func anEarlierReferralIsNotDroppedSilently() throws {
        let referred = try TestCatalogue.report("answers:\n  screen: {numb: false, fever: false, long: true}\n  core-test: {hold: 30}\n")
        let clear = try TestCatalogue.report("answers:\n  \(TestCatalogue.clearScreen)\n  core-test: {hold: 30}\n")
        #expect(referred.referral?.urgency == .soon && clear.referral == nil)
        let comparison = Comparison(earlier: referred, later: clear)
        #expect(comparison.earlierReferral == referred.referral)
        for format in [ReportFormat.text, .markdown, .html] {
            let rendered = ComparisonExport.render(comparison, format: format)
            #expect(rendered.contains("easing pain does not cancel it"), "\(format)")
        }
        let json = ComparisonExport.json(comparison)
        #expect(json["earlier_referral"]?["urgency"] == .string("soon"))
        // Still referred, or never referred: nothing to say.
        #expect(Comparison(earlier: referred, later: referred).earlierReferral == nil)
        #expect(ComparisonExport.json(Comparison(earlier: clear, later: clear))["earlier_referral"] == nil)
        // After an emergency the wording says what to do if the signs come back.
        let emergency = try TestCatalogue.report("answers:\n  screen: {numb: true, fever: false, long: false}\n")
        #expect(emergency.referral?.urgency == .emergency)
        let afterEmergency = ComparisonExport.render(Comparison(earlier: emergency, later: clear), format: .markdown)
        #expect(afterEmergency.contains("call an ambulance or go to an emergency department at once if they come back"), "\(afterEmergency)")
    }
}
