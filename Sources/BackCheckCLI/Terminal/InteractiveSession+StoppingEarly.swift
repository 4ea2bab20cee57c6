import AssessmentKit
import BackCheckPluginAPI

/// When a guided session stops early: a referral the tests raised, or a hold that hurt.
extension InteractiveSession {
    /// Whether the session ends after `assessment` raised a referral the person has not yet
    /// been told of (`known` holds the reasons already told): the red-flag screen's own
    /// advice is to see a doctor before any of the other tests, several of which load the
    /// back, and so does a test that hurt. A same-day referral stops it, and so does a soon one
    /// for a red flag a doctor checks first; any other soon one stops it unless the person
    /// types `continue`.
    func stopsBeforeTheTests(_ answers: AnswerSet, after assessment: Assessment, known: inout Set<String>) throws -> Bool {
        guard let referral = ReportBuilder(catalogue: catalogue).report(for: answers, generatedAt: "").referral else { return false }
        // Only what this test found is news: a reason the person chose to go on with is not named again.
        let fresh = referral.reasons.filter { known.insert("\($0.assessment)/\($0.finding)/\($0.side?.rawValue ?? "")").inserted }
        guard !fresh.isEmpty else { return false }
        let reasons = fresh.map(\.title).joined(separator: "; ")
        let finder = assessment.isRedFlagScreen ? "The screen" : "This test"
        terminal.say()
        switch referral.urgency {
        case .emergency, .sameDay:
            for line in wrap("\(finder) found a reason to contact a doctor today (\(reasons)), so the other tests wait until you have been checked. Your report follows.", indent: "  ", width: terminal.width) {
                terminal.say(terminal.emphasis(line))
            }
            return true
        case .soon where referral.holdsEveryExercise:
            for line in wrap("\(finder) found a reason to see a doctor soon (\(reasons)), so the other tests wait until a doctor has checked the cause. Your report follows.", indent: "  ", width: terminal.width) {
                terminal.say(terminal.emphasis(line))
            }
            return true
        case .soon:
            for line in wrap("\(finder) found a reason to see a doctor or physiotherapist soon (\(reasons)). The advice is to be checked before the other tests, some of which load the back.", indent: "  ", width: terminal.width) {
                terminal.say(terminal.emphasis(line))
            }
            while true {
                let answer = try terminal.ask("  Press Enter to stop here and see your report, or type 'continue' to do the tests anyway:")
                switch answer.lowercased().filter({ !$0.isWhitespace }) {
                case "": return true
                case "continue", "c": return false
                default: continue
                }
            }
        }
    }

    /// The protocol for a hold that hurts: stop at once and answer yes to the pain question.
    /// The times do not count, so the inputs from `position` on are left unanswered.
    func stopForPain(_ assessment: Assessment, from position: Int, values: inout [String: Binding], skipped: inout [String]) {
        for rest in assessment.inputs[position...] where values[rest.name] == nil {
            if rest.voidsResults, rest.type == .boolean {
                values[rest.name] = .single(.bool(true))
            } else {
                skipped.append(rest.name)
            }
        }
        for line in wrap("Stopped because of pain: this test's times do not count. Your report says what to do next.", indent: "  ", width: terminal.width) {
            terminal.say(terminal.emphasis(line))
        }
    }
}
