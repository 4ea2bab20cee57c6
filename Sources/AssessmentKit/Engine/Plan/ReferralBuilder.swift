import BackCheckPluginAPI

/// Works out the referral: any `refer` finding puts one at the top of the report, the
/// most urgent one decides how soon, and the message says it in plain words.
enum ReferralBuilder {
    static func referral(from results: [AssessmentResult]) -> Referral? {
        var reasons: [ReferralReason] = []
        for result in results {
            for raised in result.findings {
                guard let finding = result.assessment.finding(raised.id), finding.tier == .refer else { continue }
                reasons.append(ReferralReason(
                    assessment: result.assessment.id, finding: finding.id, title: finding.title, side: raised.side,
                    urgency: finding.urgency ?? .soon, advice: finding.advice ?? ""))
            }
        }
        // A stable sort: most urgent first, then in report order.
        let ordered = reasons.enumerated().sorted { a, b in
            a.element.urgency != b.element.urgency ? a.element.urgency < b.element.urgency : a.offset < b.offset
        }.map(\.element)
        guard let urgency = ordered.first?.urgency else { return nil }
        // Several findings' advice often ends with the same warning (when to go to A&E): each
        // sentence is said once, where it first comes, and so is a closing clause several
        // sentences share ("…, and keep moving with exercises that do not hurt.").
        var advice: [String] = []
        var said = SaidSentences()
        for reason in ordered where reason.urgency == urgency && !reason.advice.isEmpty {
            let fresh = Self.sentences(reason.advice).compactMap { said.fresh($0) }
            if !fresh.isEmpty { advice.append(fresh.joined(separator: " ")) }
        }
        let message = ([headline(urgency)] + advice).joined(separator: " ")
        return Referral(urgency: urgency, message: message, reasons: ordered)
    }

    /// The sentences of a referral message said so far, and their closing clauses.
    struct SaidSentences {
        private var sentences: Set<String> = []
        private var closingClauses: Set<Substring> = []

        /// `sentence` as it still needs saying: `nil` when it was said already, without its
        /// closing `, and …` clause when an earlier sentence ended with the same one.
        mutating func fresh(_ sentence: String) -> String? {
            var sentence = sentence
            if let joint = sentence.ranges(of: ", and ").last, sentence.hasSuffix(".") {
                let clause = sentence[joint.upperBound...]
                if closingClauses.contains(clause) {
                    sentence = sentence[..<joint.lowerBound] + "."
                } else {
                    closingClauses.insert(clause)
                }
            }
            return sentences.insert(sentence).inserted ? sentence : nil
        }
    }

    /// `text` split after each `.`, `!` or `?` that a space follows.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var previous: Character?
        for character in text {
            if character == " ", let previous, ".!?".contains(previous), !current.isEmpty {
                result.append(current)
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// The first sentence of the message: what to do and how soon.
    static func headline(_ urgency: Urgency) -> String {
        switch urgency {
        case .emergency:
            // An ambulance first: some emergencies on the screen (chest pain, a tearing pain with
            // faintness) must not wait for a drive to hospital; their own advice says more.
            "Get emergency help now: call an ambulance or go to an emergency department, and do not train."
        case .sameDay:
            // "Today" is when to make contact: some same-day findings (a past cancer) need to be
            // examined within days, and their advice says so; the two must read as one urgency.
            "Contact a doctor today, and stop loaded training until you have been seen; the doctor decides how soon you need to be examined."
        case .soon:
            "See a doctor or physiotherapist soon (not an emergency: within days to a couple of weeks), and stop loaded training until then; the plan holds only unloaded work."
        }
    }

    /// Why the plan is empty or shorter, in the report's plan notes.
    static func planNote(_ urgency: Urgency) -> String? {
        switch urgency {
        case .emergency: "No exercises: an emergency referral comes first. Get checked before any training."
        case .sameDay: "No exercises: contact a doctor today first. Exercise can be planned once you have been checked."
        case .soon: nil
        }
    }
}
