import BackCheckExpressions
import BackCheckPluginAPI
import BackCheckYAML
import FiringOrderEvaluator
import Testing

private let muscles = ["glute_max", "hamstrings", "lumbar_erectors", "contralateral_erectors"]

/// Prone hip extension: the order muscles were seen to fire, per side and once overall.
private let context = makeContext(
    inputs: [
        InputSpec(name: "hip_extension_onset", label: "Firing order", type: .sequence, bilateral: true, choices: muscles),
        InputSpec(name: "bridge_onset", label: "Bridge firing order", type: .sequence, optional: true, choices: muscles),
        InputSpec(name: "stance", label: "Stance", type: .choice, choices: ["narrow", "wide"]),
    ],
    findings: [FindingSpec(id: "erectors-lead", title: "Back muscles lead hip extension", tier: .activation)])

private let plugin = FiringOrderPlugin()

private let proneHipExtension = """
    scoring:
      sequence: hip_extension_onset
      expected_first: [glute_max, hamstrings]
      finding: erectors-lead
      severity: 0.4
    """

private func order(_ left: [String]?, _ right: [String]?) -> [String: Binding] {
    ["hip_extension_onset": .bilateral(left: left.map { .sequence($0) }, right: right.map { .sequence($0) })]
}

@Suite("firing-order plugin")
struct FiringOrderTests {
    @Test("another muscle leading raises the finding for that side, with evidence naming both")
    func erectorsLeadOnOneSide() throws {
        let scoring = try evaluator(plugin, proneHipExtension, in: context)
        let result = scoring.evaluate(answers(order(
            ["lumbar_erectors", "glute_max", "hamstrings"], ["glute_max", "hamstrings", "lumbar_erectors"])))
        #expect(result.findings.count == 1)
        let raised = try #require(finding(result, "erectors-lead", side: .left))
        #expect(raised.evidence == "left: lumbar_erectors moved first; expected glute_max or hamstrings first")
        #expect(close(raised.severity, 0.4))
        #expect(close(result.score, 60))
    }

    @Test("an expected leader on both sides raises nothing and scores 100")
    func expectedLeaders() throws {
        let scoring = try evaluator(plugin, proneHipExtension, in: context)
        let result = scoring.evaluate(answers(order(["hamstrings", "glute_max"], ["glute_max"])))
        #expect(result.findings.isEmpty)
        #expect(result.score == 100)
    }

    @Test("both sides led by the erectors raise the finding twice, once per side")
    func bothSides() throws {
        let scoring = try evaluator(plugin, proneHipExtension, in: context)
        let result = scoring.evaluate(answers(order(["lumbar_erectors"], ["contralateral_erectors", "glute_max"])))
        #expect(result.findings.map(\.side) == [.left, .right])
        #expect(finding(result, "erectors-lead", side: .right)?.evidence
            == "right: contralateral_erectors moved first; expected glute_max or hamstrings first")
        #expect(close(result.score, 60))
    }

    @Test("a one-sided sequence has no side prefix, and three leaders read 'a, b or c'")
    func unilateral() throws {
        let scoring = try evaluator(plugin, """
            scoring:
              sequence: bridge_onset
              expected_first: [glute_max, hamstrings, contralateral_erectors]
              finding: erectors-lead
              severity: 0.5
            """, in: context)
        let result = scoring.evaluate(answers(["bridge_onset": .single(.sequence(["lumbar_erectors"]))]))
        let raised = try #require(finding(result, "erectors-lead"))
        #expect(raised.evidence == "lumbar_erectors moved first; expected glute_max, hamstrings or contralateral_erectors first")
        #expect(close(result.score, 50))
    }

    @Test("an empty sequence is a note, not a finding; with nothing judged there is no score")
    func emptySequence() throws {
        let scoring = try evaluator(plugin, proneHipExtension, in: context)
        let oneSide = scoring.evaluate(answers(order([], ["glute_max"])))
        #expect(oneSide.findings.isEmpty)
        #expect(oneSide.score == 100)
        #expect(oneSide.notes == ["left: no muscle was recorded for 'Firing order', so the firing order was not judged."])
        let neither = scoring.evaluate(answers(order([], nil)))
        #expect(neither.score == nil)
        #expect(neither.notes.count == 2)
    }

    @Test("a severity expression is evaluated per side")
    func severityExpression() throws {
        let scoring = try evaluator(plugin, """
            scoring:
              sequence: hip_extension_onset
              expected_first: [glute_max]
              finding: erectors-lead
              severity: 0.2 + 0.1 * index(hip_extension_onset, 'glute_max')
            """, in: context)
        let result = scoring.evaluate(answers(order(
            ["lumbar_erectors", "hamstrings", "glute_max"], ["hamstrings", "glute_max"])))
        #expect(close(finding(result, "erectors-lead", side: .left)?.severity, 0.4))
        #expect(close(finding(result, "erectors-lead", side: .right)?.severity, 0.3))
        #expect(close(result.score, 60))
    }
}

@Suite("firing-order plugin: checking the scoring block")
struct FiringOrderValidationTests {
    @Test("the input must be a declared sequence input")
    func inputChecks() {
        let wrongType = check(plugin, """
            scoring:
              sequence: stance
              expected_first: [glute_max]
              finding: erectors-lead
              severity: 0.4
            """, in: context)
        #expect(wrongType.hasError(at: 2, 13, "input 'stance' has type choice; firing-order needs a sequence input"),
                "\(wrongType.lines)")
        let unknown = check(plugin, """
            scoring:
              sequence: hip_extension_onsett
              expected_first: [glute_max]
              finding: erectors-lead
              severity: 0.4
            """, in: context)
        #expect(unknown.hasError(at: 2, 13, "unknown input 'hip_extension_onsett'"), "\(unknown.lines)")
        #expect(unknown.hasError(at: 2, 13, "did you mean 'hip_extension_onset'?"), "\(unknown.lines)")
        #expect(wrongType.evaluator == nil && unknown.evaluator == nil)
        #expect(wrongType.errorCount == 1 && unknown.errorCount == 1)
    }

    @Test("expected_first must name the input's choices, and not be empty")
    func expectedFirstChecks() {
        let typo = check(plugin, """
            scoring:
              sequence: hip_extension_onset
              expected_first: [glute_max, hamstring]
              finding: erectors-lead
              severity: 0.4
            """, in: context)
        #expect(typo.hasError(at: 3, 31, "'hamstring' is not one of the sequence input's choices"), "\(typo.lines)")
        #expect(typo.hasError(at: 3, 31, "did you mean 'hamstrings'?"), "\(typo.lines)")
        let empty = check(plugin, """
            scoring:
              sequence: hip_extension_onset
              expected_first: []
              finding: erectors-lead
              severity: 0.4
            """, in: context)
        #expect(empty.hasError(at: 3, 19, "'expected_first' is empty"), "\(empty.lines)")
        #expect(typo.evaluator == nil && empty.evaluator == nil)
    }

    @Test("every choice expected first is a warning: the finding could never be raised")
    func everyChoiceExpected() {
        let checked = check(plugin, """
            scoring:
              sequence: hip_extension_onset
              expected_first: [glute_max, hamstrings, lumbar_erectors, contralateral_erectors]
              finding: erectors-lead
              severity: 0.4
            """, in: context)
        #expect(checked.hasWarning(at: 3, 19, "every choice is expected first"), "\(checked.lines)")
        #expect(checked.errorCount == 0)
        #expect(checked.evaluator != nil)
    }

    @Test("finding, severity and unknown keys are checked at their place")
    func otherKeys() {
        let checked = check(plugin, """
            scoring:
              sequence: hip_extension_onset
              expected_firts: [glute_max]
              finding: erector-lead
              severity: 2
            """, in: context)
        #expect(checked.evaluator == nil)
        // The misspelt key's own message says what was meant; "missing" is not said again.
        #expect(!checked.lines.contains { $0.contains("missing required key 'expected_first'") }, "\(checked.lines)")
        #expect(checked.hasError(at: 3, 3, "unknown key 'expected_firts' in the firing-order scoring block; did you mean 'expected_first'?"),
                "\(checked.lines)")
        #expect(checked.hasError(at: 4, 12, "unknown finding 'erector-lead'"), "\(checked.lines)")
        #expect(checked.hasError(at: 5, 13, "severity must be 0 to 1, found 2"), "\(checked.lines)")
        #expect(checked.errorCount == 3, "\(checked.lines)")
    }
}
