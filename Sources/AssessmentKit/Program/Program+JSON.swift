public import BackCheckYAML
import BackCheckPluginAPI

extension Program {
    /// The program as the report's `program` member: keys in a fixed order, optional ones
    /// (`sides`, `change`, `move_on`) left out when empty.
    public var json: JSONValue { JSONValue.build { write(to: &$0) } }

    /// Writes the program's JSON (see ``json``) into `sink`.
    public func write(to sink: inout some JSONSink) {
        sink.beginObject()
        sink.member("start", start)
        sink.member("training_days", strings: trainingDays.map(\.rawValue))
        sink.member("training_days_assumed", trainingDaysAssumed)
        sink.member("weeks") { $0.array { for week in weeks { Self.week(week, into: &$0) } } }
        sink.member("retest", retest)
        sink.member("notes", strings: notes)
        sink.member("pain_rules", strings: painRules)
        sink.endObject()
    }

    private static func week(_ week: ProgramWeek, into sink: inout some JSONSink) {
        sink.beginObject()
        sink.member("week", week.week)
        sink.member("notes", strings: week.notes)
        sink.member("sessions") { $0.array { for session in week.sessions { self.session(session, into: &$0) } } }
        sink.endObject()
    }

    private static func session(_ session: ProgramSession, into sink: inout some JSONSink) {
        sink.beginObject()
        sink.member("date", session.date); sink.member("day", session.day.rawValue)
        sink.member("training_day", session.trainingDay); sink.member("minutes", session.minutes)
        sink.member("items") { $0.array { for item in session.items { self.item(item, into: &$0) } } }
        sink.endObject()
    }

    private static func item(_ item: ProgramItem, into sink: inout some JSONSink) {
        sink.beginObject()
        sink.member("exercise", item.exercise); sink.member("name", item.name); sink.member("block", item.block.rawValue)
        sink.member("dose") { ReportJSON.dosage(item.dose, into: &$0) }
        if !item.sides.isEmpty {
            sink.member("sides", strings: item.sides.map(\.rawValue))
        }
        if let change = item.change { sink.member("change", change) }
        if let next = item.moveOn {
            sink.member("move_on") {
                $0.object {
                    $0.member("exercise", next.exercise); $0.member("name", next.name)
                    $0.member("dose") { ReportJSON.dosage(next.dose, into: &$0) }
                }
            }
        }
        sink.endObject()
    }
}
