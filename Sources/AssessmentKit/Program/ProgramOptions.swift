/// How to lay out the program: `--weeks`, `--start` and `--days` on `run` and `batch`.
public struct ProgramOptions: Sendable, Hashable {
    /// How many weeks; `nil` for the soonest retest of the assessments run (`retest_weeks`,
    /// 4 when none says).
    public var weeks: Int?
    /// The first day, `YYYY-MM-DD`; `nil` for the Monday after the run.
    public var start: String?
    /// The training days; `nil` for the profile's `training_days_per_week` spread over the week.
    public var days: [Weekday]?

    /// Creates options.
    public init(weeks: Int? = nil, start: String? = nil, days: [Weekday]? = nil) {
        self.weeks = weeks
        self.start = start
        self.days = days
    }

    /// The most weeks a program may hold: a year, so a typo cannot print thousands of weeks.
    public static let maxWeeks = 52

    /// Whether `text` is a real calendar date written `YYYY-MM-DD`.
    public static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1 else { return false }
        return CivilDate.string(days: CivilDate.days(year: year, month: month, day: day)) == text
    }
}
