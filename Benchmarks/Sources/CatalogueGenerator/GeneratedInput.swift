/// One generated input with the rule that scores it and two answers: one on the good side of
/// the rule and one that trips it (the rule's first cut-off only), so that examples can say
/// exactly what must come out.
struct GeneratedInput {
    enum Kind: CaseIterable {
        /// A number in degrees; higher is worse.
        case angle
        /// A number in centimetres; lower is worse.
        case distance
        /// An integer count; lower is worse.
        case reps
        /// A duration in seconds; lower is worse.
        case hold
        /// One of three choices; the last is the fault.
        case choice
        /// A yes/no observation; yes is the fault.
        case flag
    }

    var name: String
    var label: String
    var kind: Kind
    var bilateral: Bool
    var threshold: Int
    var secondThreshold: Int
    var range: (Int, Int)
    var choices: [String] = []
    var good: Int
    var bad: Int
    var mdc: Int?

    /// A random input of `kind` named after `part` and `movement`.
    init(kind: Kind, index: Int, bilateral: Bool, using random: inout SplitMix64) {
        let part = random.pick(Vocabulary.bodyParts)
        let movement = random.pick(Vocabulary.movements)
        self.kind = kind
        self.bilateral = bilateral
        switch kind {
        case .angle:
            name = "\(part)_\(movement)_angle_\(index)"
            label = "\(part.initialCapital) \(movement) angle (average of 2 trials)"
            threshold = Int.random(in: -5...25, using: &random)
            secondThreshold = threshold + Int.random(in: 8...15, using: &random)
            range = (-45, 90)
            good = threshold - Int.random(in: 3...20, using: &random)
            bad = threshold + Int.random(in: 1...(secondThreshold - threshold - 1), using: &random)
            mdc = random.chance(0.6) ? Int.random(in: 3...11, using: &random) : nil
        case .distance:
            name = "\(part)_\(movement)_reach_\(index)"
            label = "Distance reached in the \(part) \(movement) test"
            threshold = Int.random(in: 6...20, using: &random)
            secondThreshold = threshold - Int.random(in: 3...5, using: &random)
            range = (0, 60)
            good = threshold + Int.random(in: 1...15, using: &random)
            bad = threshold - Int.random(in: 1...(threshold - secondThreshold - 1), using: &random)
            mdc = random.chance(0.5) ? 2 : nil
        case .reps:
            name = "\(part)_\(movement)_reps_\(index)"
            label = "\(part.initialCapital) \(movement) repetitions with good form"
            threshold = Int.random(in: 12...25, using: &random)
            secondThreshold = threshold - Int.random(in: 5...8, using: &random)
            range = (0, 100)
            good = threshold + Int.random(in: 0...15, using: &random)
            bad = threshold - Int.random(in: 1...(threshold - secondThreshold - 1), using: &random)
        case .hold:
            name = "\(part)_\(movement)_hold_\(index)"
            label = "\(part.initialCapital) \(movement) hold time"
            threshold = Int.random(in: 30...120, using: &random)
            secondThreshold = threshold - Int.random(in: 10...25, using: &random)
            range = (0, 600)
            good = threshold + Int.random(in: 0...200, using: &random)
            bad = threshold - Int.random(in: 1...(threshold - secondThreshold - 1), using: &random)
        case .choice:
            name = "\(part)_\(movement)_felt_in_\(index)"
            label = "Where did you feel the \(part) \(movement) most?"
            choices = ["target_muscle", "\(random.pick(Vocabulary.bodyParts))_area", "lower_back"]
            threshold = 0
            secondThreshold = 0
            range = (0, 0)
            good = 0
            bad = 2
        case .flag:
            name = "\(part)_\(movement)_fault_\(index)"
            label = "During the \(part) \(movement), did the low back take over?"
            threshold = 0
            secondThreshold = 0
            range = (0, 0)
            good = 0
            bad = 1
        }
    }

    var isNumeric: Bool { kind == .angle || kind == .distance || kind == .reps || kind == .hold }

    /// The condition of the rule's first cut-off (the one examples trip).
    var condition: String {
        switch kind {
        case .angle: "\(name) > \(threshold)"
        case .distance, .reps, .hold: "\(name) < \(threshold)"
        case .choice: "\(name) == '\(choices[2])'"
        case .flag: name
        }
    }

    /// The condition of the rule's second, stricter cut-off, for numbers.
    var strictCondition: String? {
        switch kind {
        case .angle: "\(name) > \(secondThreshold)"
        case .distance, .reps, .hold: "\(name) < \(secondThreshold)"
        case .choice, .flag: nil
        }
    }

    /// The answer text for a value of this input (`good` or `bad`).
    func answer(_ value: Int, style: Int) -> String {
        switch kind {
        case .choice: choices[value]
        case .flag: value == 0 ? "false" : "true"
        case .hold where style % 3 == 1: "\(value / 60)m\(value % 60)s"
        case .hold where style % 3 == 2: "\(value / 60):\(value % 60 < 10 ? "0" : "")\(value % 60)"
        default: String(value)
        }
    }

    /// The YAML lines declaring the input under `inputs:`.
    func declaration(help: String) -> [String] {
        var lines = ["  \(name):", "    label: \(label)", "    help: >-", "      \(help)"]
        switch kind {
        case .angle: lines += ["    type: number", "    unit: deg"]
        case .distance: lines += ["    type: number", "    unit: cm"]
        case .reps: lines += ["    type: integer", "    unit: reps"]
        case .hold: lines += ["    type: duration", "    unit: s"]
        case .choice: lines += ["    type: choice", "    choices: [\(choices.joined(separator: ", "))]"]
        case .flag: lines += ["    type: boolean"]
        }
        if isNumeric { lines.append("    range: [\(range.0), \(range.1)]") }
        if bilateral { lines.append("    sides: [left, right]") }
        if let mdc { lines.append("    mdc: \(mdc)") }
        return lines
    }
}
