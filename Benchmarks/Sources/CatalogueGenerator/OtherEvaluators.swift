/// `checklist` assessments: three to seven observed faults (yes/no, some per side), each an item.
enum Checklist {
    static func fill(_ draft: inout Draft, using random: inout SplitMix64) {
        let count = Int.random(in: 3...7, using: &random)
        let faults = (0..<count).map { GeneratedInput(kind: .flag, index: $0, bilateral: random.chance(0.4), using: &random) }
        let severities = faults.map { _ in random.pick(CatalogueGenerator.severities) }
        let tier = random.pick(["technique", "activation", "mobility"])
        draft.scoring.append("  items:")
        for (index, fault) in faults.enumerated() {
            draft.inputs += fault.declaration(help: random.pick(Vocabulary.sentences))
            let id = "\(draft.id)-fault-\(index)"
            draft.scoring += ["    - when: \(fault.condition)", "      finding: \(id)", "      severity: \(severities[index])"]
            if fault.bilateral { draft.scoring.append("      evidence: \"seen on the {side} side\"") }
            draft.findings.append(CatalogueGenerator.finding(
                id: id, subject: "control in the \(fault.name.split(separator: "_").prefix(2).joined(separator: " "))",
                tier: tier, condition: nil, using: &random))
        }
        func answers(_ tripped: Int?) -> [(input: String, value: String)] {
            faults.enumerated().map { index, fault in
                let value = index == tripped ? "true" : "false"
                return (fault.name, fault.bilateral ? "{left: \(value), right: false}" : value)
            }
        }
        let ids = faults.indices.map { "\(draft.id)-fault-\($0)" }
        let tripped = Int.random(in: 0..<count, using: &random)
        let score = Int((100 - 100 * severities[tripped]).rounded())
        draft.examples = [
            Draft.Example(name: "clean reps", answers: answers(nil), notFindings: ids.map { ($0, nil) }, status: "good", score: (100, 100)),
            Draft.Example(
                name: "one fault seen", answers: answers(tripped),
                findings: [(ids[tripped], faults[tripped].bilateral ? "left" : nil)],
                notFindings: ids.indices.filter { $0 != tripped }.map { (ids[$0], nil) },
                status: CatalogueGenerator.status(forScore: score), score: (score - 1, score + 1)),
        ]
    }
}

/// `normative` assessments over the built-in McGill 1999 norms: three timed holds (one per
/// side), ratio rules between them, and a strong and a weak example.
enum Normative {
    static func fill(_ draft: inout Draft, using random: inout SplitMix64) {
        let suffix = Int.random(in: 1...99, using: &random)
        let (flexor, extensor, bridge) = ("flexor_hold_\(suffix)", "extensor_hold_\(suffix)", "side_bridge_\(suffix)")
        let percentile = random.pick([10, 15, 20, 25, 30])
        for (name, label, bilateral) in [(flexor, "Trunk flexor hold", false), (extensor, "Back extensor hold", false), (bridge, "Side bridge hold", true)] {
            draft.inputs += ["  \(name):", "    label: \(label)", "    type: duration", "    unit: s", "    range: [0, 1200]"]
            if bilateral { draft.inputs.append("    sides: [left, right]") }
        }
        draft.derived = [
            ("flexor_extensor_ratio", "ratio(\(flexor), \(extensor))"),
            ("bridge_extensor_ratio", "ratio(max(\(bridge).left, \(bridge).right), \(extensor))"),
        ]
        let ids = ["low-flexor", "low-extensor", "low-side-bridge", "flexor-extensor-imbalance", "bridge-extensor-imbalance"]
            .map { "\(draft.id)-\($0)" }
        draft.scoring = [
            "  norms: mcgill-1999", "  measures:",
            "    \(flexor): {norm: trunk_flexion, below_percentile: \(percentile), finding: \(ids[0])}",
            "    \(extensor): {norm: trunk_extension, below_percentile: \(percentile), finding: \(ids[1])}",
            "    \(bridge): {norm: {left: side_bridge_left, right: side_bridge_right}, below_percentile: \(percentile), finding: \(ids[2])}",
            "  rules:",
            "    - when: \(extensor) <= 58", "      finding: \(ids[1])", "      severity: 0.8",
            "      evidence: \"extensor hold {\(extensor)} s is 58 s or less\"",
            "    - when: flexor_extensor_ratio >= 1.0", "      finding: \(ids[3])", "      severity: 0.15",
            "    - when: bridge_extensor_ratio >= 0.75", "      finding: \(ids[4])", "      severity: 0.2",
        ]
        for (index, id) in ids.enumerated() {
            draft.findings.append(CatalogueGenerator.finding(
                id: id, subject: ["trunk flexor endurance", "back extensor endurance", "side bridge endurance",
                                  "extensor endurance relative to the flexors", "extensor endurance relative to the side bridge"][index],
                tier: "endurance", condition: nil, using: &random))
        }
        let strongBridge = Int.random(in: 150...200, using: &random)
        let strong = [
            (flexor, String(Int.random(in: 220...260, using: &random))),
            (extensor, "5m\(Int.random(in: 10...50, using: &random))s"),
            (bridge, "{left: \(strongBridge), right: \(strongBridge)}"),
        ]
        let weak = [(flexor, "2:10"), (extensor, String(Int.random(in: 20...50, using: &random))), (bridge, "{left: 150, right: 150}")]
        draft.examples = [
            Draft.Example(name: "holds above the norms", answers: strong, notFindings: ids.map { ($0, nil) }, status: "good", score: (100, 100)),
            Draft.Example(
                name: "short extensor hold", answers: weak, profile: "{sex: \(random.pick(["female", "male"]))}",
                findings: [(ids[1], nil), (ids[3], nil), (ids[4], nil)], status: "poor"),
        ]
    }
}

/// `firing-order` assessments: the order muscles fired on each side, the erectors leading is
/// the fault.
enum FiringOrder {
    static func fill(_ draft: inout Draft, using random: inout SplitMix64) {
        let name = "hip_extension_onset_\(Int.random(in: 1...99, using: &random))"
        let severity = random.pick(CatalogueGenerator.severities)
        let id = "\(draft.id)-erectors-lead"
        draft.inputs = [
            "  \(name):", "    label: Order the muscles switched on as the leg lifted", "    help: >-",
            "      \(random.pick(Vocabulary.sentences))", "    type: sequence",
            "    choices: [glute_max, hamstrings, erectors]", "    sides: [left, right]",
        ]
        draft.scoring = [
            "  sequence: \(name)", "  expected_first: [glute_max, hamstrings]", "  finding: \(id)", "  severity: \(severity)",
        ]
        draft.findings = [CatalogueGenerator.finding(id: id, subject: "hip extension control", tier: "activation", condition: nil, using: &random)]
        let score = Int((100 - 100 * severity).rounded())
        draft.examples = [
            Draft.Example(
                name: "glutes lead", answers: [(name, "{left: [glute_max, hamstrings, erectors], right: [hamstrings, glute_max, erectors]}")],
                notFindings: [(id, nil)], status: "good", score: (100, 100)),
            Draft.Example(
                name: "erectors lead on the right", answers: [(name, "{left: [glute_max, hamstrings, erectors], right: [erectors, glute_max, hamstrings]}")],
                findings: [(id, "right")], notFindings: [(id, "left")],
                status: CatalogueGenerator.status(forScore: score), score: (score - 1, score + 1)),
        ]
    }
}

/// `red-flags` screens: two to five questions, each referring with its own urgency.
enum RedFlags {
    static func fill(_ draft: inout Draft, using random: inout SplitMix64) {
        let count = Int.random(in: 2...5, using: &random)
        let urgencies = (0..<count).map { _ in random.pick(["emergency", "same-day", "soon"]) }
        draft.scoring = ["  flags:"]
        for index in 0..<count {
            let name = "warning_sign_\(index)"
            let id = "\(draft.id)-sign-\(index)"
            draft.inputs += [
                "  \(name):", "    label: Have you noticed warning sign \(index) since the pain started?", "    help: >-",
                "      \(random.pick(Vocabulary.sentences))", "    type: boolean",
            ]
            draft.scoring.append("    - {input: \(name), finding: \(id)}")
            draft.findings.append(Draft.Finding(
                id: id, title: "Warning sign \(index)", explain: "This sign can point to a cause that exercise will not fix.",
                tier: "refer", urgency: urgencies[index],
                advice: "See a doctor (\(urgencies[index])); do not train until you have been seen."))
        }
        let tripped = Int.random(in: 0..<count, using: &random)
        func answers(_ yes: Int?) -> [(input: String, value: String)] {
            (0..<count).map { ("warning_sign_\($0)", $0 == yes ? "true" : "false") }
        }
        let ids = (0..<count).map { "\(draft.id)-sign-\($0)" }
        draft.examples = [
            Draft.Example(name: "no warning signs", answers: answers(nil), notFindings: ids.map { ($0, nil) }, status: "good", referral: "none"),
            Draft.Example(
                name: "one warning sign", answers: answers(tripped), findings: [(ids[tripped], nil)], status: "refer",
                referral: urgencies[tripped]),
        ]
    }
}
