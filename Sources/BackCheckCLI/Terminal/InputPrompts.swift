import AssessmentKit
import BackCheckYAML
import BackCheckExpressions
import BackCheckPluginAPI

/// Asks for one input: its label, unit, range and help, left then right when bilateral,
/// re-asking with the reason until the value is acceptable.
struct InputPrompts {
    let terminal: Terminal

    func ask(_ input: AssessmentInput) throws -> Binding {
        terminal.say()
        terminal.say("  " + terminal.emphasis(input.label) + "  [" + PromptAnswer.hint(for: input) + "]")
        if let help = input.help {
            for line in wrap(help, indent: "    ") { terminal.say(line) }
        }
        if input.type == .choice || input.type == .sequence {
            for (index, choice) in input.spec.choices.enumerated() {
                let words = input.choiceLabels[choice].map { " (\($0))" } ?? ""
                terminal.say(VisibleText.escaped("    \(index + 1)) \(choice)\(words)"))
            }
        }
        guard input.bilateral else { return .single(try value(input, side: nil)) }
        let left = try value(input, side: "left")
        let right = try value(input, side: "right")
        return .bilateral(left: left, right: right)
    }

    /// One value; `nil` when an optional input is skipped.
    private func value(_ input: AssessmentInput, side: String?) throws -> Value? {
        var hints: [String] = []
        if input.type == .duration { hints.append("type a time, or press Enter for the stopwatch") }
        if input.optional { hints.append(input.type == .duration ? "optional: type 'skip' to skip" : "optional: Enter to skip") }
        let prompt = "  " + [side, hints.isEmpty ? nil : "(" + hints.joined(separator: "; ") + ")"].compactMap { $0 }.joined(separator: " ")
        while true {
            var typed = try terminal.ask(prompt.trailingSpacesTrimmed + (prompt.trailingSpacesTrimmed.isEmpty ? "  >" : " >"))
            if input.optional, typed.lowercased() == "skip" || typed == "-" || (typed.isEmpty && input.type != .duration) {
                return nil
            }
            if input.type == .duration, typed.isEmpty {
                typed = Value.format(try Stopwatch(terminal: terminal).time())
            } else if input.type == .choice || input.type == .sequence {
                typed = numbersToChoices(typed, choices: input.spec.choices)
            }
            switch PromptAnswer.check(typed, for: input) {
            case .success(let value): return value
            case .failure(let problem):
                terminal.say("    " + terminal.emphasis("not accepted:", code: "1;31") + " \(problem.message). Try again.")
            }
        }
    }

    /// Lets `2` or `2, 1` stand for the numbered choices.
    private func numbersToChoices(_ typed: String, choices: [String]) -> String {
        typed.split(separator: ",").map { part -> String in
            let word = String(part).trimmingCharacters()
            if let number = Int(word), number >= 1, number <= choices.count { return choices[number - 1] }
            return word
        }.joined(separator: ", ")
    }
}

/// Asks for the profile: sex and age, then the optional body weight and training days.
struct ProfilePrompts {
    let terminal: Terminal

    func ask() throws -> Profile {
        terminal.say(terminal.emphasis("About you") + " (used to pick the right norms)")
        var profile = Profile()
        profile = try field(.sex, "  Sex (female or male):", optional: false, profile)
        profile = try field(.age, "  Age in years:", optional: false, profile)
        profile = try field(.bodyweightKg, "  Body weight in kg (optional: Enter to skip):", optional: true, profile)
        profile = try field(.trainingDaysPerWeek, "  Training days a week (optional: Enter to skip):", optional: true, profile)
        return profile
    }

    private func field(_ field: PromptAnswer.ProfileField, _ question: String, optional: Bool, _ profile: Profile) throws -> Profile {
        while true {
            let typed = try terminal.ask(question)
            if optional, typed.isEmpty { return profile }
            switch PromptAnswer.set(field, from: typed.lowercased(), in: profile) {
            case .success(let updated): return updated
            case .failure(let problem):
                terminal.say("    " + terminal.emphasis("not accepted:", code: "1;31") + " \(problem.message). Try again.")
            }
        }
    }
}

extension String {
    /// The string without trailing spaces.
    var trailingSpacesTrimmed: String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
