import BackCheckExpressions
import BackCheckPluginAPI
import BackCheckYAML
import RedFlagsEvaluator
import Testing

/// A red-flag screen: yes/no questions, one bilateral, one optional, and findings of
/// every kind a flag might wrongly name.
private let context = makeContext(
    inputs: [
        InputSpec(name: "saddle_numbness", label: "Numbness between the legs", type: .boolean),
        InputSpec(name: "pain_both_legs", label: "Pain in both legs", type: .boolean),
        InputSpec(name: "leg_weakness", label: "Leg getting weaker", type: .boolean, bilateral: true),
        InputSpec(name: "night_pain", label: "Pain at night that rest does not ease", type: .boolean, optional: true),
        InputSpec(name: "pain_score", label: "Pain score", type: .integer, range: 0...10),
    ],
    findings: [
        FindingSpec(id: "cauda-equina-signs", title: "Possible cauda equina", tier: .refer, urgency: .emergency),
        FindingSpec(id: "progressive-nerve-deficit", title: "Worsening weakness", tier: .refer, urgency: .sameDay),
        FindingSpec(id: "possible-serious-disease", title: "Possible serious disease", tier: .refer, urgency: .soon),
        FindingSpec(id: "stiff-hips", title: "Stiff hips", tier: .mobility),
        FindingSpec(id: "undated-referral", title: "Referral without urgency", tier: .refer),
    ])

private let plugin = RedFlagsPlugin()

private let screen = """
    scoring:
      flags:
        - {input: saddle_numbness, finding: cauda-equina-signs}
        - {input: pain_both_legs, finding: cauda-equina-signs}
        - {input: leg_weakness, finding: progressive-nerve-deficit}
        - {input: night_pain, finding: possible-serious-disease}
    """

private func allNo(_ changes: [String: Binding] = [:]) -> EvaluationInput {
    var values: [String: Binding] = [
        "saddle_numbness": flag(false), "pain_both_legs": flag(false),
        "leg_weakness": .bilateral(left: .bool(false), right: .bool(false)), "night_pain": flag(false),
    ]
    values.merge(changes) { _, new in new }
    return answers(values)
}

@Suite("red-flags plugin")
struct RedFlagsTests {
    @Test("a yes raises its referral at severity 1 and scores 0")
    func yesRaises() throws {
        let scoring = try evaluator(plugin, screen, in: context)
        let result = scoring.evaluate(allNo(["saddle_numbness": flag(true)]))
        let raised = try #require(finding(result, "cauda-equina-signs"))
        #expect(raised.severity == 1)
        #expect(raised.evidence == "Numbness between the legs: yes")
        #expect(result.findings.count == 1)
        #expect(result.score == 0)
    }

    @Test("all no scores 100 with no findings")
    func allClear() throws {
        let scoring = try evaluator(plugin, screen, in: context)
        let result = scoring.evaluate(allNo())
        #expect(result.findings.isEmpty)
        #expect(result.score == 100)
        #expect(result.notes.isEmpty)
    }

    @Test("two questions raising one finding give it once, with both answers as evidence")
    func twoQuestionsOneFinding() throws {
        let scoring = try evaluator(plugin, screen, in: context)
        let result = scoring.evaluate(allNo(["saddle_numbness": flag(true), "pain_both_legs": flag(true)]))
        #expect(result.findings.count == 1)
        #expect(finding(result, "cauda-equina-signs")?.evidence == "Numbness between the legs: yes; Pain in both legs: yes")
    }

    @Test("a bilateral question raises the finding for the side answered yes")
    func bilateral() throws {
        let scoring = try evaluator(plugin, screen, in: context)
        let result = scoring.evaluate(allNo(["leg_weakness": .bilateral(left: .bool(true), right: .bool(false))]))
        let raised = try #require(finding(result, "progressive-nerve-deficit", side: .left))
        #expect(raised.evidence == "Leg getting weaker (left): yes")
        #expect(result.findings.count == 1)
    }

    @Test("a skipped optional question is a note; unanswered questions are listed and leave no score")
    func skipped() throws {
        let scoring = try evaluator(plugin, screen, in: context)
        let partly = scoring.evaluate(allNo(["night_pain": flag(nil)]))
        #expect(partly.score == 100)
        #expect(partly.unanswered.isEmpty)
        #expect(partly.notes == ["'Pain at night that rest does not ease' was not answered, so this red flag was not checked."])
        let oneSide = scoring.evaluate(allNo(["leg_weakness": .bilateral(left: .bool(false), right: nil)]))
        #expect(oneSide.unanswered == ["leg_weakness"])
        #expect(oneSide.score == nil)
        let nothing = scoring.evaluate(answers([:]))
        #expect(nothing.score == nil)
        #expect(nothing.findings.isEmpty)
        #expect(nothing.unanswered == ["saddle_numbness", "pain_both_legs", "leg_weakness"])
    }

    @Test("a yes still raises its referral when other questions are unanswered")
    func yesWithGaps() throws {
        let scoring = try evaluator(plugin, screen, in: context)
        let result = scoring.evaluate(answers(["saddle_numbness": flag(true)]))
        #expect(finding(result, "cauda-equina-signs") != nil)
        #expect(result.score == 0)
        #expect(result.unanswered == ["pain_both_legs", "leg_weakness"])
    }
}

@Suite("red-flags plugin: checking the scoring block")
struct RedFlagsValidationTests {
    @Test("each flag's input must be a declared boolean input")
    func inputChecks() {
        let checked = check(plugin, """
            scoring:
              flags:
                - {input: saddle_numbnes, finding: cauda-equina-signs}
                - {input: pain_score, finding: cauda-equina-signs}
            """, in: context)
        #expect(checked.evaluator == nil)
        #expect(checked.hasError(at: 3, 15, "unknown input 'saddle_numbnes'"), "\(checked.lines)")
        #expect(checked.hasError(at: 3, 15, "did you mean 'saddle_numbness'?"), "\(checked.lines)")
        #expect(checked.hasError(at: 4, 15, "input 'pain_score' has type integer; a red flag needs a boolean input"),
                "\(checked.lines)")
        #expect(checked.errorCount == 2, "\(checked.lines)")
    }

    @Test("each flag's finding must be declared, of tier refer, with an urgency")
    func findingChecks() {
        let checked = check(plugin, """
            scoring:
              flags:
                - {input: saddle_numbness, finding: stiff-hips}
                - {input: pain_both_legs, finding: undated-referral}
                - {input: night_pain, finding: cauda-equina-sign}
            """, in: context)
        #expect(checked.evaluator == nil)
        #expect(checked.hasError(at: 3, 41, "finding 'stiff-hips' has tier mobility; a red flag or red-flag rule must raise a finding with tier refer"),
                "\(checked.lines)")
        #expect(checked.hasError(at: 4, 40, "finding 'undated-referral' has no urgency"), "\(checked.lines)")
        #expect(checked.hasError(at: 5, 36, "unknown finding 'cauda-equina-sign'"), "\(checked.lines)")
        #expect(checked.errorCount == 3, "\(checked.lines)")
    }

    @Test("unknown and missing keys, an empty list and a non-list are reported at their place")
    func shapes() {
        let typo = check(plugin, """
            scoring:
              flags:
                - input: saddle_numbness
                  findng: cauda-equina-signs
              flag: []
            """, in: context)
        #expect(!typo.lines.contains { $0.contains("missing required key 'finding'") }, "\(typo.lines)")
        #expect(typo.hasError(at: 4, 7, "unknown key 'findng' in a red flag; did you mean 'finding'?"), "\(typo.lines)")
        #expect(typo.hasError(at: 5, 3, "unknown key 'flag' in the red-flags scoring block; did you mean 'flags'?"),
                "\(typo.lines)")
        let empty = check(plugin, """
            scoring:
              flags: []
            """, in: context)
        #expect(empty.hasError(at: 2, 10, "the list of red flags is empty"), "\(empty.lines)")
        let notList = check(plugin, """
            scoring:
              flags: saddle_numbness
            """, in: context)
        #expect(notList.hasError(at: 2, 10, "expected a list of red flags"), "\(notList.lines)")
        #expect(empty.evaluator == nil && notList.evaluator == nil && typo.evaluator == nil)
    }
}
