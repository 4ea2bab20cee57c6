public import BackCheckYAML
import BackCheckPluginAPI

extension Program {
    /// The program as the report's `program` member: keys in a fixed order, optional ones
    /// (`sides`, `change`, `move_on`) left out when empty.
    public var json: JSONValue {
        .object([
            ("start", .string(start)),
            ("training_days", .array(trainingDays.map { .string($0.rawValue) })),
            ("training_days_assumed", .bool(trainingDaysAssumed)),
            ("weeks", .array(weeks.map(Self.week))),
            ("retest", .string(retest)),
            ("notes", .array(notes.map(JSONValue.string))),
            ("pain_rules", .array(painRules.map(JSONValue.string))),
        ])
    }

    private static func week(_ week: ProgramWeek) -> JSONValue {
        .object([
            ("week", .integer(week.week)),
            ("notes", .array(week.notes.map(JSONValue.string))),
            ("sessions", .array(week.sessions.map(session))),
        ])
    }

    private static func session(_ session: ProgramSession) -> JSONValue {
        .object([
            ("date", .string(session.date)), ("day", .string(session.day.rawValue)),
            ("training_day", .bool(session.trainingDay)), ("minutes", .integer(session.minutes)),
            ("items", .array(session.items.map(item))),
        ])
    }

    private static func item(_ item: ProgramItem) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("exercise", .string(item.exercise)), ("name", .string(item.name)), ("block", .string(item.block.rawValue)),
            ("dose", ReportJSON.dosage(item.dose)),
        ]
        if !item.sides.isEmpty { members.append(("sides", .array(item.sides.map { .string($0.rawValue) }))) }
        if let change = item.change { members.append(("change", .string(change))) }
        if let next = item.moveOn {
            members.append(("move_on", .object([
                ("exercise", .string(next.exercise)), ("name", .string(next.name)), ("dose", ReportJSON.dosage(next.dose)),
            ])))
        }
        return .object(members)
    }
}
