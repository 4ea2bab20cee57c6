/// `thresholds` assessments: two to five inputs of mixed types, two cut-offs per number (the
/// stricter one with an expression severity), an asymmetry rule with a pinned side, derived
/// values, sometimes an optional pain question that refers, and three examples.
enum Thresholds {
    static func fill(_ draft: inout Draft, using random: inout SplitMix64) {
        let count = Int.random(in: 2...5, using: &random)
        var inputs: [GeneratedInput] = []
        for index in 0..<count {
            let kind = random.pick(GeneratedInput.Kind.allCases)
            inputs.append(GeneratedInput(kind: kind, index: index, bilateral: random.chance(0.6), using: &random))
        }
        let severities = inputs.map { _ in random.pick(CatalogueGenerator.severities) }
        let tier = random.pick(Vocabulary.tiers)
        for input in inputs {
            draft.inputs += input.declaration(help: random.pick(Vocabulary.sentences))
        }
        for input in inputs where input.isNumeric && input.bilateral {
            let worst = input.kind == .angle ? "max" : "min"
            draft.derived.append(("worst_\(input.name)", "\(worst)(\(input.name).left, \(input.name).right)"))
        }
        let numbers = inputs.filter { $0.isNumeric && !$0.bilateral }
        if numbers.count >= 2 {
            draft.derived.append(("ratio_\(numbers[0].name)", "ratio(\(numbers[0].name), \(numbers[1].name))"))
        }

        draft.scoring.append("  rules:")
        for (index, input) in inputs.enumerated() {
            let finding = "\(draft.id)-fault-\(index)"
            let side = input.bilateral ? "{side} " : ""
            draft.scoring += [
                "    - when: \(input.condition)", "      finding: \(finding)", "      severity: \(severities[index])",
                "      evidence: \"\(side)\(input.label.lowercased()): {\(input.name)}; \(input.isNumeric ? "cut-off \(input.threshold)" : "the fault it looks for")\"",
            ]
            if let strict = input.strictCondition {
                let scale = max(1, abs(input.secondThreshold) * 2)
                draft.scoring += [
                    "    - when: \(strict)", "      finding: \(finding)",
                    "      severity: clamp(abs(\(input.name)) / \(scale), 0.\(Int((severities[index] * 100).rounded()) + 10), 1)",
                ]
            }
            // The asymmetry rule stays off the inputs the examples trip (the first and the last),
            // whose sides differ on purpose.
            if index > 0, index < inputs.count - 1, input.isNumeric, input.bilateral {
                draft.scoring += [
                    "    - when: asymmetry(\(input.name)) > 0.4", "      finding: \(finding)",
                    "      side: weaker_side(\(input.name))", "      severity: 0.2",
                ]
            }
            // A stricter exercise is added only past the second cut-off (on the worse side when bilateral).
            let condition = input.bilateral ? input.strictCondition.map { "worst_" + $0 } : input.strictCondition
            let subject = input.name.split(separator: "_").dropLast().joined(separator: " ")
            draft.findings.append(CatalogueGenerator.finding(
                id: finding, subject: subject, tier: tier, condition: condition, using: &random))
        }
        let pain = random.chance(0.3)
        if pain {
            draft.inputs += [
                "  pain_during_test:", "    label: Did the test hurt (pain, not effort)?", "    type: boolean",
                "    optional: true",
            ]
            draft.scoring += [
                "    - when: answered(pain_during_test) and pain_during_test", "      finding: \(draft.id)-pain",
                "      severity: 1",
            ]
            draft.findings.append(Draft.Finding(
                id: "\(draft.id)-pain", title: "Pain during the test",
                explain: "Pain during a test needs a hands-on assessment, not only exercise.", tier: "refer",
                urgency: "soon", advice: "See a physiotherapist or your GP within a week or two; keep moving within comfort."))
        }
        draft.examples = examples(draft.id, inputs, severities: severities, pain: pain, using: &random)
    }

    /// All clear; the first input tripped on the left (or alone); the last tripped on the right.
    private static func examples(
        _ id: String, _ inputs: [GeneratedInput], severities: [Double], pain: Bool, using random: inout SplitMix64
    ) -> [Draft.Example] {
        let ids = inputs.indices.map { "\(id)-fault-\($0)" }
        func answers(tripping tripped: Int?, on side: String) -> [(input: String, value: String)] {
            var answers = inputs.enumerated().map { index, input -> (input: String, value: String) in
                let style = Int.random(in: 0...2, using: &random)
                guard input.bilateral else {
                    return (input.name, input.answer(index == tripped ? input.bad : input.good, style: style))
                }
                let good = input.answer(input.good, style: style)
                guard index == tripped else { return (input.name, "{left: \(good), right: \(good)}") }
                let bad = input.answer(input.bad, style: style)
                return (input.name, side == "left" ? "{left: \(bad), right: \(good)}" : "{left: \(good), right: \(bad)}")
            }
            if pain, tripped != nil { answers.append(("pain_during_test", "false")) }
            return answers
        }
        var examples = [Draft.Example(
            name: "every measure within its cut-off", answers: answers(tripping: nil, on: "left"), findings: [],
            notFindings: ids.map { ($0, nil) }, status: "good", score: (100, 100))]
        for (tripped, side) in [(0, "left"), (inputs.count - 1, "right")] where tripped > 0 || side == "left" {
            let input = inputs[tripped]
            let score = Int((100 - 100 * severities[tripped]).rounded())
            var example = Draft.Example(
                name: "\(input.name) past its cut-off\(input.bilateral ? " on the \(side)" : "")",
                answers: answers(tripping: tripped, on: side),
                findings: [(ids[tripped], input.bilateral ? side : nil)],
                notFindings: ids.indices.filter { $0 != tripped }.map { (ids[$0], nil) },
                status: CatalogueGenerator.status(forScore: score), score: (score - 1, score + 1))
            if input.bilateral { example.notFindings.append((ids[tripped], side == "left" ? "right" : "left")) }
            if tripped == 0 { example.profile = "{sex: \(random.pick(["female", "male"])), age: \(Int.random(in: 18...70, using: &random))}" }
            examples.append(example)
        }
        return examples
    }
}
