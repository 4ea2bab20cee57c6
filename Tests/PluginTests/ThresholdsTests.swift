import BackCheckExpressions
import BackCheckPluginAPI
import BackCheckYAML
import Testing
import TestSupport
import ThresholdsEvaluator

/// A Thomas-test-like assessment: bilateral angles, holds, one optional input.
private let context = makeContext(
    inputs: [
        InputSpec(name: "hip_angle", label: "Thigh angle to the horizontal", type: .number, unit: "deg",
                  range: -40...40, bilateral: true),
        InputSpec(name: "side_bridge", label: "Side bridge hold", type: .duration, unit: "s", bilateral: true),
        InputSpec(name: "flexor_hold", label: "Flexor hold", type: .duration, unit: "s"),
        InputSpec(name: "extensor_hold", label: "Extensor hold", type: .duration, unit: "s", optional: true),
    ],
    findings: [
        FindingSpec(id: "iliopsoas-tightness", title: "Tight iliopsoas", tier: .mobility),
        FindingSpec(id: "side-bridge-asymmetry", title: "Uneven side bridge", tier: .endurance),
        FindingSpec(id: "extensor-deficit", title: "Weak extensors", tier: .endurance),
    ])

private let plugin = ThresholdsPlugin()

@Suite("thresholds plugin")
struct ThresholdsTests {
    @Test("a bare bilateral name raises the finding for the side that meets the rule")
    func perSideFinding() throws {
        let scoring = try evaluator(plugin, """
            scoring:
              rules:
                - when: hip_angle > 0
                  finding: iliopsoas-tightness
                  severity: clamp(hip_angle / 15, 0.3, 1)
            """, in: context)
        let result = scoring.evaluate(answers(["hip_angle": sides(8, -12)]))
        #expect(result.findings.count == 1)
        let left = try #require(finding(result, "iliopsoas-tightness", side: .left))
        #expect(close(left.severity, 8.0 / 15))
        #expect(left.evidence == "left hip_angle 8 deg; rule: hip_angle > 0")
        #expect(close(result.score, 100 - 100 * 8.0 / 15))
        #expect(result.notes.isEmpty)
        // Just over the line: hundredths would print "0" beside "> 0".
        let near = scoring.evaluate(answers(["hip_angle": sides(0.004, -12)]))
        #expect(try #require(finding(near, "iliopsoas-tightness", side: .left)).evidence == "left hip_angle 0.004 deg; rule: hip_angle > 0")
    }

    @Test("a finding raised by several rules is kept once per side, at its highest severity")
    func mostSeverePerSide() throws {
        let scoring = try evaluator(plugin, """
            scoring:
              rules:
                - when: hip_angle > 0
                  finding: iliopsoas-tightness
                  severity: 0.3
                - when: hip_angle > 5
                  finding: iliopsoas-tightness
                  severity: 0.7
            """, in: context)
        let result = scoring.evaluate(answers(["hip_angle": sides(8, 3)]))
        #expect(result.findings.count == 2)
        #expect(close(finding(result, "iliopsoas-tightness", side: .left)?.severity, 0.7))
        #expect(close(finding(result, "iliopsoas-tightness", side: .right)?.severity, 0.3))
        #expect(close(result.score, 30))
    }

    @Test("nothing raised scores 100")
    func nothingRaised() throws {
        let scoring = try evaluator(plugin, """
            scoring:
              rules:
                - when: hip_angle > 0
                  finding: iliopsoas-tightness
                  severity: 0.5
            """, in: context)
        let result = scoring.evaluate(answers(["hip_angle": sides(-5, -12)]))
        #expect(result.findings.isEmpty)
        #expect(result.score == 100)
    }

    @Test("side: weaker_side(x) pins the finding to the weaker side", arguments: [
        (60.0, 85.0, Side.left), (85.0, 60.0, Side.right),
    ])
    func weakerSide(left: Double, right: Double, weaker: Side) throws {
        let scoring = try evaluator(plugin, """
            scoring:
              rules:
                - when: asymmetry(side_bridge) > 0.2
                  finding: side-bridge-asymmetry
                  severity: 0.5
                  side: weaker_side(side_bridge)
            """, in: context)
        let result = scoring.evaluate(answers(["side_bridge": sides(left, right)]))
        #expect(result.findings.map(\.side) == [weaker])
        #expect(close(result.score, 50))
    }

    @Test("side: right pins a rule without bilateral names to the right side")
    func fixedSide() throws {
        let scoring = try evaluator(plugin, """
            scoring:
              rules:
                - when: flexor_hold < 60
                  finding: extensor-deficit
                  severity: 0.4
                  side: right
            """, in: context)
        let result = scoring.evaluate(answers(["flexor_hold": number(30)]))
        #expect(result.findings.map(\.side) == [.right])
    }

    @Test("a misspelt side is told the side it was meant to be, not called an unknown name", arguments: ["leftt", "Right", "rigth"])
    func misspeltSide(written: String) throws {
        let checked = check(plugin, """
            scoring:
              rules:
                - when: flexor_hold < 60
                  finding: extensor-deficit
                  severity: 0.4
                  side: \(written)
            """, in: context)
        let meant = written.lowercased().hasPrefix("l") ? "left" : "right"
        #expect(checked.evaluator == nil)
        #expect(checked.diagnostics.map(\.message) == ["side must be left, right, or an expression giving 'left' or 'right'; did you mean '\(meant)'?"],
                "\(checked.lines)")
    }

    @Test("an author's evidence sentence is filled in for the finding's side")
    func evidenceTemplate() throws {
        let scoring = try evaluator(plugin, """
            scoring:
              rules:
                - when: hip_angle > 0
                  finding: iliopsoas-tightness
                  severity: 0.5
                  evidence: "{side} thigh {hip_angle} deg above horizontal; target: at or below"
            """, in: context)
        let result = scoring.evaluate(answers(["hip_angle": sides(-3, 6.5)]))
        #expect(finding(result, "iliopsoas-tightness", side: .right)?.evidence
            == "right thigh 6.5 deg above horizontal; target: at or below")
    }

    @Test("evidence in any language: literal braces, placeholders after accented words")
    func evidenceTemplateBeyondASCII() throws {
        let scoring = try evaluator(plugin, """
            scoring:
              rules:
                - when: hip_angle > 0
                  finding: iliopsoas-tightness
                  severity: 0.5
                  evidence: "Oberschenkel ({side}) {{é}} {hip_angle} Grad über der Waagrechten 🦵"
            """, in: context)
        let result = scoring.evaluate(answers(["hip_angle": sides(-3, 6.5)]))
        #expect(finding(result, "iliopsoas-tightness", side: .right)?.evidence
            == "Oberschenkel (right) {é} 6.5 Grad über der Waagrechten 🦵")
    }

    @Test("a mistake in an evidence sentence is marked at its character, counting accented letters once")
    func evidenceTemplateMarks() {
        let checked = check(plugin, """
            scoring:
              rules:
                - when: hip_angle > 0
                  finding: iliopsoas-tightness
                  severity: 0.5
                  evidence: "Größe {hip_angel} } über"
                - when: hip_angle > 1
                  finding: iliopsoas-tightness
                  severity: 0.5
                  evidence: "é {hip_angle"
            """, in: context)
        // Column 18 is the sentence's first character, after the opening quote.
        #expect(checked.hasError(at: 6, 25, "hip_angel"), "\(checked.lines)")
        #expect(checked.hasError(at: 6, 36, "unmatched '}'"), "\(checked.lines)")
        #expect(checked.hasError(at: 10, 20, "unclosed '{'"), "\(checked.lines)")
        #expect(checked.errorCount == 3, "\(checked.lines)")
    }

    @Test("a rule that cannot apply (division by zero, skipped input) adds a note and raises nothing; with no rule decided there is no score")
    func notApplicableRule() throws {
        let scoring = try evaluator(plugin, """
            scoring:
              rules:
                - when: ratio(flexor_hold, extensor_hold) >= 1
                  finding: extensor-deficit
                  severity: 0.5
            """, in: context)
        for extensor in [number(0), number(nil)] {
            let result = scoring.evaluate(answers(["flexor_hold": number(90), "extensor_hold": extensor]))
            #expect(result.findings.isEmpty)
            // Nothing decided is not "nothing found": 100 would tell the person all is well.
            #expect(result.score == nil)
            #expect(result.notes.count == 2)
            #expect(result.notes.first?.contains("ratio(flexor_hold, extensor_hold) >= 1") == true)
            #expect(result.notes.last == RuleResults.noRuleApplied)
        }
        // One rule decided (false) is a score: the other's note stands beside it.
        let two = try evaluator(plugin, """
            scoring:
              rules:
                - when: ratio(flexor_hold, extensor_hold) >= 1
                  finding: extensor-deficit
                  severity: 0.5
                - when: flexor_hold < 30
                  finding: extensor-deficit
                  severity: 0.4
            """, in: context)
        let scored = two.evaluate(answers(["flexor_hold": number(90), "extensor_hold": number(0)]))
        #expect(scored.score == 100)
        #expect(scored.notes.count == 1)
    }

    @Test("score: a formula with max_severity replaces the default")
    func scoreFormula() throws {
        let scoring = try evaluator(plugin, """
            scoring:
              rules:
                - when: hip_angle > 0
                  finding: iliopsoas-tightness
                  severity: clamp(hip_angle / 15, 0.3, 1)
              score: 100 - 50 * max_severity
            """, in: context)
        let result = scoring.evaluate(answers(["hip_angle": sides(8, -12)]))
        #expect(close(result.score, 100 - 50 * 8.0 / 15))
    }

    @Test("score is clamped to 0...100", arguments: [
        ("150 - max_severity", 100.0), ("max_severity - 20", 0.0), ("100 - flexor_hold", 0.0),
    ])
    func scoreClamped(formula: String, expected: Double) throws {
        let scoring = try evaluator(plugin, """
            scoring:
              rules:
                - when: hip_angle > 0
                  finding: iliopsoas-tightness
                  severity: 0.5
              score: \(formula)
            """, in: context)
        let result = scoring.evaluate(answers(["hip_angle": sides(8, -12), "flexor_hold": number(250)]))
        #expect(result.score == expected)
        // Kept in range, but said: the author's formula needs mending.
        #expect(result.notes.contains { $0.hasPrefix("Score '\(formula)' gave ") && $0.contains("outside 0-100; it was kept to \(Int(expected))") },
                "\(result.notes)")
    }

    @Test("a score of constants outside 0-100 is an error at load, not a silent 100")
    func constantScoreOutOfRange() {
        let checked = check(plugin, """
            scoring:
              rules:
                - when: hip_angle > 0
                  finding: iliopsoas-tightness
                  severity: 0.5
              score: 150
            """, in: context)
        #expect(checked.evaluator == nil)
        #expect(checked.hasError(at: 6, 10, "'score' is always 150, outside 0-100: a score runs from 0 (worst) to 100 (best)"), "\(checked.lines)")
    }

    @Test("a score formula that cannot be computed falls back to the default with a note")
    func scoreFormulaNotApplicable() throws {
        let scoring = try evaluator(plugin, """
            scoring:
              rules:
                - when: hip_angle > 0
                  finding: iliopsoas-tightness
                  severity: 0.4
              score: 100 * ratio(flexor_hold, extensor_hold)
            """, in: context)
        let result = scoring.evaluate(answers(["hip_angle": sides(8, -12), "flexor_hold": number(80), "extensor_hold": number(0)]))
        #expect(close(result.score, 60))
        #expect(result.notes.contains { $0.contains("Score '100 * ratio(flexor_hold, extensor_hold)'") && $0.contains("default") })
    }

    @Test("property: the score always lies in 0...100")
    func scoreAlwaysInRange() throws {
        let formulas = ["100 - 100 * max_severity", "250 - 400 * max_severity", "100 - 10 * hip_angle.left",
                        "max_severity * 1000 - 300"]
        let evaluators = try formulas.map { formula in
            try evaluator(plugin, """
                scoring:
                  rules:
                    - when: hip_angle > 0
                      finding: iliopsoas-tightness
                      severity: hip_angle / 20
                    - when: side_bridge < 40
                      finding: side-bridge-asymmetry
                      severity: 1 - side_bridge / 40
                  score: \(formula)
                """, in: context)
        }
        var random = SeededGenerator(seed: 0x7E57_0001)
        for _ in 0..<300 {
            let values = answers([
                "hip_angle": sides(.random(in: -40...40, using: &random), .random(in: -40...40, using: &random)),
                "side_bridge": sides(.random(in: 0...200, using: &random), .random(in: 0...200, using: &random)),
            ])
            for scoring in evaluators {
                let score = try #require(scoring.evaluate(values).score)
                #expect((0...100).contains(score))
            }
        }
    }
}

@Suite("thresholds plugin: checking the scoring block")
struct ThresholdsValidationTests {
    @Test("an unknown key is reported with the closest known key, and missing rules at the block")
    func unknownKeyAndMissingRules() {
        let checked = check(plugin, """
            scoring:
              rulez:
                - when: hip_angle > 0
            """, in: context)
        #expect(checked.evaluator == nil)
        #expect(!checked.lines.contains { $0.contains("missing required key 'rules'") }, "\(checked.lines)")
        #expect(checked.hasError(at: 2, 3, "unknown key 'rulez' in the thresholds scoring block; did you mean 'rules'?"),
                "\(checked.lines)")
    }

    @Test("every problem inside the rules is reported at its place")
    func ruleProblems() {
        let checked = check(plugin, """
            scoring:
              rules:
                - when: hip_angel > 0
                  finding: iliopsoas-tightnes
                  severity: 1.5
                - when: hip_angle + 1
                  finding: iliopsoas-tightness
                  severity: 0.5
                  sevrity: 0.2
              score: 100 - hip_angle
            """, in: context)
        #expect(checked.evaluator == nil)
        #expect(checked.hasError(at: 3, 13, "hip_angel"), "\(checked.lines)")
        #expect(checked.hasError(at: 4, 16, "unknown finding 'iliopsoas-tightnes'"), "\(checked.lines)")
        #expect(checked.hasError(at: 4, 16, "did you mean 'iliopsoas-tightness'?"), "\(checked.lines)")
        #expect(checked.hasError(at: 5, 17, "severity must be 0 to 1, found 1.5"), "\(checked.lines)")
        #expect(checked.hasError(at: 6, 13, "'when' must be a condition"), "\(checked.lines)")
        #expect(checked.hasError(at: 9, 7, "unknown key 'sevrity' in a rule; did you mean 'severity'?"), "\(checked.lines)")
        #expect(checked.hasError(at: 10, 10, "'score' must give one number"), "\(checked.lines)")
        #expect(checked.errorCount == 6, "\(checked.lines)")
    }

    @Test("a score that is not a number, an empty rule list and a non-mapping block are errors")
    func badShapes() {
        let notNumber = check(plugin, """
            scoring:
              rules: []
              score: max_severity > 0.5
            """, in: context)
        #expect(notNumber.hasError(at: 2, 10, "the list of rules is empty"), "\(notNumber.lines)")
        #expect(notNumber.hasError(at: 3, 10, "'score' must give a number"), "\(notNumber.lines)")
        let notMapping = check(plugin, "scoring: [1, 2]", in: context)
        #expect(notMapping.hasError(at: 1, 10, "expected the thresholds scoring block (a mapping), found a sequence"),
                "\(notMapping.lines)")
        #expect(notMapping.evaluator == nil)
    }
}
