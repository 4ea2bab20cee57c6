import BackCheckExpressions
import BackCheckPluginAPI
import BackCheckYAML
import RedFlagsEvaluator
import Testing

/// A screen whose flags count only in combination: fever with an infection risk, new pain
/// at an age where it is a warning sign.
private let context = makeContext(
    inputs: [
        InputSpec(name: "fever", label: "Fever", type: .boolean),
        InputSpec(name: "infection_risk", label: "Weakened immune system", type: .boolean),
        InputSpec(name: "new_pain", label: "New pain in the last 3 months", type: .boolean),
    ],
    findings: [
        FindingSpec(id: "fever-alone", title: "Fever", tier: .refer, urgency: .sameDay),
        FindingSpec(id: "infection-risk", title: "Infection risk", tier: .refer, urgency: .soon),
        FindingSpec(id: "spinal-infection", title: "Possible infection", tier: .refer, urgency: .sameDay),
        FindingSpec(id: "new-pain-at-risk-age", title: "New pain at a risk age", tier: .refer, urgency: .soon),
        FindingSpec(id: "stiff-hips", title: "Stiff hips", tier: .mobility),
    ])

private let screen = """
    scoring:
      flags:
        - {input: fever, finding: fever-alone}
        - {input: infection_risk, finding: infection-risk}
      rules:
        - when: infection_risk and fever
          finding: spinal-infection
        - when: new_pain and (profile.age < 20 or profile.age > 50)
          finding: new-pain-at-risk-age
    """

private func screened(_ fever: Bool?, _ risk: Bool?, _ newPain: Bool?, age: Double? = nil) throws -> Evaluation {
    let scoring = try evaluator(RedFlagsPlugin(), screen, in: context)
    return scoring.evaluate(answers(
        ["fever": flag(fever), "infection_risk": flag(risk), "new_pain": flag(newPain)], profile: Profile(age: age)))
}

/// A flag and a combination rule raising the same finding: the finding's evidence names each
/// yes once.
private let sharedFinding = """
    scoring:
      flags:
        - {input: fever, finding: spinal-infection}
      rules:
        - when: infection_risk and fever
          finding: spinal-infection
    """

@Suite("red-flags plugin: rules that count in combination")
struct RedFlagRulesTests {
    @Test("a flag and a rule raising one finding name each yes once")
    func sharedFindingEvidence() throws {
        let scoring = try evaluator(RedFlagsPlugin(), sharedFinding, in: context)
        let both = scoring.evaluate(answers(["fever": flag(true), "infection_risk": flag(true), "new_pain": flag(false)], profile: Profile(age: 30)))
        #expect(both.findings.map(\.id) == ["spinal-infection"])
        #expect(finding(both, "spinal-infection")?.evidence == "Fever: yes; Weakened immune system: yes")
    }

    @Test("a combination raises its own referral beside the single flags")
    func combination() throws {
        let both = try screened(true, true, false, age: 30)
        #expect(Set(both.findings.map(\.id)) == ["fever-alone", "infection-risk", "spinal-infection"])
        #expect(finding(both, "spinal-infection")?.evidence == "Fever: yes; Weakened immune system: yes")
        let riskOnly = try screened(false, true, false, age: 30)
        #expect(riskOnly.findings.map(\.id) == ["infection-risk"])
    }

    @Test("new pain counts only outside 20-50, and the age shows in the evidence")
    func age() throws {
        #expect(try screened(false, false, true, age: 35).findings.isEmpty)
        let older = try screened(false, false, true, age: 58)
        #expect(older.findings.map(\.id) == ["new-pain-at-risk-age"])
        #expect(finding(older, "new-pain-at-risk-age")?.evidence == "New pain in the last 3 months: yes; age 58")
        #expect(try screened(false, false, true, age: 17).findings.map(\.id) == ["new-pain-at-risk-age"])
        #expect(try screened(false, false, true, age: 35).unanswered.isEmpty)
    }

    @Test("a yes that needs the age, with no age, asks for it; a no never does")
    func missingAge() throws {
        let yes = try screened(false, false, true)
        #expect(yes.findings.isEmpty)
        #expect(yes.unanswered == ["profile.age"])
        #expect(yes.score == nil)
        let no = try screened(false, false, false)
        #expect(no.unanswered.isEmpty)
        #expect(no.score == 100)
    }

    @Test("an unanswered question is listed once, and the age is not asked for before it")
    func missingAnswer() throws {
        let result = try screened(false, false, nil)
        #expect(result.unanswered == ["new_pain"])
    }

    @Test("a rule must raise a refer finding with an urgency, and be a condition about the whole person")
    func validation() {
        let checked = check(RedFlagsPlugin(), """
            scoring:
              flags:
                - {input: fever, finding: fever-alone}
              rules:
                - when: fever and infection_risk
                  finding: stiff-hips
                - when: profile.age + 1
                  finding: spinal-infection
                - when: fever and unknown_name
                  finding: spinal-infection
            """, in: context)
        #expect(checked.evaluator == nil)
        #expect(checked.hasError(at: 6, 16, "finding 'stiff-hips' has tier mobility"), "\(checked.lines)")
        #expect(checked.hasError(at: 7, 13, "'when' must be a condition"), "\(checked.lines)")
        #expect(checked.hasError(at: 9, 23, "unknown_name"), "\(checked.lines)")
    }
}
