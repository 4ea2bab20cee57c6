import BackCheckExpressions
import BackCheckPluginAPI
import BackCheckYAML
import NormativeEvaluator
import Testing

private let plugin = NormativePlugin()

@Suite("normative plugin: checking the scoring block")
struct NormativeValidationTests {
    @Test("an unknown norms table is reported with the closest id")
    func unknownNorms() {
        let checked = check(plugin, """
            scoring:
              norms: mcgil-test
              measures:
                flexor_hold: {norm: trunk_flexion, below_percentile: 25, finding: low-flexor-endurance}
            """, in: normativeContext)
        #expect(checked.evaluator == nil)
        #expect(checked.hasError(at: 2, 10, "unknown norms table 'mcgil-test'"), "\(checked.lines)")
        #expect(checked.hasError(at: 2, 10, "did you mean 'mcgill-test'?"), "\(checked.lines)")
        #expect(checked.errorCount == 1, "\(checked.lines)")
    }

    @Test("measures: unknown input, non-numeric input, unknown norm measure, each at its place")
    func measureNames() {
        let checked = check(plugin, """
            scoring:
              norms: mcgill-test
              measures:
                flexor_hold: {norm: trunk_flexon, below_percentile: 25, finding: low-flexor-endurance}
                stance: {norm: trunk_flexion, below_percentile: 25, finding: low-flexor-endurance}
                flexr_hold: {norm: trunk_flexion, below_percentile: 25, finding: low-flexor-endurance}
            """, in: normativeContext)
        #expect(checked.evaluator == nil)
        #expect(checked.hasError(at: 4, 25, "norms table 'mcgill-test' has no measure 'trunk_flexon'; did you mean 'trunk_flexion'?"),
                "\(checked.lines)")
        #expect(checked.hasError(at: 5, 5, "input 'stance' has type choice; a normative measure needs a number"), "\(checked.lines)")
        #expect(checked.hasError(at: 6, 5, "unknown input 'flexr_hold'"), "\(checked.lines)")
        #expect(checked.hasError(at: 6, 5, "did you mean 'flexor_hold'?"), "\(checked.lines)")
        #expect(checked.errorCount == 3, "\(checked.lines)")
    }

    @Test("an input measured in another unit than its norm is an error: seconds against degrees compares nothing")
    func unitsMustAgree() {
        let checked = check(plugin, """
            scoring:
              norms: mcgill-test
              measures:
                hip_angle: {norm: trunk_flexion, below_percentile: 25, finding: low-flexor-endurance}
            """, in: normativeContext)
        #expect(checked.evaluator == nil)
        #expect(checked.hasError(at: 4, 23, "input 'hip_angle' is in deg but measure 'trunk_flexion' of 'mcgill-test' is in s; a value is compared with norms in its own unit"),
                "\(checked.lines)")
        #expect(checked.errorCount == 1, "\(checked.lines)")
    }

    @Test("a measure's keys are checked: per-side norm on a one-sided input, cut-off, flag, typo, finding")
    func measureKeys() {
        let checked = check(plugin, """
            scoring:
              norms: mcgill-test
              measures:
                extensor_hold:
                  norm: {left: trunk_extension, right: trunk_extenson}
                  below_percentile: 0
                  finding: low-extensor-endurence
                  lower_is_better: yes
                  severty: 0.5
                side_bridge:
                  norm: {left: side_bridge_left}
                  below_percentile: 25
              rules: []
            """, in: normativeContext)
        #expect(checked.evaluator == nil)
        #expect(checked.hasError(at: 5, 44, "has no measure 'trunk_extenson'"), "\(checked.lines)")
        #expect(checked.hasError(at: 5, 13, "'norm' gives a measure per side, but input 'extensor_hold' is not bilateral"),
                "\(checked.lines)")
        #expect(checked.hasError(at: 6, 25, "below_percentile must be above 0 and at most 100, found 0"), "\(checked.lines)")
        #expect(checked.hasError(at: 7, 16, "unknown finding 'low-extensor-endurence'"), "\(checked.lines)")
        #expect(checked.hasError(at: 8, 24, "expected true or false, found the string \"yes\"; write true"), "\(checked.lines)")
        #expect(checked.hasError(at: 9, 7, "unknown key 'severty' in measure 'extensor_hold'; did you mean 'severity'?"),
                "\(checked.lines)")
        #expect(checked.hasError(at: 11, 13, "missing required key 'right' in a per-side norm"), "\(checked.lines)")
        #expect(checked.hasError(at: 11, 7, "missing required key 'finding' in measure 'side_bridge'"), "\(checked.lines)")
        #expect(checked.hasError(at: 13, 10, "the list of rules is empty"), "\(checked.lines)")
        #expect(checked.errorCount == 9, "\(checked.lines)")
    }

    @Test("a severity that is not a number, an empty measures mapping and a bad norm shape are errors")
    func shapes() {
        let checked = check(plugin, """
            scoring:
              norms: mcgill-test
              measures:
                flexor_hold: {norm: [trunk_flexion], below_percentile: 250, finding: low-flexor-endurance, severity: percentile > 3}
            """, in: normativeContext)
        #expect(checked.hasError(at: 4, 25, "expected a norms measure name or {left: name, right: name}, found a sequence"),
                "\(checked.lines)")
        #expect(checked.hasError(at: 4, 60, "below_percentile must be above 0 and at most 100, found 250"), "\(checked.lines)")
        #expect(checked.hasError(at: 4, 106, "severity must be a number 0 to 1 or an expression giving one"), "\(checked.lines)")
        let empty = check(plugin, """
            scoring:
              norms: mcgill-test
              measures: {}
            """, in: normativeContext)
        #expect(empty.hasError(at: 3, 13, "'measures' is empty"), "\(empty.lines)")
        #expect(checked.evaluator == nil && empty.evaluator == nil)
    }
}
