import BackCheckExpressions
import BackCheckPluginAPI
import BackCheckYAML
import NormativeEvaluator
import Testing
import TestSupport

private let plugin = NormativePlugin()
private let women = Profile(sex: .female, age: 29)

private let enduranceBattery = """
    scoring:
      norms: mcgill-test
      measures:
        flexor_hold: {norm: trunk_flexion, below_percentile: 25, finding: low-flexor-endurance}
        extensor_hold: {norm: trunk_extension, below_percentile: 25, finding: low-extensor-endurance}
        side_bridge: {norm: {left: side_bridge_left, right: side_bridge_right}, below_percentile: 25, finding: low-side-bridge-endurance}
    """

@Suite("normative plugin")
struct NormativeTests {
    @Test("a hold below the cut-off raises the finding with the percentile, the norm and the target")
    func belowCutOff() throws {
        let scoring = try evaluator(plugin, enduranceBattery, in: normativeContext)
        let result = scoring.evaluate(answers(
            ["flexor_hold": number(60), "extensor_hold": number(200), "side_bridge": sides(90, 90)], profile: women))
        let raised = try #require(finding(result, "low-flexor-endurance"))
        let percentile = expectedPercentile(60, mean: 149, sd: 99)
        #expect((18...19).contains(percentile))
        #expect(raised.evidence
            == "flexor hold 60 s is at the 18th percentile for women (mcgill-test mean 149 s); target: at least the 25th percentile")
        #expect(close(raised.severity, expectedSeverity(percentile: percentile, cutOff: 25)))
        #expect(result.findings.count == 1)
        let subScores = [expectedSubScore(60, mean: 149, sd: 99), 100, 100, 100]
        let mean = subScores.reduce(0, +) / 4
        #expect(close(result.score, min(mean, 100 - 100 * raised.severity)))
        #expect(result.notes.isEmpty)
    }

    @Test("a bilateral input is compared per side with its per-side norms; the finding carries the side")
    func perSideNorms() throws {
        let scoring = try evaluator(plugin, enduranceBattery, in: normativeContext)
        let result = scoring.evaluate(answers(
            ["flexor_hold": number(149), "extensor_hold": number(185), "side_bridge": sides(40, 80)], profile: women))
        #expect(result.findings.map(\.side) == [.left])
        let left = try #require(finding(result, "low-side-bridge-endurance", side: .left))
        #expect(left.evidence
            == "left side bridge 40 s is at the 15th percentile for women (mcgill-test mean 72 s); target: at least the 25th percentile")
        let severity = expectedSeverity(percentile: expectedPercentile(40, mean: 72, sd: 31), cutOff: 25)
        #expect(close(left.severity, severity))
        let subScores = [100, 100, expectedSubScore(40, mean: 72, sd: 31), expectedSubScore(80, mean: 77, sd: 35)]
        #expect(close(result.score, min(subScores.reduce(0, +) / 4, 100 - 100 * severity)))
    }

    @Test("without a sex the stricter norm is used, and a note says so once")
    func noSex() throws {
        let scoring = try evaluator(plugin, enduranceBattery, in: normativeContext)
        let result = scoring.evaluate(answers(["flexor_hold": number(60), "extensor_hold": number(100), "side_bridge": sides(40, 40)]))
        // trunk_flexion: women's mean (149) is higher than men's (144); side bridge: men's is.
        #expect(finding(result, "low-flexor-endurance")?.evidence.contains("for women, the stricter norm (mcgill-test mean 149 s)") == true)
        #expect(finding(result, "low-side-bridge-endurance", side: .left)?.evidence
            .contains("for men, the stricter norm (mcgill-test mean 94 s)") == true)
        #expect(finding(result, "low-extensor-endurance")?.evidence.contains("for men, the stricter norm") == true)
        #expect(result.notes.filter { $0.contains("No sex was given") }.count == 1)
        #expect(result.notes.count == 1)
    }

    @Test("lower_is_better mirrors the percentile and the sub-score")
    func lowerIsBetter() throws {
        let scoring = try evaluator(plugin, """
            scoring:
              norms: mcgill-test
              measures:
                five_sit_to_stand: {norm: sit_to_stand_time, below_percentile: 25, finding: slow-sit-to-stand, lower_is_better: true}
            """, in: normativeContext)
        let slow = scoring.evaluate(answers(["five_sit_to_stand": number(14)], profile: women))
        let percentile = 100 - expectedPercentile(14, mean: 11, sd: 2)
        let raised = try #require(finding(slow, "slow-sit-to-stand"))
        #expect(raised.evidence
            == "five sit-to-stands 14 s is at the 7th percentile for women (mcgill-test mean 11 s; lower is better); target: at least the 25th percentile")
        let severity = expectedSeverity(percentile: percentile, cutOff: 25)
        #expect(close(raised.severity, severity))
        #expect(close(slow.score, min(100 * (1 - 3.0 / 4), 100 - 100 * severity)))
        let quick = scoring.evaluate(answers(["five_sit_to_stand": number(9)], profile: women))
        #expect(quick.findings.isEmpty)
        #expect(quick.score == 100)
    }

    /// Knee angle against the age-banded knee_extension norm, flagged below the 10th percentile.
    static func kneeAngleScoring() throws -> any Evaluator {
        try evaluator(plugin, """
            scoring:
              norms: mcgill-test
              measures:
                knee_angle: {norm: knee_extension, below_percentile: 10, finding: tight-hamstrings}
            """, in: normativeContext)
    }

    @Test("the age band that holds the profile's age is used", arguments: [
        (30.0, "below the 1st percentile for men aged 25 to 40 (mcgill-test mean 25 deg)"),
        (20.0, "at the 2nd percentile for men aged 18 to 24 (mcgill-test mean 20 deg)"),
    ])
    func ageBands(age: Double, phrase: String) throws {
        let scoring = try Self.kneeAngleScoring()
        let result = scoring.evaluate(answers(["knee_angle": sides(10, 30)], profile: Profile(sex: .male, age: age)))
        #expect(result.findings.map(\.side) == [.left])
        #expect(finding(result, "tight-hamstrings", side: .left)?.evidence == "left knee angle short of straight 10 deg is \(phrase); target: at least the 10th percentile")
    }

    @Test("without an age the first age band is used, and a note says so")
    func noAge() throws {
        let scoring = try Self.kneeAngleScoring()
        let result = scoring.evaluate(answers(["knee_angle": sides(10, 10)], profile: Profile(sex: .male)))
        #expect(finding(result, "tight-hamstrings", side: .right)?.evidence.contains("for men aged 18 to 24") == true)
        #expect(result.notes == [
            "No age was given in the profile, so measures with age bands in mcgill-test were compared with the first band.",
        ])
    }

    @Test("an age outside every band is compared with the nearest band, and a note says so")
    func ageOutsideTheBands() throws {
        let scoring = try Self.kneeAngleScoring()
        let result = scoring.evaluate(answers(["knee_angle": sides(10, 10)], profile: Profile(sex: .male, age: 70)))
        #expect(finding(result, "tight-hamstrings", side: .right)?.evidence.contains("for men aged 25 to 40") == true)
        #expect(result.notes == [
            "Your age is outside the age bands of mcgill-test for some measures, so they were compared with the nearest band; read those percentiles as a rough guide.",
        ])
        let inside = scoring.evaluate(answers(["knee_angle": sides(10, 10)], profile: Profile(sex: .male, age: 30)))
        #expect(inside.notes.isEmpty)
    }

    @Test("a measure's severity expression can read the percentile")
    func severityExpression() throws {
        let scoring = try evaluator(plugin, """
            scoring:
              norms: mcgill-test
              measures:
                flexor_hold: {norm: trunk_flexion, below_percentile: 25, finding: low-flexor-endurance, severity: 1 - percentile / 100}
            """, in: normativeContext)
        let result = scoring.evaluate(answers(["flexor_hold": number(60)], profile: women))
        #expect(close(finding(result, "low-flexor-endurance")?.severity, 1 - expectedPercentile(60, mean: 149, sd: 99) / 100))
    }

    @Test("a severity reading another answer beside the percentile sees both")
    func severityReadingAnotherAnswer() throws {
        let scoring = try evaluator(plugin, """
            scoring:
              norms: mcgill-test
              measures:
                flexor_hold: {norm: trunk_flexion, below_percentile: 25, finding: low-flexor-endurance, severity: 1 - percentile / 100 - extensor_hold / 10000}
            """, in: normativeContext)
        let result = scoring.evaluate(answers(["flexor_hold": number(60), "extensor_hold": number(200)], profile: women))
        #expect(close(finding(result, "low-flexor-endurance")?.severity, 1 - expectedPercentile(60, mean: 149, sd: 99) / 100 - 0.02))
    }

    @Test("a skipped optional measure is a note and is left out of the mean")
    func skippedMeasure() throws {
        let scoring = try evaluator(plugin, enduranceBattery, in: normativeContext)
        let result = scoring.evaluate(answers(
            ["flexor_hold": number(100), "extensor_hold": number(nil), "side_bridge": sides(72, 77)], profile: women))
        #expect(result.notes == ["Extensor hold was not answered, so it is left out of the score."])
        let flexor = expectedSubScore(100, mean: 149, sd: 99)
        #expect(result.findings.isEmpty)
        #expect(close(result.score, (flexor + 100 + 100) / 3))
    }

    @Test("findings cap the score at 100 - 100 x the largest severity")
    func severityCap() throws {
        let scoring = try evaluator(plugin, enduranceBattery, in: normativeContext)
        let result = scoring.evaluate(answers(
            ["flexor_hold": number(300), "extensor_hold": number(100), "side_bridge": sides(200, 200)], profile: women))
        let severity = expectedSeverity(percentile: expectedPercentile(100, mean: 185, sd: 60), cutOff: 25)
        let mean = (100 + expectedSubScore(100, mean: 185, sd: 60) + 100 + 100) / 4
        #expect(100 - 100 * severity < mean)
        #expect(close(result.score, 100 - 100 * severity))
    }

    @Test("rules raise findings from ratios, and their severity caps the score too")
    func ratioRule() throws {
        let scoring = try evaluator(plugin, """
            scoring:
              norms: mcgill-test
              measures:
                flexor_hold: {norm: trunk_flexion, below_percentile: 25, finding: low-flexor-endurance}
                extensor_hold: {norm: trunk_extension, below_percentile: 25, finding: low-extensor-endurance}
              rules:
                - when: ratio(flexor_hold, extensor_hold) >= 1.0
                  finding: extensor-deficit
                  severity: 0.5
            """, in: normativeContext)
        let result = scoring.evaluate(answers(["flexor_hold": number(220), "extensor_hold": number(200)], profile: women))
        #expect(result.findings.map(\.id) == ["extensor-deficit"])
        #expect(close(result.score, 50))
        let zero = scoring.evaluate(answers(["flexor_hold": number(220), "extensor_hold": number(0)], profile: women))
        #expect(zero.notes.contains { $0.contains("ratio(flexor_hold, extensor_hold) >= 1.0") })
        #expect(!zero.findings.contains { $0.id == "extensor-deficit" })
    }

    @Test("percentiles read as ordinals", arguments: [
        (1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"), (21, "21st"),
        (22, "22nd"), (23, "23rd"), (42, "42nd"), (93, "93rd"),
    ])
    func ordinals(percentile: Int, text: String) throws {
        let scoring = try evaluator(plugin, """
            scoring:
              norms: mcgill-test
              measures:
                flexor_hold: {norm: trunk_flexion, below_percentile: 100, finding: low-flexor-endurance}
            """, in: normativeContext)
        let hold = value(atPercentile: Double(percentile) + 0.2, mean: 149, sd: 99)
        let result = scoring.evaluate(answers(["flexor_hold": number(hold)], profile: women))
        let evidence = try #require(finding(result, "low-flexor-endurance")?.evidence)
        #expect(evidence.contains("is at the \(text) percentile for women"), "\(evidence)")
        #expect(evidence.hasSuffix("target: at least the 100th percentile"))
    }

    @Test("no measure answered gives no score, with a note")
    func nothingAnswered() throws {
        let scoring = try evaluator(plugin, enduranceBattery, in: normativeContext)
        let result = scoring.evaluate(answers([:], profile: women))
        #expect(result.score == nil)
        #expect(result.notes.count == 5)
    }

    @Test("property: a longer hold never scores worse and never has a lower percentile")
    func longerHoldNeverWorse() throws {
        let scored = try evaluator(plugin, """
            scoring:
              norms: mcgill-test
              measures:
                flexor_hold: {norm: trunk_flexion, below_percentile: 25, finding: low-flexor-endurance}
            """, in: normativeContext)
        // With the cut-off at 100 every hold raises the finding, and its severity is the percentile.
        let percentiles = try evaluator(plugin, """
            scoring:
              norms: mcgill-test
              measures:
                flexor_hold: {norm: trunk_flexion, below_percentile: 100, finding: low-flexor-endurance, severity: percentile / 100}
            """, in: normativeContext)
        var random = SeededGenerator(seed: 0x0A0D_0003)
        let profiles = [women, Profile(sex: .male, age: 40), Profile()]
        for _ in 0..<300 {
            let shorter = Double.random(in: 0...400, using: &random)
            let longer = shorter + Double.random(in: 0...100, using: &random)
            for profile in profiles {
                let before = try #require(scored.evaluate(answers(["flexor_hold": number(shorter)], profile: profile)).score)
                let after = try #require(scored.evaluate(answers(["flexor_hold": number(longer)], profile: profile)).score)
                #expect(after >= before, "\(longer) s scored \(after) < \(before) for \(shorter) s")
                let low = try #require(percentiles.evaluate(answers(["flexor_hold": number(shorter)], profile: profile)).findings.first)
                let high = try #require(percentiles.evaluate(answers(["flexor_hold": number(longer)], profile: profile)).findings.first)
                #expect(high.severity >= low.severity)
            }
        }
    }

    @Test("property: with lower_is_better a slower time never scores better")
    func slowerNeverBetter() throws {
        let scoring = try evaluator(plugin, """
            scoring:
              norms: mcgill-test
              measures:
                five_sit_to_stand: {norm: sit_to_stand_time, below_percentile: 25, finding: slow-sit-to-stand, lower_is_better: true}
            """, in: normativeContext)
        var random = SeededGenerator(seed: 0x0A0D_0004)
        for _ in 0..<300 {
            let quicker = Double.random(in: 3...25, using: &random)
            let slower = quicker + Double.random(in: 0...5, using: &random)
            let before = try #require(scoring.evaluate(answers(["five_sit_to_stand": number(quicker)], profile: women)).score)
            let after = try #require(scoring.evaluate(answers(["five_sit_to_stand": number(slower)], profile: women)).score)
            #expect(after <= before)
        }
    }
}
