import BackCheckPluginAPI

/// The phrases of the program shared by text, Markdown, HTML and the calendar.
enum ProgramWording {
    /// `Mon 7 Dec`, from `2026-12-07`.
    static func day(_ date: String, _ weekday: Weekday) -> String {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return "\(weekday.shortName) \(date)" }
        return "\(weekday.shortName) \(parts[2]) \(month(parts[1]))"
    }

    /// `Monday 7 December 2026`.
    static func longDay(_ date: String) -> String {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return date }
        let weekday = Weekday.of(daysSinceEpoch: CivilDate.days(year: parts[0], month: parts[1], day: parts[2]))
        return "\(weekday.name) \(parts[2]) \(["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][parts[1] - 1]) \(parts[0])"
    }

    private static func month(_ number: Int) -> String {
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][min(max(number, 1), 12) - 1]
    }

    /// `3 × 12 reps per side`, `3 × 30 s per side`, `10 min`, `5 × 10 s hold`: the dose as a
    /// lifter writes it.
    static func dose(_ dose: Dosage) -> String {
        var text: String
        // A pyramid's groups in full (5-3-1): its first group alone is half the dose.
        let groups = dose.repGroups.map(String.init).joined(separator: "-")
        switch (dose.sets, dose.reps, dose.holdSeconds) {
        case (let sets?, _?, let hold?): text = "\(sets) × \(groups) × \(NumberText.format(hold)) s holds"
        case (let sets?, _?, nil): text = "\(sets) × \(groups) reps"
        case (let sets?, nil, let hold?): text = "\(sets) × \(NumberText.format(hold)) s"
        case (nil, _?, let hold?): text = "\(groups) × \(NumberText.format(hold)) s holds"
        case (nil, _?, nil): text = "\(groups) reps"
        case (let sets?, nil, nil): text = "\(sets) sets"
        case (nil, nil, let hold?): text = "\(NumberText.format(hold)) s"
        case (nil, nil, nil): text = ""
        }
        if dose.perSide == true { text += text.isEmpty ? "each side" : " per side" }
        if let minutes = dose.durationMinutes { text += (text.isEmpty ? "" : ", ") + "\(NumberText.format(minutes)) min" }
        return text.isEmpty ? "as described" : text
    }

    /// `Knee-to-wall ankle mobilisation: 3 × 12 reps per side (left side first)`.
    static func item(_ item: ProgramItem) -> String {
        var text = "\(item.name): \(dose(item.dose))"
        if item.sides.count == 1 { text += " (focus: \(item.sides[0].rawValue) side)" }
        if let change = item.change { text += ". \(change.capitalisedFirst)" }
        return text
    }

    /// `When this is easy and pain-free, move on to Goblet squat (3 × 10 reps).`
    static func moveOn(_ next: ProgramMoveOn) -> String {
        "When this is easy and pain-free, move on to \(next.name) (\(dose(next.dose)))."
    }

    /// `Warm-up, before you lift`.
    static func block(_ block: ProgramBlock, trainingDay: Bool) -> String {
        switch block {
        case .warmUp: trainingDay ? "Warm-up, before you lift" : "Drills"
        case .exercises: "Exercises"
        case .afterLifting: "Exercises, after your lifting"
        case .stretches: trainingDay ? "Stretches, after training" : "Stretches and mobility"
        }
    }

    /// One part of a day, as every export shows it.
    enum Part {
        /// Exercises under their heading (`Warm-up, before you lift`).
        case block(title: String, items: [ProgramItem])
        /// Where the person's own lifting goes on a training day.
        case ownTraining
    }

    /// The line that marks the person's own lifting.
    static let ownTraining = "Then your own training."

    /// The parts of `session` in the order to do them: warm-up, exercises, then on a training
    /// day the person's own lifting, the exercises that come after it, and stretches.
    static func parts(_ session: ProgramSession) -> [Part] {
        var parts: [Part] = []
        for kind in ProgramBlock.allCases {
            if kind == .afterLifting, session.trainingDay { parts.append(.ownTraining) }
            let items = session.items.filter { $0.block == kind }
            if !items.isEmpty { parts.append(.block(title: block(kind, trainingDay: session.trainingDay), items: items)) }
        }
        return parts
    }

    /// `4 weeks from Monday 7 December 2026; test again on Monday 4 January 2027.`
    static func summary(_ program: Program) -> String {
        "\(program.weeks.count) week\(program.weeks.count == 1 ? "" : "s") from \(longDay(program.start)); test again on \(longDay(program.retest))."
    }

    /// `Training days: Mon, Tue, Thu, Fri`; with none (lifting on hold until a clinician clears
    /// it, or no training days a week), says so without implying none were given.
    static func trainingDays(_ program: Program) -> String {
        program.trainingDays.isEmpty ? "No lifting days in this program; the sessions below are the plan's exercises, not lifting sessions" : "Training days: " + program.trainingDays.map(\.shortName).joined(separator: ", ")
    }

    /// The week's date span: `7-13 Dec`.
    static func span(_ week: ProgramWeek) -> String {
        guard let first = week.sessions.first, let last = week.sessions.last else { return "" }
        return "\(day(first.date, first.day).dropFirst(4)) to \(day(last.date, last.day).dropFirst(4))"
    }

    /// What week `week` changes against the week before, for exports that print week 1 in full.
    static func changes(_ week: ProgramWeek) -> [String] {
        var seen: Set<String> = []
        var lines: [String] = []
        for item in week.sessions.flatMap(\.items) where seen.insert(item.exercise).inserted {
            if let change = item.change { lines.append("\(item.name): \(dose(item.dose)) (\(change))") }
            if let next = item.moveOn { lines.append("\(item.name): \(moveOn(next))") }
        }
        return lines
    }
}

extension String {
    /// The string with its first letter upper-case, for a phrase that starts a sentence.
    fileprivate var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
