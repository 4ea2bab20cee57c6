import BackCheckPluginAPI
import BackCheckYAML

extension ReportDecoder {
    /// The saved `program`, `nil` when absent or null (reports from before it existed).
    func program(_ node: YAMLNode?) -> Program?? {
        guard let node, !node.isNull else { return .some(nil) }
        guard let fields = reader.mapping(node, of: "a program") else { return nil }
        let start = fields.required("start", as: String.self)
        let days = fields.required("training_days", as: [Weekday].self)
        let weeks = fields.requiredNode("weeks").flatMap { list($0, of: "weeks", week) }
        let retest = fields.required("retest", as: String.self)
        guard let start, let days, let weeks, let retest else { return nil }
        return Program(
            start: start, trainingDays: days, trainingDaysAssumed: fields.optional("training_days_assumed", as: Bool.self) ?? false,
            weeks: weeks, retest: retest, notes: fields.optional("notes", as: [String].self) ?? [],
            painRules: fields.optional("pain_rules", as: [String].self) ?? [])
    }

    private func week(_ node: YAMLNode) -> ProgramWeek? {
        guard let fields = reader.mapping(node, of: "a program week"), let number = fields.required("week", as: Int.self),
              let sessions = fields.requiredNode("sessions").flatMap({ list($0, of: "sessions", session) }) else { return nil }
        return ProgramWeek(week: number, notes: fields.optional("notes", as: [String].self) ?? [], sessions: sessions)
    }

    private func session(_ node: YAMLNode) -> ProgramSession? {
        guard let fields = reader.mapping(node, of: "a session"), let date = fields.required("date", as: String.self),
              let day = fields.required("day", as: Weekday.self),
              let items = fields.requiredNode("items").flatMap({ list($0, of: "items", item) }) else { return nil }
        return ProgramSession(
            date: date, day: day, trainingDay: fields.optional("training_day", as: Bool.self) ?? false,
            minutes: fields.optional("minutes", as: Int.self) ?? 0, items: items)
    }

    private func item(_ node: YAMLNode) -> ProgramItem? {
        guard let fields = reader.mapping(node, of: "a program item"), let id = fields.required("exercise", as: String.self),
              let name = fields.required("name", as: String.self), let block = fields.required("block", as: ProgramBlock.self),
              let dose = fields.requiredMapping("dose", of: "a dose").map(dosage) else { return nil }
        let moveOn = fields.optionalMapping("move_on", of: "the next exercise").flatMap { next -> ProgramMoveOn? in
            guard let id = next.required("exercise", as: String.self), let name = next.required("name", as: String.self),
                  let dose = next.requiredMapping("dose", of: "a dose").map(dosage) else { return nil }
            return ProgramMoveOn(exercise: id, name: name, dose: dose)
        }
        return ProgramItem(
            exercise: id, name: name, block: block, dose: dose,
            sides: fields.node("sides").flatMap { list($0, of: "sides", readSide) } ?? [],
            change: fields.optional("change", as: String.self), moveOn: moveOn)
    }
}
