import BackCheckExpressions
import BackCheckPluginAPI
import BackCheckYAML
import ChecklistEvaluator
import FiringOrderEvaluator
import NormativeEvaluator
import RedFlagsEvaluator
import Testing
import ThresholdsEvaluator

/// A context every plugin's full example below is valid in.
private let context = makeContext(
    inputs: normativeContext.inputs + [
        InputSpec(name: "hip_extension_onset", label: "Firing order", type: .sequence,
                  choices: ["glute_max", "lumbar_erectors"]),
        InputSpec(name: "saddle_numbness", label: "Numbness between the legs", type: .boolean),
    ],
    findings: normativeContext.findings + [
        FindingSpec(id: "cauda-equina-signs", title: "Possible cauda equina", tier: .refer, urgency: .emergency),
    ],
    norms: [testNorms])

/// Each plugin with a block that uses every top-level key it accepts.
private let examples: [(plugin: any EvaluatorPlugin, yaml: String)] = [
    (ThresholdsPlugin(), """
        scoring:
          rules: [{when: flexor_hold < 60, finding: low-flexor-endurance, severity: 0.5, side: left, evidence: "{flexor_hold} s"}]
          score: 100 - 100 * max_severity
        """),
    (NormativePlugin(), """
        scoring:
          norms: mcgill-test
          measures:
            flexor_hold: {norm: trunk_flexion, below_percentile: 25, finding: low-flexor-endurance, lower_is_better: false, severity: 0.5}
          rules: [{when: flexor_hold < 60, finding: low-flexor-endurance, severity: 0.5}]
        """),
    (ChecklistPlugin(), """
        scoring:
          items: [{when: saddle_numbness, finding: cauda-equina-signs, severity: 1}]
        """),
    (RedFlagsPlugin(), """
        scoring:
          flags: [{input: saddle_numbness, finding: cauda-equina-signs}]
          rules: [{when: saddle_numbness and profile.age > 50, finding: cauda-equina-signs}]
        """),
    (FiringOrderPlugin(), """
        scoring:
          sequence: hip_extension_onset
          expected_first: [glute_max]
          finding: low-flexor-endurance
          severity: 0.4
        """),
]

@Suite("plugin documentation")
struct PluginDocumentationTests {
    @Test("the five plugins have distinct kebab-case ids and a one-line summary")
    func identities() {
        let ids = examples.map(\.plugin.id)
        #expect(ids == ["thresholds", "normative", "checklist", "red-flags", "firing-order"])
        #expect(Set(ids).count == ids.count)
        for (plugin, _) in examples {
            #expect(!plugin.summary.isEmpty && !plugin.summary.contains("\n"), "\(plugin.id)")
        }
    }

    @Test("the documented top-level keys are exactly the keys the plugin accepts")
    func keysMatchBehaviour() {
        for (plugin, yaml) in examples {
            let checked = check(plugin, yaml, in: context)
            #expect(checked.diagnostics.isEmpty, "\(plugin.id): \(checked.lines)")
            #expect(checked.evaluator != nil, "\(plugin.id)")
            let written = scoringNode(yaml).mapping?.compactMap(\.key.scalar?.text) ?? []
            let documented = plugin.scoringKeys.map(\.name).filter { !$0.contains(".") && !$0.contains("[") }
            #expect(Set(written) == Set(documented), "\(plugin.id)")
            for key in plugin.scoringKeys {
                #expect(!key.type.isEmpty && !key.meaning.isEmpty, "\(plugin.id).\(key.name)")
            }
        }
    }

    @Test("an undocumented key is rejected by every plugin")
    func undocumentedKeyRejected() {
        for (plugin, yaml) in examples {
            let checked = check(plugin, yaml + "\n  comment: hello", in: context)
            #expect(checked.diagnostics.contains { $0.message.contains("unknown key 'comment'") }, "\(plugin.id): \(checked.lines)")
            #expect(checked.evaluator == nil, "\(plugin.id)")
        }
    }
}
