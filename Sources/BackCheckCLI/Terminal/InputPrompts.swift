import AssessmentKit
import BackCheckYAML
import BackCheckExpressions
import BackCheckPluginAPI

/// Asks for one input: its label, unit, range and help, left then right when bilateral,
/// re-asking with the reason until the value is acceptable.
struct InputPrompts {
    let terminal: Terminal
    /// Whether typing `pain` at a timed test stops the assessment (it has an answer that voids
    /// its measurements, such as "stopped because of pain"): the protocol says to stop at once.
    var painStops = false

    /// Thrown when the person types `pain` at a timed test that ``painStops``.
    struct StoppedForPain: Error {}

    /// Thrown when the person types `back`: the question before is to be asked again.
    struct GoBack: Error {}

    /// The answer to `input`; with `holdFollows`, the rest the protocol asks for is counted
    /// down after it (and between its sides), before the next hold.
    func ask(_ input: AssessmentInput, holdFollows: Bool = false) throws -> Binding {
        let width = terminal.width
        terminal.say()
        for line in wrap(input.label, indent: "  ", width: width) { terminal.say(terminal.emphasis(line)) }
        for line in wrap("[" + PromptAnswer.hint(for: input) + "]", indent: "  ", width: width) { terminal.say(line) }
        if let help = input.help {
            for line in wrap(help, indent: "    ", width: width) { terminal.say(line) }
        }
        if input.type == .choice || input.type == .sequence {
            for (index, choice) in input.spec.choices.enumerated() {
                let words = input.choiceLabels[choice].map { " (\($0))" } ?? ""
                for line in wrap("\(index + 1)) \(choice)\(words)", indent: "    ", hanging: true, width: width) { terminal.say(line) }
            }
        }
        guard input.bilateral else {
            let value = try value(input, side: nil)
            try rest(after: input, value: value, holdFollows: holdFollows)
            return .single(value)
        }
        let left = try value(input, side: "left")
        try rest(after: input, value: left, holdFollows: true)
        let right = try value(input, side: "right")
        try rest(after: input, value: right, holdFollows: holdFollows)
        return .bilateral(left: left, right: right)
    }

    private func rest(after input: AssessmentInput, value: Value?, holdFollows: Bool) throws {
        guard holdFollows, value != nil, let seconds = input.restAfterSeconds else { return }
        try Stopwatch.rest(seconds, terminal: terminal)
    }

    /// One value; `nil` when an optional input is skipped.
    private func value(_ input: AssessmentInput, side: String?) throws -> Value? {
        var hints: [String] = []
        if input.type == .duration { hints.append("type a time, or press Enter for the stopwatch") }
        if input.type == .duration, painStops { hints.append("type 'pain' if it hurts: the test stops there") }
        if input.optional { hints.append(input.type == .duration ? "optional: type 'skip' to skip" : "optional: Enter to skip") }
        // The hints go on their own wrapped line, so the prompt itself stays short enough for
        // a narrow terminal to show whole.
        if !hints.isEmpty {
            let text = (side.map { "\($0): " } ?? "") + hints.joined(separator: "; ")
            for line in wrap(text, indent: "  ", width: terminal.width) { terminal.say(line) }
        }
        let prompt = "  " + (side ?? "") + " >"
        while true {
            var typed = try terminal.ask(side == nil ? "  >" : prompt)
            if painStops, input.type == .duration, ["pain", "stop"].contains(typed.lowercased().filter { !$0.isWhitespace }) {
                throw StoppedForPain()
            }
            if typed.lowercased().filter({ !$0.isWhitespace }) == "back" { throw GoBack() }
            if ["?", "help"].contains(typed.lowercased().filter { !$0.isWhitespace }) {
                // Said again in words, with what can be typed: a screen reader's user cannot
                // glance back up at the question (found by an accessibility review).
                let keys = (["Type the answer and press Enter", "'back' answers the question before again"] + hints)
                    .joined(separator: "; ") + "."
                for line in wrap((input.help.map { $0 + " " } ?? "") + keys, indent: "  ", width: terminal.width) { terminal.say(line) }
                continue
            }
            if input.optional, typed.lowercased() == "skip" || typed == "-" || (typed.isEmpty && input.type != .duration) {
                return nil
            }
            if input.type == .duration, typed.isEmpty {
                typed = Value.format(try Stopwatch(terminal: terminal, cap: input.range?.upperBound, painStops: painStops).time())
            } else if input.type == .choice || input.type == .sequence {
                typed = numbersToChoices(typed, choices: input.spec.choices)
            }
            switch PromptAnswer.check(typed, for: input) {
            case .success(let value): return value
            case .failure(let problem):
                terminal.refuse(problem.message)
            }
        }
    }

    /// Lets `2` or `2, 1` stand for the numbered choices (words are matched by ``PromptAnswer``).
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
        // Optional, as in an answers file: without it the stricter of the two norms is used,
        // and the report says so. Short, as the questions after it: one line at 50 columns.
        profile = try field(.sex, "  Sex (female or male; Enter to skip):", optional: true, profile)
        profile = try field(.age, "  Age in years (5 to 120):", optional: false, profile)
        profile = try field(.bodyweightKg, "  Body weight, kg (Enter to skip):", optional: true, profile)
        profile = try field(.trainingDaysPerWeek, "  Training days a week, 0 to 7 (Enter to skip):", optional: true, profile)
        return profile
    }

    private func field(_ field: PromptAnswer.ProfileField, _ question: String, optional: Bool, _ profile: Profile) throws -> Profile {
        while true {
            let typed = try terminal.ask(question)
            if optional, typed.isEmpty { return profile }
            switch PromptAnswer.set(field, from: typed.lowercased(), in: profile) {
            case .success(let updated): return updated
            case .failure(let problem):
                terminal.refuse(problem.message)
            }
        }
    }
}
