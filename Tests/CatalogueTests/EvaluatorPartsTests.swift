import AssessmentKit
import BackCheckExpressions
import BackCheckPluginAPI
import BuiltinEvaluators
import Testing
import TestSupport

/// An evaluator that splits into parts (each rule of a `thresholds` block, each normed
/// measure) promises that the parts reading an input and the parts that do not, together,
/// raise what the whole evaluator raises; the report relies on it to run only the parts reading
/// the input it varies.
@Suite("Evaluator parts")
struct EvaluatorPartsTests {
    /// The person's bindings for `assessment`, with `name` set to `value` when given and the
    /// derived values computed in order, as a run computes them.
    static func bindings(_ entry: AnswerSet.Entry, profile: Profile, setting name: String? = nil, to value: Binding? = nil) -> Bindings {
        var bindings = Bindings(entry.answers.values)
        for (key, binding) in profile.bindings { bindings[key] = binding }
        if let name, let value { bindings[name] = value }
        for derived in entry.assessment.derived {
            let expression = derived.expression
            bindings[derived.name] = expression.isPerSide
                ? .bilateral(left: expression.value(bindings, side: .left), right: expression.value(bindings, side: .right))
                : .single(expression.value(bindings, side: nil))
        }
        return bindings
    }

    /// `name` and every derived value reading it, directly or through another.
    static func namesFollowing(_ name: String, in assessment: Assessment) -> Set<String> {
        var names: Set<String> = [name]
        for derived in assessment.derived where !derived.expression.names.isDisjoint(with: names) { names.insert(derived.name) }
        return names
    }

    static func key(_ findings: [RaisedFinding]) -> Set<String> {
        Set(findings.keepingMostSevere().map { "\($0.id) \($0.side?.rawValue ?? "-") \($0.severity)" })
    }

    @Test func thePartsTogetherRaiseWhatTheWholeRaises() throws {
        var compared = 0
        var split: Set<String> = []
        var generator = SeededGenerator(seed: 33)
        for person in try ExactRangeTests.people(count: 40) {
            for entry in person.entries {
                let evaluator = entry.assessment.evaluator
                for input in entry.assessment.inputs where input.spec.isNumeric {
                    let names = Self.namesFollowing(input.name, in: entry.assessment)
                    let trial = ExactRangeTests.draw(input, using: &generator)
                    let value: Binding = input.bilateral ? .bilateral(left: trial, right: trial) : .single(trial)
                    for bindings in [Self.bindings(entry, profile: person.profile),
                                     Self.bindings(entry, profile: person.profile, setting: input.name, to: value)] {
                        let request = EvaluationInput(bindings: bindings, profile: person.profile, explains: false)
                        guard let reading = evaluator.findings(request, parts: .reading(names)),
                              let others = evaluator.findings(request, parts: .notReading(names))
                        else { continue }
                        split.insert(entry.assessment.id)
                        #expect(Self.key(reading + others) == Self.key(evaluator.evaluate(request).findings),
                                "\(entry.assessment.id), \(input.name)")
                        compared += 1
                    }
                }
            }
        }
        // The `thresholds` and `normative` assessments of the built-in catalogue split.
        let expected: Set = ["hip-flexor-thomas", "glute-activation", "ankle-dorsiflexion", "training-load", "core-endurance-mcgill"]
        #expect(split.isSuperset(of: expected), "\(split.sorted())")
        #expect(compared > 500, "\(compared)")
    }
}

extension EvaluatorPartsTests {
    /// A `thresholds` assessment of `count` rules over inputs `a`, `b`, `c` and `d = a + c`:
    /// rule `i` reads `a`, `b`, `d`, or `a` and `b`, by `i % 4`, and raises `f-i`.
    static func rulesFixture(count: Int) -> String {
        let conditions = ["a > 1", "b > 1", "d > 1", "b > 2 and a > 5"]
        let rules = (0..<count).map { "    - when: \(conditions[$0 % 4])\n      finding: f-\($0)\n      severity: 0.5" }
        let findings = (0..<count).map { "  f-\($0):\n    title: Finding \($0)\n    explain: Finding \($0) of the fixture.\n    tier: technique" }
        return """
            kind: assessment
            id: parts-fixture
            version: 1
            title: Parts fixture
            category: technique
            duration_min: 3
            summary: Rules reading different inputs.
            instructions: Measure a, b and c.
            inputs:
              a: {label: A, type: number, range: [0, 100]}
              b: {label: B, type: number, range: [0, 100]}
              c: {label: C, type: number, range: [0, 100]}
            derived:
              d: a + c
            evaluator: thresholds
            scoring:
              rules:
            \(rules.joined(separator: "\n"))
            findings:
            \(findings.joined(separator: "\n"))
            evidence:
              level: low
              note: The cut-offs 2 and 5 are this test's own.
            references:
              - This test's own fixture.
            """
    }

    /// The parts reading some names are exactly the rules reading any of them, in order, and
    /// the other parts exactly the rest: with a few rules (looked up by name) and with more
    /// than 64 (compared rule by rule).
    @Test("each part is chosen by the names its rule reads, in the rules' order", arguments: [8, 70])
    func partsFollowTheNamesRead(count: Int) throws {
        let result = load(["parts.yaml": Self.rulesFixture(count: count)])
        let assessment = try #require(result.catalogue?.assessment("parts-fixture"), "\(result.diagnostics.errors.prefix(3))")
        let bindings: Bindings = ["a": .single(.number(10)), "b": .single(.number(10)), "c": .single(.number(10)), "d": .single(.number(20))]
        let input = EvaluationInput(bindings: bindings, profile: Profile(), explains: false)
        let all = (0..<count).map { "f-\($0)" }
        let readingA = all.indices.filter { $0 % 4 != 1 && $0 % 4 != 2 }.map { all[$0] }
        #expect(assessment.evaluator.findings(input, parts: .reading(["a"]))?.map(\.id) == readingA)
        #expect(assessment.evaluator.findings(input, parts: .notReading(["a"]))?.map(\.id) == all.filter { !readingA.contains($0) })
        let readingAOrD = all.indices.filter { $0 % 4 != 1 }.map { all[$0] }
        #expect(assessment.evaluator.findings(input, parts: .reading(["a", "d"]))?.map(\.id) == readingAOrD)
        #expect(assessment.evaluator.findings(input, parts: .notReading(["a", "d", "nothing"]))?.map(\.id) == all.filter { !readingAOrD.contains($0) })
        #expect(assessment.evaluator.findings(input, parts: .reading(["nothing"]))?.map(\.id) == [])
        #expect(assessment.evaluator.findings(input, parts: .notReading([]))?.map(\.id) == all)
    }
}
