import BackCheckExpressions
import BackCheckPluginAPI
import BackCheckYAML

extension AnswerSet {
    /// The answers as an answers file (spec 8) that reads back to the same answers: YAML,
    /// strings quoted, durations in seconds, skipped optional inputs left out (or `null` for
    /// one side). `comment` becomes a `#` line at the top.
    public func yaml(comment: String? = nil) -> String {
        var lines: [String] = []
        if let comment { lines += comment.split(separator: "\n", omittingEmptySubsequences: false).map { "# \($0)" } }
        var profileFields: [String] = []
        if let name = profile.name { profileFields.append("name: \(Self.quoted(name))") }
        if let sex = profile.sex { profileFields.append("sex: \(sex.rawValue)") }
        if let age = profile.age { profileFields.append("age: \(Value.format(age))") }
        if let weight = profile.bodyweightKg { profileFields.append("bodyweight_kg: \(Value.format(weight))") }
        if let days = profile.trainingDaysPerWeek { profileFields.append("training_days_per_week: \(Value.format(days))") }
        if !profile.backHistory.isEmpty {
            profileFields.append("back_history: [\(profile.backHistory.map(\.rawValue).joined(separator: ", "))]")
        }
        if let recent = profile.backHistoryRecent { profileFields.append("back_history_recent: \(recent)") }
        lines.append("profile: {\(profileFields.joined(separator: ", "))}")
        if screenedElsewhere { lines.append("screened_elsewhere: true") }
        lines.append("answers:")
        for entry in entries {
            lines.append("  \(entry.assessment.id):")
            var wrote = false
            for input in entry.assessment.inputs {
                guard let binding = entry.answers.values[input.name] else { continue }
                switch binding {
                case .single(nil): continue
                case .single(let value?): lines.append("    \(input.name): \(Self.yaml(value))")
                case .bilateral(nil, nil): continue
                case .bilateral(let left, let right):
                    lines.append("    \(input.name): {left: \(left.map(Self.yaml) ?? "null"), right: \(right.map(Self.yaml) ?? "null")}")
                }
                wrote = true
            }
            if !wrote { lines[lines.count - 1] += " {}" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func yaml(_ value: Value) -> String {
        switch value {
        case .number(let number): Value.format(number)
        case .bool(let flag): flag ? "true" : "false"
        case .string(let text): quoted(text)
        case .sequence(let items): "[" + items.map(quoted).joined(separator: ", ") + "]"
        }
    }

    /// `text` as a double-quoted scalar that reads back as the same text: JSON's escapes, and
    /// `\u` escapes for what YAML does not take as it is in quotes (DEL and the C1 controls) or
    /// would read as a line break (NEL, U+2028, U+2029), and the byte order mark.
    static func quoted(_ text: String) -> String {
        let json = JSONValue.string(text).serialized()
        guard json.unicodeScalars.contains(where: needsEscape) else { return json }
        var result = ""
        for scalar in json.unicodeScalars {
            guard needsEscape(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
        return result
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF
    }
}
