extension ProgramBuilder {
    /// The first week's note that the lighter week covers the program's loaded exercises
    /// (`names`) too; `nil` when there are none. Beside "one lighter week", 3 × 10 goblet
    /// squats on the same page read as a load to push.
    static func lighterWeekNote(covering names: [String]) -> String? {
        switch names.count {
        case 0: nil
        case 1: "\(lighterWeekOpening) exercise below too (\(names[0])): keep its weight light this week."
        default: "\(lighterWeekOpening) exercises below too (\(names.joined(separator: ", "))): keep their weights light this week."
        }
    }

    /// `note` as one day's calendar event should say it: a lighter-week note names only the
    /// loaded exercises of `session` (none: no note), since an event is read alone, on its day
    /// (a coach's review found it naming goblet squats on days without them); any other note
    /// as it is. It works from the words, so a report read back from its JSON reads the same.
    static func note(_ note: String, on session: ProgramSession) -> String? {
        guard note.hasPrefix(lighterWeekOpening) else { return note }
        let named = session.items.map(\.name).filter { note.contains("(\($0)") || note.contains(", \($0)") }
        return lighterWeekNote(covering: named)
    }

    private static let lighterWeekOpening = "The lighter week covers the loaded"
}
