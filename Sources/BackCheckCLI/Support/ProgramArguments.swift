import ArgumentParser
import AssessmentKit

/// `--weeks`, `--start` and `--days`: how `run` and `batch` lay the plan out as a program, and
/// how `report` lays a saved plan out again.
struct ProgramArguments: ParsableArguments {
    // Unconditional: `--weeks -2` reaches the range check instead of reading as an option.
    @Option(parsing: .unconditional, help: ArgumentHelp("Weeks in the program, 1 to \(ProgramOptions.maxWeeks) (default: when the tests are due again, usually 4).", valueName: "n"))
    var weeks: Int?

    @Option(help: ArgumentHelp("The program's first day, YYYY-MM-DD (default: the Monday after the run).", valueName: "date"))
    var start: String?

    @Option(help: ArgumentHelp("Your training days, e.g. mon,wed,fri (default: the profile's training_days_per_week, spread over the week).", valueName: "days"))
    var days: String?

    func validate() throws {
        if let weeks, !(1...ProgramOptions.maxWeeks).contains(weeks) {
            throw ValidationError("--weeks must be 1 to \(ProgramOptions.maxWeeks), found \(weeks).")
        }
        if let start, !ProgramOptions.isDate(start) {
            // 2027-02-30 is written the right way; say what is wrong with it.
            let parts = start.split(separator: "-").compactMap { Int($0) }
            if parts.count == 3, start.count == 10, (1...12).contains(parts[1]), parts[2] >= 1 {
                throw ValidationError("--start \(start) is not a day of the calendar (that month has fewer days); give a date such as 2026-12-07.")
            }
            throw ValidationError("--start must be a date written YYYY-MM-DD, such as 2026-12-07; found '\(start)'.")
        }
        // A year far ahead is a typo, and past 9999 the calendar's dates cannot be written at all
        // (a review found DTSTART:100000119 in an .ics).
        if let start, let year = Int(start.prefix(4)), let now = Int(Timestamp.now().prefix(4)), year > now + 10 {
            throw ValidationError("--start \(start) is more than 10 years ahead; give the program's first day, such as \(now)-12-07.")
        }
        _ = try parsedDays()
    }

    /// A note when `--start` is before `today` (a timestamp or date, `YYYY-MM-DD…`): allowed, for
    /// a program already under way, but said, since every date in it is then in the past.
    func pastStartNote(today: String) -> String? {
        let day = String(today.prefix(10))
        // ISO dates compare as text.
        guard let start, ProgramOptions.isDate(start), start < day else { return nil }
        return "note: --start \(start) is before today (\(day)): the program's days and its retest date are in the past"
    }

    /// Whether any of the three was given.
    var isGiven: Bool { weeks != nil || start != nil || days != nil }

    /// The options for ``ReportBuilder``.
    var options: ProgramOptions {
        ProgramOptions(weeks: weeks, start: start, days: try? parsedDays())
    }

    /// `--days` read as weekdays: three-letter or full names, any case, comma-separated;
    /// `none` for someone not lifting at the moment.
    private func parsedDays() throws -> [Weekday]? {
        guard let days else { return nil }
        if days.lowercased() == "none" { return [] }
        // An empty --days (a shell variable left unset) must not quietly mean "no lifting".
        guard !days.allSatisfy({ $0 == " " || $0 == "," }) else {
            throw ValidationError("--days is empty; give days such as mon,wed,fri, or none for no lifting days.")
        }
        let words = days.split(separator: ",").map { $0.filter { $0 != " " }.lowercased() }
        if let repeated = words.enumerated().first(where: { words[..<$0.offset].contains($0.element) })?.element {
            throw ValidationError("--days names '\(repeated)' twice; give each training day once, such as mon,wed,fri.")
        }
        return try days.split(separator: ",").map { word in
            let key = word.filter { $0 != " " }.lowercased()
            guard let day = Weekday.allCases.first(where: { $0.rawValue == key || $0.name.lowercased() == key }) else {
                throw ValidationError("--days takes days such as mon,wed,fri (or none); '\(word)' is not a day of the week.")
            }
            return day
        }
    }
}
