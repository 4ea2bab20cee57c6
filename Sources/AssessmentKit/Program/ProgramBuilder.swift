import BackCheckPluginAPI

/// Lays the plan out over weeks (spec 7's "schedule, separate from the priority ranking"): a
/// warm-up before each training day, stretches daily, strength and endurance work on 2-3 days
/// apart, each dose building up week by week, and the retest to close it.
struct ProgramBuilder {
    let catalogue: Catalogue
    let options: ProgramOptions
    /// The gate that shaped the plan: a warm-up with ramp-up sets, or a harder exercise to move
    /// on to, is offered only when it would let it in.
    let gate: PlanGate

    private func allows(_ exercise: Exercise) -> Bool {
        if case .keep = gate.verdict(PlanDraft(exercise: exercise)) { true } else { false }
    }

    /// The id of the warm-up every training day starts with, when the catalogue has it.
    static let warmUpID = "warm-up-routine"

    /// One exercise placed on its days.
    private struct Placement {
        var exercise: Exercise
        var sides: [Side]
        var days: [Weekday: ProgramBlock]
        var rank: Int
    }

    /// The program for `plan`, or `nil` when there is nothing to lay out: an empty plan, or a
    /// referral or unfinished screen that has to come first. After a recent back injury or
    /// operation (the gate keeps loaded work out until it is cleared) no day is a training day,
    /// so there is no warm-up with ramp-up sets and no "then your own training".
    func program(_ plan: [PlanItem], profile: Profile, generatedAt: String, retestWeeks: Int?, clear: Bool) -> Program? {
        guard clear, !plan.isEmpty else { return nil }
        let lifting = !gate.recentHistory
        let weeks = min(max(options.weeks ?? retestWeeks ?? 4, 1), ProgramOptions.maxWeeks)
        let start = options.start ?? Self.mondayAfter(generatedAt)
        let assumed = lifting && options.days == nil && profile.trainingDaysPerWeek == nil
        let training = !lifting ? [] : options.days.map { Array(Set($0)).sorted() }
            ?? Weekday.spread(profile.trainingDaysPerWeek.map { Int($0.rounded()) } ?? 3)

        var notes: [String] = []
        if !lifting {
            notes.append("Your own lifting waits until the clinician who treated your back clears you for loaded work; until then this program is the unloaded work only.")
        }
        var firstWeekNotes: [String] = []
        var progressionNotes: [String] = []
        var placements: [Placement] = []
        var entries = plan.compactMap { item in catalogue.exercise(item.exercise.id).map { ($0, item.sides, item.rank) } }
        if !training.isEmpty, !entries.contains(where: { $0.0.id == Self.warmUpID }),
           let warmUp = catalogue.exercise(Self.warmUpID), allows(warmUp) {
            entries.insert((warmUp, [], 0), at: 0)
            // Not one of the plan's ranked exercises (the cap may even have left it out there):
            // it is how every lifting day starts.
            notes.append("\(warmUp.name) starts every lifting day, even where the plan's list leaves it out.")
        }
        if !training.isEmpty, entries.contains(where: { $0.0.id == Self.warmUpID }), !gate.painfulPatterns.isEmpty {
            notes.append("Ramp-up sets in the warm-up are for the lifts that do not hurt: a lift that hurts follows its finding's advice.")
        }
        for (exercise, sides, rank) in entries {
            switch ProgramSchedule.frequency(of: exercise) {
            case .advice:
                let text = exercise.dosage.note ?? exercise.name
                // A load change done once for a week (a deload) belongs to week 1; the rest
                // (the 2-10% rule) holds throughout.
                if exercise.dosage.frequency == "one week" { firstWeekNotes.append(text) } else { progressionNotes.append(text) }
            case let frequency:
                placements.append(Placement(exercise: exercise, sides: sides, days: days(frequency, exercise.kind, training), rank: rank))
            }
        }
        // Fewer days than the exercise's dose asks for must not read as a mistake.
        let thinned = placements.filter { placement in
            guard placement.exercise.kind == .technique, case .perWeek(let low, _) = ProgramSchedule.frequency(of: placement.exercise)
            else { return false }
            return placement.days.count < min(low, training.count)
        }
        if !thinned.isEmpty {
            notes.append("\(thinned.map(\.exercise.name).joined(separator: ", ")): once a week, not on two days in a row, as your training days are back to back: a back that is sore the morning after needs a day between.")
        }
        // Reference §14: a lift's easier version replaces it while it is being fixed; a
        // physiotherapist's review read goblet and box squats before "your own training" as
        // sets added to the usual squats.
        for pattern in MovementPattern.allCases {
            let versions = placements.filter { $0.exercise.loaded && $0.exercise.pattern == pattern }.map(\.exercise.name)
            guard !versions.isEmpty, let lift = pattern.mainLift else { continue }
            notes.append("\(versions.joined(separator: " and ")) replace\(versions.count == 1 ? "s" : "") your usual \(lift) on the days \(versions.count == 1 ? "it is" : "they are") planned; do not add \(versions.count == 1 ? "it" : "them") on top.")
        }
        let loadedExercises = placements.filter { $0.exercise.loaded && $0.exercise.id != Self.warmUpID }.map(\.exercise.name)
        // Adding load (the 2-10% rule) does not go with a lighter week: after one, it starts
        // in week 2; without one it holds throughout.
        let deload = !firstWeekNotes.isEmpty
        if !deload { notes += progressionNotes }
        if !firstWeekNotes.isEmpty, let covered = Self.lighterWeekNote(covering: loadedExercises) { firstWeekNotes.append(covered) }
        // After a back injury or operation, the plan's caution says to make loaded work harder
        // only once the treating clinician clears it: the weeks must not build it up regardless
        // (a lifter's review found week 2 adding a rep under that caution).
        let holdsLoadedDoses = !profile.backHistory.isEmpty
        let held = placements.filter { $0.exercise.isLoadedWork && $0.exercise.id != Self.warmUpID }.map(\.exercise.name)
        if holdsLoadedDoses, weeks > 1, !held.isEmpty, let past = PlanNotes.phrases(profile.backHistory) {
            let treated = profile.backHistory.count > 1 ? "treated them" : "treated it"
            notes.append("After \(past), \(PlanNotes.listed(held)) stay\(held.count == 1 ? "s" : "") at the first week's dose: make \(held.count == 1 ? "it" : "them") harder only once the clinician who \(treated) has cleared you.")
        }
        if assumed {
            notes.append("Training days assumed: \(training.map(\.shortName).joined(separator: ", ")). Give yours with --days (or training_days_per_week in the answers' profile).")
        }
        // Advice alone (a lighter week, no drills and no training days) is the plan's to give.
        guard !placements.isEmpty else { return nil }
        let planned = Set(placements.map(\.exercise.id))
        let liftsThisProgram = !training.isEmpty || placements.contains { $0.exercise.isLoadedWork }
        let startDay = Self.days(of: start)
        let programWeeks = (1...weeks).map { week in
            let sessions = (0..<7).compactMap { offset -> ProgramSession? in
                let dayNumber = startDay + 7 * (week - 1) + offset
                let weekday = Weekday.of(daysSinceEpoch: dayNumber)
                let today = placements
                    .compactMap { placement in placement.days[weekday].map { (placement, $0) } }
                    .sorted { ($0.1.order, $0.0.rank) < ($1.1.order, $1.0.rank) }
                guard !today.isEmpty else { return nil }
                let items = today.map { placement, block in
                    item(placement, block: block, week: week, of: weeks, planned: planned, holdingLoaded: holdsLoadedDoses)
                }
                let seconds = zip(items, today).reduce(0.0) { total, pair in
                    total + ProgramDose.seconds(pair.0.dose, kind: pair.1.0.exercise.kind)
                }
                return ProgramSession(
                    date: CivilDate.string(days: dayNumber), day: weekday, trainingDay: training.contains(weekday),
                    minutes: max(1, Int((seconds / 60).rounded(.up))), items: items)
            }
            let weekNotes = week == 1 ? firstWeekNotes
                : week == 2 && deload ? progressionNotes.map { "From this week on, after the lighter week: " + SentenceCase.lowercasingFirst($0) } : []
            return ProgramWeek(week: week, notes: weekNotes, sessions: sessions)
        }
        return Program(
            start: start, trainingDays: training, trainingDaysAssumed: assumed, weeks: programWeeks,
            retest: CivilDate.string(days: startDay + 7 * weeks), notes: notes, painRules: liftsThisProgram ? Self.painRules : [])
    }

    /// The days and block an exercise of `kind` goes on at `frequency`. Mobility and activation
    /// drills go in the warm-up on training days; stretches after; strength and endurance work
    /// on days apart, training days first, after the lifting on those; technique work on
    /// training days only.
    private func days(_ frequency: ProgramSchedule.Frequency, _ kind: Exercise.Kind, _ training: [Weekday]) -> [Weekday: ProgramBlock] {
        let drill = [.mobility, .activation, .load].contains(kind)
        let tiring = kind == .strength || kind == .endurance
        let usual: ProgramBlock = kind == .stretch ? .stretches : drill ? .warmUp : .exercises
        func block(on day: Weekday) -> ProgramBlock { tiring && training.contains(day) ? .afterLifting : usual }
        var placed: [Weekday: ProgramBlock] = [:]
        switch frequency {
        case .daily:
            for day in Weekday.allCases { placed[day] = drill && !training.contains(day) ? .stretches : block(on: day) }
        case .everySession:
            // With no lifting, a lifting-session drill goes with the exercises (two days apart,
            // as they are), never on a day of its own.
            for day in training.isEmpty ? ProgramSchedule.days(2, preferring: []) : training { placed[day] = block(on: day) }
        case .perWeek(let low, let high):
            let count = min(max(training.count, low), high)
            let days = kind == .technique && !training.isEmpty
                ? ProgramSchedule.days(count, within: training) : ProgramSchedule.days(count, preferring: training)
            for day in days { placed[day] = block(on: day) }
        case .advice:
            break
        }
        return placed
    }

    /// `placement`'s item in `week`; in the last week, the harder exercise to move on to when
    /// the gate allows it and the program does not already hold it.
    private func item(
        _ placement: Placement, block: ProgramBlock, week: Int, of weeks: Int, planned: Set<String>, holdingLoaded: Bool
    ) -> ProgramItem {
        let exercise = placement.exercise
        // Loaded work held at its first dose (after a back injury or operation) neither builds
        // up nor moves on.
        let held = holdingLoaded && exercise.isLoadedWork
        let dose = ProgramDose.dose(exercise.dosage, week: held ? 1 : week, of: weeks)
        let change = week > 1 && !held ? ProgramDose.change(from: ProgramDose.dose(exercise.dosage, week: week - 1, of: weeks), to: dose) : nil
        var moveOn: ProgramMoveOn?
        if !held, week == weeks, weeks > 1, let id = exercise.progression, !planned.contains(id), let next = catalogue.exercise(id), allows(next) {
            moveOn = ProgramMoveOn(exercise: next.id, name: next.name, dose: ProgramDose.dose(next.dosage, week: 1, of: weeks))
        }
        return ProgramItem(
            exercise: exercise.id, name: exercise.name, block: block, dose: dose, sides: placement.sides, change: change,
            moveOn: moveOn)
    }

    /// When to carry on, ease off or stop a lift by its pain: reference §14's per-lift rules,
    /// after the pain-monitoring model (Thomeé 1997; Silbernagel 2007), in plain words.
    static let painRules = [
        "Pain up to 3/10 during or after a lift, settled by the next morning: carry on as planned.",
        "Pain of 4-5/10, or a little worse the next morning: ease that lift off (20-30% less weight, a shorter range, or its easier version).",
        "Pain above 5/10, worse the next morning twice in a row, or worse week on week: stop that lift until the pain settles to 3/10 or less, come back lighter, and get your back assessed within 1-2 weeks.",
        // Reference §11's tiers: one leg getting weaker is a same-day matter, as the screen's
        // question about it is; both legs, with the cauda equina signs, an emergency.
        "Pain spreading below the knee, numbness, weakness, or a sudden sharp give: stop and get checked before lifting again, the same day if a leg is getting weaker.",
        // Reference §11: cauda equina signs are an emergency whenever they appear; a program runs
        // for weeks, and a review found it the one page without the line.
        "Numbness between the legs, bladder, bowel or sexual changes, or pain or weakness in both legs: go to A&E now.",
    ]

    /// The Monday after the date `timestamp` starts with (a week later when that day is a Monday).
    static func mondayAfter(_ timestamp: String) -> String {
        let today = days(of: String(timestamp.prefix(10)))
        let weekday = Weekday.of(daysSinceEpoch: today).index
        return CivilDate.string(days: today + 7 - weekday)
    }

    /// Days since 1970-01-01 of a `YYYY-MM-DD` date (0 when it is not one).
    static func days(of date: String) -> Int {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return 0 }
        return CivilDate.days(year: parts[0], month: parts[1], day: parts[2])
    }
}

extension ProgramBlock {
    /// Warm-up first, stretches last.
    var order: Int { Self.allCases.firstIndex(of: self)! }
}
