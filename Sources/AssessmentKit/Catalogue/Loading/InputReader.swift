import BackCheckExpressions
import BackCheckPluginAPI
public import BackCheckYAML

/// The units an input may be measured in (`unit:` in the format; `backcheck list units`).
public enum InputUnit: String, CaseIterable, YAMLEnumeration, Sendable {
    /// Degrees of an angle.
    case deg
    /// Seconds (every `duration` input).
    case s
    /// Centimetres.
    case cm
    /// A count of repetitions.
    case reps
    /// Kilograms.
    case kg
    /// Beats per minute.
    case bpm
    /// Percent.
    case percent
    /// No unit.
    case none
}

/// Reads an assessment's `inputs` block (spec 3).
enum InputReader {
    static let sideNames = ["left", "right"]

    /// Reads every input; `failed` is set when any is bad (all are reported). The inputs that
    /// could be read at all (a name, a label and a type) are answered either way, so the rest of
    /// the assessment can be checked against them in the same pass.
    static func readAll(_ fields: MappingReader, reader: NodeReader, failed: inout Bool) -> [AssessmentInput] {
        var unreadable: [String] = []
        return readAll(fields, reader: reader, failed: &failed, unreadable: &unreadable)
    }

    /// ``readAll(_:reader:failed:)``, also answering the well-named inputs that could not be
    /// read at all (their errors said why), so that uses of them need not be reported again.
    static func readAll(_ fields: MappingReader, reader: NodeReader, failed: inout Bool, unreadable: inout [String]) -> [AssessmentInput] {
        let entries = fields.allEntries()
        // Sized once: a catalogue keeps every list it reads, and a grown one keeps its slack.
        var inputs: [AssessmentInput] = []
        inputs.reserveCapacity(entries.count)
        for (name, keyNode, node) in entries {
            guard Identifier.isSnakeCase(name) else {
                reader.error("input name '\(name)' must be snake_case: a lower-case letter, then letters, digits or '_'", at: keyNode.mark)
                failed = true
                continue
            }
            if let reason = ReservedNames.reason(name) {
                reader.error("input name '\(name)' \(reason); choose another", at: keyNode.mark)
                failed = true
                continue
            }
            if let input = read(node, name: name, reader: reader, recovered: &failed) {
                inputs.append(input)
            } else {
                failed = true
                unreadable.append(name)
            }
        }
        if inputs.isEmpty, !failed { reader.error("'inputs' is empty; an assessment needs at least one input", at: fields.node.mark) }
        if inputs.isEmpty { failed = true }
        return inputs
    }

    private static func read(_ node: YAMLNode, name: String, reader: NodeReader, recovered: inout Bool) -> AssessmentInput? {
        guard let fields = reader.mapping(node, of: "input '\(name)'") else { return nil }
        let label = fields.required("label", as: String.self)
        let help = fields.optional("help", as: String.self)
        let type = fields.required("type", as: InputSpec.InputType.self)
        let unitNode = fields.node("unit")
        let unit = unitNode.flatMap { reader.read(InputUnit.self, from: $0) }
        let rangeNode = fields.node("range")
        let range = rangeNode.flatMap { RangeReader.read($0, what: "range", reader: reader) }
        let sidesNode = fields.node("sides")
        let sides = sidesNode.flatMap { reader.read([String].self, from: $0) }
        let mdc = fields.optional("mdc", as: Double.self, in: 0...)
        let lowerIsBetter = fields.optional("lower_is_better", as: Bool.self)
        let optional = fields.optional("optional", as: Bool.self) ?? false
        let choicesNode = fields.node("choices")
        let choices = choicesNode.flatMap { reader.read([String].self, from: $0) }
        let labels = fields.optionalMapping("choice_labels", of: "choice labels").map { readLabels($0, reader: reader) }
        let rest = fields.optional("rest_after_s", as: Double.self, in: 1...3600)
        let voids = fields.optional("voids_results", as: Bool.self) ?? false
        fields.rejectUnknownKeys()

        var valid = label != nil && type != nil && (unitNode == nil || unit != nil)
        valid = valid && (rangeNode == nil || range != nil) && (sidesNode == nil || sides != nil)
        valid = valid && (choicesNode == nil || choices != nil)
        if let sides, let sidesNode, sides != sideNames {
            reader.error("sides must be [left, right], found [\(sides.joined(separator: ", "))]", at: sidesNode.mark)
            valid = false
        }
        if let type {
            valid = check(type: type, unit: unit, unitNode: unitNode, rangeNode: rangeNode, choices: choices,
                          choicesNode: choicesNode, fields: fields, reader: reader) && valid
        }
        if voids, let type, type != .boolean {
            reader.error("voids_results is for a yes/no question (type: boolean), such as whether a hold stopped for pain", at: fields.node("voids_results")?.mark)
            valid = false
        }
        if let labels, let choices {
            for (choice, keyNode) in labels.keys where !choices.contains(choice) {
                reader.error("choice label for '\(choice)', which is not one of the choices\(Suggestion.hint(for: choice, among: choices))", at: keyNode.mark)
                valid = false
            }
        }
        // With a label and a type the input is usable for checking the rest of the assessment
        // (its expressions, its scoring) in the same pass, even when another of its keys is wrong.
        if !valid { recovered = true }
        guard let label, let type else { return nil }
        let spec = InputSpec(
            name: name, label: label, type: type, unit: type == .duration ? "s" : unit.flatMap { $0 == .none ? nil : $0.rawValue },
            range: range, bilateral: sides != nil, optional: optional, mdc: mdc, choices: choices ?? [])
        return AssessmentInput(
            spec: spec, help: help, choiceLabels: labels?.values ?? [:], lowerIsBetter: lowerIsBetter,
            restAfterSeconds: rest, voidsResults: voids, mark: node.mark)
    }

    /// Checks what depends on the type: choices only for choice and sequence, ranges only
    /// for numbers, seconds for durations.
    private static func check(
        type: InputSpec.InputType, unit: InputUnit?, unitNode: YAMLNode?, rangeNode: YAMLNode?, choices: [String]?,
        choicesNode: YAMLNode?, fields: MappingReader, reader: NodeReader
    ) -> Bool {
        var valid = true
        let takesChoices = type == .choice || type == .sequence
        if takesChoices, choices == nil, choicesNode == nil {
            reader.error("a \(type.rawValue) input needs 'choices': the ids a person picks from", at: fields.node.mark)
            valid = false
        }
        if let choices, let choicesNode {
            if !takesChoices {
                reader.error("'choices' belongs to choice and sequence inputs, not \(type.rawValue)", at: choicesNode.mark)
                valid = false
            } else if choices.isEmpty {
                reader.error("'choices' is empty; list at least one id", at: choicesNode.mark)
                valid = false
            } else {
                let items = choicesNode.sequence ?? []
                var seen: Set<String> = []
                for (index, choice) in choices.enumerated() {
                    let mark = index < items.count ? items[index].mark : choicesNode.mark
                    if !seen.insert(choice).inserted {
                        reader.error("'choices' lists '\(choice)' twice; list each id once", at: mark)
                        valid = false
                    } else if !Identifier.isChoiceID(choice) {
                        // An id, as expressions and answers files write it: `felt_in == 'lower_back'`.
                        reader.error(
                            "choice '\(choice)' is not an id: use lower-case letters, digits and '_' or '-' (e.g. '\(String(Identifier.kebabCased(choice).map { $0 == "-" ? "_" : $0 }))'), and put the words people read in choice_labels",
                            at: mark)
                        valid = false
                    }
                }
            }
        }
        if type.valueKind != .number {
            // A unit or measurement error means nothing for a yes/no, a choice or an order.
            for key in ["unit", "mdc"] {
                guard let node = fields.node(key), !(key == "unit" && unit == InputUnit.none) else { continue }
                reader.error("'\(key)' belongs to number, integer and duration inputs, not \(type.rawValue)", at: node.mark)
                valid = false
            }
        }
        if let rangeNode, type.valueKind != .number {
            reader.error("'range' belongs to number, integer and duration inputs, not \(type.rawValue)", at: rangeNode.mark)
            valid = false
        }
        if type == .duration, let unit, unit != .s, let unitNode {
            reader.error("a duration is in seconds: write unit: s or leave the unit out", at: unitNode.mark)
            valid = false
        }
        return valid
    }

    private static func readLabels(_ fields: MappingReader, reader: NodeReader) -> (values: [String: String], keys: [(String, YAMLNode)]) {
        var values: [String: String] = [:]
        var keys: [(String, YAMLNode)] = []
        for (choice, keyNode, node) in fields.allEntries() {
            if let text = reader.read(String.self, from: node) { values[choice] = text }
            keys.append((choice, keyNode))
        }
        return (values, keys)
    }
}
