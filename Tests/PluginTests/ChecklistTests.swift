import BackCheckExpressions
import BackCheckPluginAPI
import BackCheckYAML
import ChecklistEvaluator
import Testing
import TestSupport

/// A squat-pattern checklist: observed faults, one per side, one optional.
private let context = makeContext(
    inputs: [
        InputSpec(name: "lumbar_rounding", label: "Lower back rounds at depth", type: .boolean),
        InputSpec(name: "knees_cave", label: "Knee caves in", type: .boolean, bilateral: true),
        InputSpec(name: "heels_lift", label: "Heels lift", type: .boolean, optional: true),
        InputSpec(name: "depth_cm", label: "Depth", type: .number, unit: "cm"),
    ],
    findings: [
        FindingSpec(id: "lumbar-flexion-under-load", title: "Back rounds under load", tier: .technique),
        FindingSpec(id: "knee-valgus", title: "Knee valgus", tier: .activation),
        FindingSpec(id: "ankle-restriction", title: "Stiff ankles", tier: .mobility),
    ])

private let plugin = ChecklistPlugin()

private let squatChecklist = """
    scoring:
      items:
        - when: lumbar_rounding
          finding: lumbar-flexion-under-load
          severity: 0.8
        - when: knees_cave
          finding: knee-valgus
          severity: 0.5
        - when: heels_lift
          finding: ankle-restriction
          severity: 0.3
    """

@Suite("checklist plugin")
struct ChecklistTests {
    @Test("each observed fault raises its finding; the score is 100 x (1 - the largest severity)")
    func faultsRaiseFindings() throws {
        let scoring = try evaluator(plugin, squatChecklist, in: context)
        let result = scoring.evaluate(answers([
            "lumbar_rounding": flag(true), "knees_cave": .bilateral(left: .bool(false), right: .bool(false)),
            "heels_lift": flag(true),
        ]))
        #expect(result.findings.map(\.id) == ["lumbar-flexion-under-load", "ankle-restriction"])
        #expect(close(result.score, 100 * (1 - 0.8)))
    }

    @Test("a bilateral fault carries the side it was seen on")
    func bilateralFault() throws {
        let scoring = try evaluator(plugin, squatChecklist, in: context)
        let result = scoring.evaluate(answers([
            "lumbar_rounding": flag(false), "knees_cave": .bilateral(left: .bool(false), right: .bool(true)),
            "heels_lift": flag(false),
        ]))
        #expect(result.findings.map(\.side) == [.right])
        #expect(close(result.score, 50))
    }

    @Test("no fault scores 100")
    func clean() throws {
        let scoring = try evaluator(plugin, squatChecklist, in: context)
        let result = scoring.evaluate(answers([
            "lumbar_rounding": flag(false), "knees_cave": .bilateral(left: .bool(false), right: .bool(false)),
            "heels_lift": flag(false),
        ]))
        #expect(result.findings.isEmpty)
        #expect(result.score == 100)
        #expect(result.notes.isEmpty)
    }

    @Test("a skipped optional observation adds a note and raises nothing")
    func skipped() throws {
        let scoring = try evaluator(plugin, squatChecklist, in: context)
        let result = scoring.evaluate(answers([
            "lumbar_rounding": flag(false), "knees_cave": .bilateral(left: .bool(false), right: .bool(false)),
            "heels_lift": flag(nil),
        ]))
        #expect(result.findings.isEmpty)
        #expect(result.notes.count == 1)
        #expect(result.notes.first?.contains("heels_lift") == true)
    }

    @Test("property: adding a fault never raises the score")
    func addingFaultNeverHelps() throws {
        let scoring = try evaluator(plugin, squatChecklist, in: context)
        var random = SeededGenerator(seed: 0xC4EC_0002)
        func evaluate(_ faults: [Bool]) -> Double? {
            scoring.evaluate(answers([
                "lumbar_rounding": flag(faults[0]),
                "knees_cave": .bilateral(left: .bool(faults[1]), right: .bool(faults[2])),
                "heels_lift": flag(faults[3]),
            ])).score
        }
        for _ in 0..<200 {
            var faults = (0..<4).map { _ in Bool.random(using: &random) }
            guard let clear = faults.indices.filter({ !faults[$0] }).randomElement(using: &random) else { continue }
            let before = try #require(evaluate(faults))
            faults[clear] = true
            let after = try #require(evaluate(faults))
            #expect(after <= before, "faults \(faults): \(after) > \(before)")
        }
    }
}

@Suite("checklist plugin: checking the scoring block")
struct ChecklistValidationTests {
    @Test("unknown key with a suggestion, and missing items")
    func unknownKey() {
        let checked = check(plugin, """
            scoring:
              item:
                - when: lumbar_rounding
            """, in: context)
        #expect(checked.evaluator == nil)
        #expect(checked.hasError(at: 2, 3, "unknown key 'item' in the checklist scoring block; did you mean 'items'?"),
                "\(checked.lines)")
        #expect(!checked.lines.contains { $0.contains("missing required key 'items'") }, "\(checked.lines)")
        // Without a look-alike key, a missing key is still reported.
        let missing = check(plugin, "scoring:\n  other: 1\n", in: context)
        #expect(missing.hasError(at: 2, 3, "missing required key 'items'"), "\(missing.lines)")
    }

    @Test("problems inside items are reported at their place")
    func itemProblems() {
        let checked = check(plugin, """
            scoring:
              items:
                - when: depth_cm
                  finding: knee-valgus
                  severity: 0.5
                - when: knees_cave
                  finding: knee-valgs
                - when: lumbar_roundin
                  finding: lumbar-flexion-under-load
                  severity: 0.8
            """, in: context)
        #expect(checked.evaluator == nil)
        #expect(checked.hasError(at: 3, 13, "'when' must be a condition"), "\(checked.lines)")
        #expect(checked.hasError(at: 6, 7, "missing required key 'severity' in a rule"), "\(checked.lines)")
        #expect(checked.hasError(at: 7, 16, "unknown finding 'knee-valgs'"), "\(checked.lines)")
        #expect(checked.hasError(at: 8, 13, "lumbar_roundin"), "\(checked.lines)")
        #expect(checked.errorCount == 4, "\(checked.lines)")
    }

    @Test("an empty item list is an error at the list")
    func emptyItems() {
        let checked = check(plugin, """
            scoring:
              items: []
            """, in: context)
        #expect(checked.hasError(at: 2, 10, "the list of rules is empty"), "\(checked.lines)")
        #expect(checked.evaluator == nil)
    }
}
