package import BackCheckExpressions
package import BackCheckPluginAPI
import BackCheckYAML

/// Checks one value typed at an interactive prompt exactly as the same value in an answers
/// file would be checked (type, range, choices), so both ways of answering agree.
package enum PromptAnswer {
    /// The value typed for `input` (one side of it when bilateral), or the reason it is not
    /// acceptable, in words for the person at the prompt. Booleans also take y/yes/n/no;
    /// sequences may be typed as `a, b, c`.
    package static func check(_ text: String, for input: AssessmentInput) -> Result<Value, PromptProblem> {
        var typed = normalised(text, for: input)
        switch input.type {
        case .boolean:
            switch typed.lowercased() {
            case "y", "yes", "true": typed = "true"
            case "n", "no", "false": typed = "false"
            default: return .failure(PromptProblem(message: "answer y (yes) or n (no)"))
            }
        case .sequence where !typed.hasPrefix("["):
            typed = "[" + typed + "]"
        default:
            break
        }
        guard !typed.isEmpty else { return .failure(PromptProblem(message: "type a value")) }
        let parsed = YAMLParser().parse(typed, file: "<prompt>")
        guard !parsed.diagnostics.hasErrors, let node = parsed.documents.first?.root else {
            return .failure(PromptProblem(message: "that is not a value I can read; \(hint(for: input))"))
        }
        let reader = NodeReader()
        var single = input
        single.spec.bilateral = false
        guard let value = ValueReader.read(node, input: single, what: .question(label: input.label), reader: reader) else {
            let message = reader.diagnostics.all.first?.message ?? "not accepted"
            return .failure(PromptProblem(message: message))
        }
        return .success(value)
    }

    /// What to type, e.g. `a number from -45 to 60 deg`, `95, 1:35 or 1m35s`.
    package static func hint(for input: AssessmentInput) -> String {
        let unit = input.unit.flatMap { $0 == "none" ? nil : " \($0)" } ?? ""
        let range = input.range.map { " from \(NumberText.format($0.lowerBound)) to \(NumberText.format($0.upperBound))\(unit)" } ?? unit
        switch input.type {
        case .number: return "a number\(range)"
        case .integer: return "a whole number\(range)"
        case .duration: return "a time such as 95, 95s, 1:35 or 1m35s\(range)"
        case .boolean: return "y or n"
        case .choice: return "the number or the word of one of: " + input.spec.choices.joined(separator: ", ")
        case .sequence: return "the order, numbers or words separated by commas, from: " + input.spec.choices.joined(separator: ", ")
        }
    }
}

/// Why a typed value was not accepted.
package struct PromptProblem: Error, Sendable, Hashable {
    /// The reason, in words.
    package var message: String
}

extension PromptAnswer {
    /// The fields of the profile, as an answers file names them.
    package enum ProfileField: String, Sendable, CaseIterable {
        /// `female` or `male`.
        case sex
        /// Years.
        case age
        /// Kilograms.
        case bodyweightKg = "bodyweight_kg"
        /// Days a week.
        case trainingDaysPerWeek = "training_days_per_week"

        /// What the prompt calls it.
        var words: String {
            switch self {
            case .sex: "sex"
            case .age: "the age"
            case .bodyweightKg: "the body weight (kg)"
            case .trainingDaysPerWeek: "training days a week"
            }
        }
    }

    /// `profile` with `field` set from the typed `text`, checked as the `profile` block of an
    /// answers file is; or the reason it is not acceptable.
    package static func set(_ field: ProfileField, from text: String, in profile: Profile) -> Result<Profile, PromptProblem> {
        let units = switch field {
        case .sex: [String]()
        case .age: ["years", "year", "yrs", "y"]
        case .bodyweightKg: ["kg", "kgs", "kilos", "kilograms"]
        case .trainingDaysPerWeek: ["days a week", "days", "a week", "/week", "/wk"]
        }
        let written = text.trimmingSpaces
        var typed = field == .sex ? written.lowercased() : plainNumber(written, units: units) ?? written
        // At a prompt, the first letter will do.
        if field == .sex { typed = ["m": "male", "f": "female"][typed] ?? typed }
        guard !typed.isEmpty else { return .failure(PromptProblem(message: "type a value")) }
        let parsed = YAMLParser().parse("{\(field.rawValue): \(typed)}", file: "<prompt>")
        let reader = NodeReader()
        guard !parsed.diagnostics.hasErrors, let node = parsed.documents.first?.root,
              node.mapping?.count == 1, let read = ProfileReader.read(node, reader: reader) else {
            let message = reader.diagnostics.all.first?.message ?? "that is not a value I can read"
            // Said in the prompt's words, not the answers file's key (a review met 'bodyweight_kg').
            return .failure(PromptProblem(message: message.replacing("'\(field.rawValue)'", with: field.words)))
        }
        var updated = profile
        switch field {
        case .sex: updated.sex = read.sex
        case .age: updated.age = read.age
        case .bodyweightKg: updated.bodyweightKg = read.bodyweightKg
        case .trainingDaysPerWeek:
            // A fraction of a day is refused by the profile's reader, as in a file.
            updated.trainingDaysPerWeek = read.trainingDaysPerWeek
        }
        return .success(updated)
    }
}
