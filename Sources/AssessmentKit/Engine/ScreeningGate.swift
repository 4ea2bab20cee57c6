import BackCheckPluginAPI

/// Works out the screening status (spec 7, second edition) from the screens that were run.
enum ScreeningGate {
    /// `results` are every assessment run; `screens` the catalogue's red-flag screens, whose
    /// questions are listed when none was answered at all.
    static func screening(results: [AssessmentResult], screenedElsewhere: Bool, screens: [Assessment]) -> Screening {
        let run = results.filter(\.assessment.isRedFlagScreen)
        let positive = run.contains { result in
            result.findings.contains { result.assessment.finding($0.id)?.tier == .refer }
        }
        // An answered question that raises a referral always wins over the flag; the rest of
        // the screen still gets asked (a "soon" answer must not hide an emergency question).
        // A clinician who screened in person has asked them.
        if positive { return Screening(status: .positive, unanswered: screenedElsewhere ? [] : unanswered(in: run)) }
        if screenedElsewhere {
            // A yes given here that counts only at some ages cannot be judged without the age;
            // the clinician's screen does not answer for it, so the age is asked for.
            let needed = unanswered(in: run).filter { $0.id.hasPrefix("profile.") }
            return needed.isEmpty ? Screening(status: .skipped) : Screening(status: .incomplete, unanswered: needed)
        }
        if run.isEmpty {
            let questions = screens.flatMap { screen in
                screen.inputs.filter { !$0.optional }.map { ScreeningQuestion(id: $0.name, label: $0.label) }
            }
            return Screening(status: .incomplete, unanswered: questions)
        }
        let unanswered = unanswered(in: run)
        return Screening(status: unanswered.isEmpty ? .complete : .incomplete, unanswered: unanswered)
    }

    /// The questions of the screens run that were left unanswered, in order.
    private static func unanswered(in run: [AssessmentResult]) -> [ScreeningQuestion] {
        run.flatMap { result in
            result.unanswered.map { ScreeningQuestion(id: $0, label: label(of: $0, in: result.assessment)) }
        }
    }

    /// The question for a name: the input's label, or a plain request for a profile field.
    static func label(of name: String, in assessment: Assessment) -> String {
        if let input = assessment.input(name) { return input.label }
        switch name {
        case "profile.age": return "How old are you? (Give 'age' under 'profile'; some answers only count as a warning sign at certain ages.)"
        case "profile.sex": return "Your sex (give 'sex' under 'profile')."
        default: return "Give '\(name.dropFirst("profile.".count))' under 'profile'."
        }
    }
}
