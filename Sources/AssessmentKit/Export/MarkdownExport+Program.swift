extension MarkdownExport {
    /// The program: week 1 as a table of days with boxes to tick, then each later week's
    /// changes, the notes and the pain rules.
    func programLines(_ program: Program) -> [String] {
        var lines = ["", "## Program", "", escape(ProgramWording.summary(program)) + " " + escape(ProgramWording.trainingDays(program)) + "."]
        for week in program.weeks {
            lines += ["", "### Week \(week.week) (\(escape(ProgramWording.span(week))))", ""]
            for note in week.notes { lines.append("> \(escape(note))") }
            if !week.notes.isEmpty { lines.append("") }
            guard week.week == 1 else {
                let changes = ProgramWording.changes(week)
                lines.append(changes.isEmpty ? "Same as week \(week.week - 1)." : "Same days as week 1; what changes from week \(week.week - 1) (everything else stays as it was):")
                for change in changes { lines.append("- \(escape(change))") }
                continue
            }
            lines += ["| Day | Minutes | What to do |", "|---|---|---|"]
            for session in week.sessions {
                let parts = ProgramWording.parts(session).map { part -> String in
                    switch part {
                    case .ownTraining: return escape(ProgramWording.ownTraining)
                    case .block(let title, let items):
                        return "**\(escape(title))**: " + items.map { "☐ " + escape(ProgramWording.item($0)) }.joined(separator: "; ")
                    }
                }
                let day = ProgramWording.day(session.date, session.day) + (session.trainingDay ? " (training)" : "")
                lines.append("| \(escape(day)) | \(session.minutes) | \(parts.joined(separator: "<br>")) |")
            }
        }
        if !program.notes.isEmpty {
            lines.append("")
            for note in program.notes { lines.append("- \(escape(note))") }
        }
        if !program.painRules.isEmpty {
            lines += ["", "**Pain rules for every lift**", ""]
            for rule in program.painRules { lines.append("- \(escape(rule))") }
        }
        return lines
    }
}
