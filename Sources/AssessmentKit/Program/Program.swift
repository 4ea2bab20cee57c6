public import BackCheckPluginAPI

/// The plan laid out over weeks around a person's training days: what to do on which day, for
/// how long, how each exercise builds up, and when to test again (JSON `program`).
///
/// Built with the report by ``ReportBuilder`` from the plan, the catalogue and
/// ``ProgramOptions``; absent when a referral or an unfinished screen comes first.
public struct Program: Sendable, Hashable {
    /// The first day, `YYYY-MM-DD` (by default the Monday after the run).
    public var start: String
    /// The days the person lifts; each gets a warm-up block.
    public var trainingDays: [Weekday]
    /// Whether `trainingDays` was assumed because neither `--days` nor the profile said.
    public var trainingDaysAssumed: Bool
    /// The weeks, first to last.
    public var weeks: [ProgramWeek]
    /// The day to repeat the tests, closing the program (`YYYY-MM-DD`).
    public var retest: String
    /// Advice for the whole program, such as how to raise loads.
    public var notes: [String]
    /// When to carry on, ease off or stop a lift, by the pain it brings (the pain-monitoring
    /// model); given whenever the program's days include lifting.
    public var painRules: [String]

    /// Whether any day of the program has the exercise with `id` (an exercise the plan's cap
    /// left out can still be there: the warm-up starts every training day).
    public func schedules(_ id: String) -> Bool {
        weeks.contains { week in week.sessions.contains { session in session.items.contains { $0.exercise == id } } }
    }

    /// Creates a program.
    public init(
        start: String, trainingDays: [Weekday], trainingDaysAssumed: Bool = false, weeks: [ProgramWeek], retest: String,
        notes: [String] = [], painRules: [String] = []
    ) {
        self.start = start
        self.trainingDays = trainingDays
        self.trainingDaysAssumed = trainingDaysAssumed
        self.weeks = weeks
        self.retest = retest
        self.notes = notes
        self.painRules = painRules
    }
}

/// One week of a program.
public struct ProgramWeek: Sendable, Hashable {
    /// 1 for the first week.
    public var week: Int
    /// What is special about this week (a lighter week of lifting).
    public var notes: [String]
    /// The days with something to do, in date order.
    public var sessions: [ProgramSession]

    /// Creates a week.
    public init(week: Int, notes: [String] = [], sessions: [ProgramSession]) {
        self.week = week
        self.notes = notes
        self.sessions = sessions
    }
}

/// One day's work.
public struct ProgramSession: Sendable, Hashable {
    /// The date, `YYYY-MM-DD`.
    public var date: String
    /// Its weekday.
    public var day: Weekday
    /// Whether the person lifts that day (the warm-up comes first, the lifting follows it).
    public var trainingDay: Bool
    /// About how long the listed exercises take, in whole minutes (not the person's own lifting).
    public var minutes: Int
    /// The exercises in the order to do them: warm-up, then exercises, then stretches.
    public var items: [ProgramItem]

    /// Creates a session.
    public init(date: String, day: Weekday, trainingDay: Bool, minutes: Int, items: [ProgramItem]) {
        self.date = date
        self.day = day
        self.trainingDay = trainingDay
        self.minutes = minutes
        self.items = items
    }
}

/// Where in a session an exercise goes: drills before lifting, isolated work after
/// (ACSM 2009: large before small muscle groups, multi-joint before single-joint; reference 8.2).
public enum ProgramBlock: String, Sendable, Hashable, CaseIterable {
    /// Before lifting: the warm-up routine, mobility and activation drills.
    case warmUp = "warm-up"
    /// Technique work, done in the place of the lift it changes; on a day without lifting,
    /// strength and endurance work too.
    case exercises
    /// On a training day, strength and endurance work, after the person's own lifting: a
    /// trunk tired by side planks or back extension holds is the wrong way to start a deadlift.
    case afterLifting = "after-lifting"
    /// Static stretches, after training or on their own.
    case stretches
}

/// One exercise of a session with that week's dose.
public struct ProgramItem: Sendable, Hashable {
    /// The exercise's id.
    public var exercise: String
    /// Its name.
    public var name: String
    /// Where in the session it goes.
    public var block: ProgramBlock
    /// That week's dose (no frequency: the schedule is the frequency).
    public var dose: Dosage
    /// The sides to do, for a one-sided exercise a finding asked for on one side only; empty
    /// when both sides (or no side) are meant.
    public var sides: [Side]
    /// What changed from the week before, in plain words.
    public var change: String?
    /// The harder exercise to move on to when this one is easy and pain-free (last week only).
    public var moveOn: ProgramMoveOn?

    /// Creates an item.
    public init(
        exercise: String, name: String, block: ProgramBlock, dose: Dosage, sides: [Side] = [], change: String? = nil,
        moveOn: ProgramMoveOn? = nil
    ) {
        self.exercise = exercise
        self.name = name
        self.block = block
        self.dose = dose
        self.sides = sides
        self.change = change
        self.moveOn = moveOn
    }
}

/// The next, harder exercise (an exercise's `progression`) with the dose to start it at.
public struct ProgramMoveOn: Sendable, Hashable {
    /// Its id.
    public var exercise: String
    /// Its name.
    public var name: String
    /// The dose to start at.
    public var dose: Dosage

    /// Creates it.
    public init(exercise: String, name: String, dose: Dosage) {
        self.exercise = exercise
        self.name = name
        self.dose = dose
    }
}
