import BackCheckPluginAPI

/// Works out the referral: any `refer` finding puts one at the top of the report, the
/// most urgent one decides how soon, and the message says it in plain words.
enum ReferralBuilder {
    static func referral(from results: [AssessmentResult]) -> Referral? {
        var reasons: [ReferralReason] = []
        var holdsExercise = false
        for result in results {
            for raised in result.findings {
                guard let finding = result.assessment.finding(raised.id), finding.tier == .refer else { continue }
                holdsExercise = holdsExercise || finding.noExercise
                reasons.append(ReferralReason(
                    assessment: result.assessment.id, finding: finding.id, title: finding.title, side: raised.side,
                    urgency: finding.urgency ?? .soon, advice: finding.advice ?? ""))
            }
        }
        // Most urgent first; then the red-flag screen's reasons, then the other tests' by id, so
        // the order of the answers file changes nothing (found by a review); within a test in
        // the order its evaluator raised them (the screen lists those needing an ambulance first).
        let screens = Set(results.filter(\.assessment.isRedFlagScreen).map(\.assessment.id))
        let ordered = reasons.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.urgency != y.urgency { return x.urgency < y.urgency }
            let (xScreen, yScreen) = (screens.contains(x.assessment), screens.contains(y.assessment))
            if xScreen != yScreen { return xScreen }
            if x.assessment != y.assessment { return x.assessment < y.assessment }
            return a.offset < b.offset
        }.map(\.element)
        guard let urgency = ordered.first?.urgency else { return nil }
        let mostUrgent = ordered.filter { $0.urgency == urgency && !$0.advice.isEmpty }
        let advice = urgency == .emergency
            ? emergencyAdvice(mostUrgent)
            : Self.advice(mostUrgent.map(\.advice), urgency: urgency)
        let message = ([headline(urgency, holdsExercise: holdsExercise)] + advice).joined(separator: " ")
        return Referral(urgency: urgency, message: message, reasons: ordered)
    }

    /// The report's referral, from today's `results` and a referral `standing` from an earlier
    /// check-in, both kept: neither may hide the other (a review found a same-day referral
    /// replaced by a milder one, and the plan's exercises back). The one asking more of the
    /// person leads — more urgent, or as urgent and keeping every exercise out while the other
    /// does not — with its urgency and message; the standing one's origin is kept either way, and
    /// the reasons are the leader's, then the other's not already given. Under a standing
    /// referral that leads, today's reasons and advice follow its message.
    static func referral(from results: [AssessmentResult], standing: Referral?) -> Referral? {
        guard let today = referral(from: results) else { return standing }
        guard let standing else { return today }
        let standingLeads = standing.urgency < today.urgency
            || (standing.urgency == today.urgency && standing.holdsEveryExercise && !today.holdsEveryExercise)
        func key(_ reason: ReferralReason) -> String { "\(reason.assessment)|\(reason.finding)|\(reason.side?.rawValue ?? "")" }
        guard standingLeads else {
            var merged = today
            let own = Set(today.reasons.map(key))
            let carried = standing.reasons.filter { !own.contains(key($0)) }
            guard !carried.isEmpty else { return today }
            merged.reasons += carried
            merged.standing = standing.standing
            return merged
        }
        var merged = standing
        let carried = Set(standing.reasons.map(key))
        merged.reasons += today.reasons.filter { !carried.contains(key($0)) }
        let titles = today.distinctReasons.map { SentenceCase.lowercasingFirst($0.title) }.joined(separator: "; ")
        let advice = Self.advice(today.reasons.map(\.advice).filter { !$0.isEmpty }, urgency: today.urgency)
        merged.message += " Today's answers also found: \(titles)." + advice.map { " " + $0 }.joined()
        return merged
    }

    /// An emergency's advice: one instruction, not one per finding. Every emergency finding says
    /// "go now" in its own words, and several together read as a wall of repeated orders in
    /// which the most protective one (an ambulance, do not drive) can be lost. So the first
    /// finding's advice is given in full (the catalogue lists the flags that need an ambulance
    /// first), and the others are named, once, as what to tell the emergency team; each keeps
    /// its own advice in `reasons`.
    static func emergencyAdvice(_ reasons: [ReferralReason]) -> [String] {
        guard let lead = reasons.first else { return [] }
        var others: [String] = []
        for reason in reasons.dropFirst() where reason.finding != lead.finding {
            let title = SentenceCase.lowercasingFirst(reason.title)
            if !others.contains(title) { others.append(title) }
        }
        guard !others.isEmpty else { return [lead.advice] }
        return [lead.advice, "Tell them about these too: " + others.joined(separator: "; ") + "."]
    }

    /// The advice of several findings as one text, each sentence said once. A closing clause
    /// several sentences share ("…, and keep moving in ways that do not hurt.") stays
    /// where it first comes and is dropped from the later ones (a clause is never moved: some
    /// do not stand alone). For a `soon` referral, the sentences several findings share (when
    /// to go to A&E) come after every finding's own instructions, the most widely shared last,
    /// so a shared warning does not read as if it belonged to one lift; a more urgent message
    /// keeps its order, since there the shared sentence is the instruction itself. One
    /// finding's advice is kept as written.
    static func advice(_ texts: [String], urgency: Urgency) -> [String] {
        guard texts.count > 1 else { return texts }
        let split = texts.map { sentences($0).map(Sentence.init) }
        var reasonsSaying: [String: Int] = [:]
        for sentences in split {
            for text in Set(sentences.map(\.text)) { reasonsSaying[text, default: 0] += 1 }
        }
        // A sentence is said once whether or not its first saying lost its clause: both the
        // sentences as written and as said are remembered.
        var written: Set<String> = []
        var said: Set<String> = []
        var clausesSaid: Set<Substring> = []
        var own: [String] = []
        var shared: [(text: String, reasons: Int)] = []
        for sentence in split.joined() {
            guard written.insert(sentence.text).inserted else { continue }
            var text = sentence.text
            if let clause = sentence.clause, !clausesSaid.insert(clause).inserted { text = String(sentence.head) + "." }
            guard said.insert(text).inserted else { continue }
            let reasons = reasonsSaying[sentence.text, default: 0]
            if urgency == .soon, reasons > 1 { shared.append((text, reasons)) } else { own.append(text) }
        }
        let general = shared.enumerated().sorted { a, b in
            a.element.reasons != b.element.reasons ? a.element.reasons < b.element.reasons : a.offset < b.offset
        }.map(\.element.text)
        return own + general
    }

    /// One sentence of advice, and its closing `, and …` clause when it has one.
    struct Sentence {
        let text: String
        /// The sentence before its closing clause (all of it when it has none).
        let head: Substring
        /// The closing clause after `, and `, with its full stop.
        let clause: Substring?

        init(_ text: String) {
            self.text = text
            if text.hasSuffix("."), let joint = text.ranges(of: ", and ").last {
                head = text[..<joint.lowerBound]
                clause = text[joint.upperBound...]
            } else {
                head = text[...]
                clause = nil
            }
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

    /// The instruction of the headline `message` opens with (the headline for its urgency when
    /// it opens with none), to stand inside another sentence ("contact a doctor today, and do
    /// not train until you have been seen"): its first clause, in lower case. A message's box
    /// title must name whom its own headline names.
    static func instruction(message: String, urgency: Urgency) -> String {
        // Contained, not only opening it: a referral standing from an earlier check-in opens
        // with where it comes from.
        let opening = [headline(urgency, holdsExercise: true), headline(urgency)].first { message.contains($0) }
        return instruction(headline: opening ?? headline(urgency))
    }

    private static func instruction(headline: String) -> String {
        var clause = headline[..<(headline.firstIndex(of: ";") ?? headline.endIndex)]
        if clause.hasSuffix(".") { clause = clause.dropLast() }
        return SentenceCase.lowercasingFirst(clause)
    }

    /// The first sentence of the message: what to do and how soon.
    /// `holdsExercise` when a reason is a red flag whose cause a doctor checks before any
    /// exercise (`no_exercise`): a `soon` referral then keeps every exercise out, and says so.
    static func headline(_ urgency: Urgency, holdsExercise: Bool = false) -> String {
        switch urgency {
        case .emergency:
            // An ambulance first: some emergencies on the screen (chest pain, a tearing pain with
            // faintness) must not wait for a drive to hospital; their own advice says more.
            "Get emergency help now: call an ambulance or go to an emergency department, and do not train."
        case .sameDay:
            // "Today" is when to make contact: some same-day findings (a past cancer) need to be
            // examined within days, and their advice says so; the two must read as one urgency.
            // No training at all, not only loaded lifts: some same-day findings (an infection, a
            // weakness that is getting worse) need full rest, and the headline must not ask for
            // less than any of them; a day without training costs nothing.
            "Contact a doctor today, and do not train until you have been seen; the doctor decides how soon you need to be examined."
        case .soon where holdsExercise:
            // Every such finding says to see a GP: a physiotherapist is not offered here.
            "See a doctor soon (not an emergency: within days to a couple of weeks), and stop loaded training until then; the plan holds no exercises until a doctor has checked the cause. Keep moving gently in everyday life."
        case .soon:
            // Some reasons' advice names one of the two ("your GP rather than a physiotherapist"):
            // the headline must not read as the other choice. It says what the plan leaves out,
            // not what it holds: every exercise that would help may load the back or practise
            // the painful movement, and then the plan is empty (found by a review).
            "See a doctor or physiotherapist soon (not an emergency: within days to a couple of weeks), and stop loaded training until then; the plan leaves loaded work out. Where the advice that follows says which of the two to see, go to that one."
        }
    }

    /// Why the plan is empty or shorter, in the report's plan notes.
    static func planNote(_ urgency: Urgency, holdsExercise: Bool = false) -> String? {
        switch urgency {
        case .emergency: "No exercises: an emergency referral comes first. Get checked before any training."
        case .sameDay: "No exercises: contact a doctor today first. Exercise can be planned once you have been checked."
        case .soon where holdsExercise: "No exercises: the reason for the referral needs a doctor's check before exercise is planned."
        case .soon: nil
        }
    }
}
