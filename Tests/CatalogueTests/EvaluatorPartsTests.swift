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
