import AssessmentKit
import BackCheckYAML
import BackCheckExpressions
import BackCheckPluginAPI

/// A guided run at the terminal: the menu of tests with their minutes, the profile, then the
/// red-flag screen (stopping at once on an emergency answer), then each chosen assessment with
/// its progress, instructions and prompts, every line wrapped to the terminal's width.
struct InteractiveSession {
    /// How a session ended.
    enum Outcome {
        /// Every assessment was answered or skipped.
        case finished(AnswerSet)
        /// An answer of the red-flag screen needs the emergency department; the session
        /// stopped there.
        case emergency(AnswerSet)
        /// The red-flag screen found a reason to see a doctor first (today, or soon and the
        /// person chose to stop): the session stopped before the physical tests.
        case stoppedForReferral(AnswerSet)
    }

    let terminal: Terminal
    let catalogue: Catalogue
    let assessments: [Assessment]
    /// Whether to ask which tests to do (no ids were named on the command line).
    var askWhichTests = true

    /// Whether the person starts the test (Enter) or leaves it out (`skip`); any other answer is
    /// asked again, since a timed test must not start on a typo, and a test must not be lost to
    /// a stray `n` typed straight after a run of yes/no questions (found by a review).
    private func readyToStart() throws -> Bool {
        var answer = try terminal.ask("  Press Enter when you are ready, or type 'skip' to leave this test out:")
        while true {
            switch answer.lowercased().filter({ !$0.isWhitespace }) {
            case "": return true
            case "skip": return false
            case "s", "n", "no":
                answer = try terminal.ask("  To leave this test out, type the word 'skip'; to start it, press Enter:")
            default:
                terminal.refuse("that is neither Enter nor 'skip'")
                answer = try terminal.ask("  Press Enter to start, or type 'skip':")
            }
        }
    }

    func run() throws -> Outcome {
        // The report (or the reason there is none) starts on a line of its own, apart from the
        // last answer typed.
        defer { terminal.say() }
        for line in wrap("BackCheck: a guided check of why your lower back hurts in leg training.", indent: "", width: terminal.width) {
            terminal.say(terminal.emphasis(line))
        }
        for line in wrap("Answer each question and press Enter; within a test, type 'back' to answer the one before again, and 'help' to hear a question's help again. Ctrl-C stops at any time; nothing is saved until the end.", indent: "", width: terminal.width) {
            terminal.say(line)
        }
        terminal.say()
        let chosen = try SessionMenu(terminal: terminal, assessments: assessments).choose(ask: askWhichTests)
        let profile = try ProfilePrompts(terminal: terminal).ask()
        var entries: [AnswerSet.Entry] = []
        // The referral reasons the person has already been told of (and chose to go on with).
        var referralReasons: Set<String> = []
        for (index, assessment) in chosen.enumerated() {
            introduce(assessment, number: index + 1, of: chosen.count, minutesLeft: chosen[index...].reduce(0) { $0 + $1.durationMinutes })
            if !assessment.isRedFlagScreen {
                guard try readyToStart() else {
                    terminal.say("  Skipped.")
                    continue
                }
            }
            var values: [String: Binding] = [:]
            var skipped: [String] = []
            let prompts = InputPrompts(terminal: terminal, painStops: assessment.inputs.contains { $0.voidsResults && $0.type == .boolean })
            var position = 0
            while position < assessment.inputs.count {
                let input = assessment.inputs[position]
                let holdFollows = assessment.inputs[(position + 1)...].contains { $0.type == .duration }
                let binding: Binding
                do {
                    binding = try prompts.ask(input, holdFollows: holdFollows)
                } catch is InputPrompts.StoppedForPain {
                    stopForPain(assessment, from: position, values: &values, skipped: &skipped)
                    break
                } catch is InputPrompts.GoBack {
                    // A mistyped answer (a "no" meant as "yes" on the red-flag screen) can be
                    // put right; the first question of a test has none before it in the test.
                    if position == 0 {
                        terminal.refuse("this is the first question of this test, so there is none before it to change")
                    } else {
                        position -= 1
                        values[assessment.inputs[position].name] = nil
                        skipped.removeAll { $0 == assessment.inputs[position].name }
                        terminal.say("  Back to the question before:")
                    }
                    continue
                }
                position += 1
                values[input.name] = binding
                if binding == .single(nil) || binding == .bilateral(left: nil, right: nil) { skipped.append(input.name) }
                guard assessment.isRedFlagScreen else { continue }
                let partial = AnswerSet(profile: profile, entries: entries + [AnswerSet.Entry(
                    assessment: assessment, answers: AssessmentAnswers(values: values, skipped: skipped))])
                if Self.isEmergency(partial, catalogue: catalogue) { return .emergency(partial) }
            }
            entries.append(AnswerSet.Entry(assessment: assessment, answers: AssessmentAnswers(values: values, skipped: skipped)))
            if index + 1 < chosen.count,
               try stopsBeforeTheTests(AnswerSet(profile: profile, entries: entries), after: assessment, known: &referralReasons) {
                return .stoppedForReferral(AnswerSet(profile: profile, entries: entries))
            }
        }
        return .finished(AnswerSet(profile: profile, entries: entries))
    }

    static func isEmergency(_ answers: AnswerSet, catalogue: Catalogue) -> Bool {
        ReportBuilder(catalogue: catalogue).report(for: answers, generatedAt: "").referral?.urgency == .emergency
    }

    private func introduce(_ assessment: Assessment, number: Int, of count: Int, minutesLeft: Double) {
        let width = terminal.width
        terminal.say()
        terminal.say(terminal.emphasis("== Test \(number) of \(count), about \(NumberText.format(minutesLeft.rounded(.up))) min left"))
        for line in wrap("\(assessment.title) (about \(NumberText.format(assessment.durationMinutes)) min)", indent: "   ", width: width) {
            terminal.say(terminal.emphasis(line))
        }
        for line in wrap(assessment.summary, indent: "  ", width: width) { terminal.say(line) }
        if !assessment.equipment.isEmpty {
            for line in wrap("You need: " + assessment.equipment.joined(separator: "; "), indent: "  ", width: width) { terminal.say(line) }
        }
        terminal.say("  How to do it:")
        for step in assessment.instructions.split(separator: "\n") {
            for line in wrap(String(step), indent: "    ", hanging: true, width: width) { terminal.say(line) }
        }
    }
}

/// Wraps `text` to `width` display columns as the report does (CJK breaks between
/// characters); `hanging` indents continuation lines under a `1. ` number.
func wrap(_ text: String, indent: String, hanging: Bool = false, width: Int = 80) -> [String] {
    // Line breaks in the source are spaces here: the terminal's width decides where lines end.
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
    guard let first = words.first else { return [] }
    let rest = hanging && (first.last == "." || first.last == ")")
        ? indent + String(repeating: " ", count: TextWrap.columns(first) + 1) : indent
    return TextWrap.indented(words.joined(separator: " "), width: width, first: indent, rest: rest)
}
