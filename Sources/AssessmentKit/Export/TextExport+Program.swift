extension TextExport {
    /// The program: week 1 day by day, then what each later week changes, the notes and the
    /// pain rules, every line wrapped to ``width``.
    func programLines(_ program: Program) -> [String] {
        var lines = ["PROGRAM"]
        lines += TextWrap.indented(ProgramWording.summary(program), width: width, first: "  ")
        lines += TextWrap.indented(ProgramWording.trainingDays(program) + ".", width: width, first: "  ")
        for week in program.weeks {
            lines.append("")
            lines.append("  Week \(week.week) (\(ProgramWording.span(week)))")
            for note in week.notes { lines += TextWrap.indented(note, width: width, first: "    ! ", rest: "      ") }
            guard week.week == 1 else {
                let changes = ProgramWording.changes(week)
                lines += TextWrap.indented(
                    changes.isEmpty ? "Same as week \(week.week - 1)." : "Same days as week 1; what changes from week \(week.week - 1) (everything else stays as it was):", width: width, first: "    ")
                for change in changes { lines += TextWrap.indented(change, width: width, first: "    - ", rest: "      ") }
                continue
            }
            for session in week.sessions { lines += sessionLines(session) }
        }
        if !program.notes.isEmpty {
            lines.append("")
            for note in program.notes { lines += TextWrap.indented(note, width: width, first: "  - ", rest: "    ") }
        }
        if !program.painRules.isEmpty {
            lines.append("")
            lines.append("  Pain rules for every lift:")
            for rule in program.painRules { lines += TextWrap.indented(rule, width: width, first: "  - ", rest: "    ") }
        }
        return lines
    }

    private func sessionLines(_ session: ProgramSession) -> [String] {
        let heading = "\(ProgramWording.day(session.date, session.day)), about \(session.minutes) min" + (session.trainingDay ? ", training day" : "")
        // Wrapped like every other line: a 40-column terminal left "day" alone at column 0.
        var lines = TextWrap.indented(heading, width: width, first: "    ", rest: "      ")
        for part in ProgramWording.parts(session) {
            switch part {
            case .ownTraining:
                lines += TextWrap.indented(ProgramWording.ownTraining, width: width, first: "      ", rest: "      ")
            case .block(let title, let items):
                lines += TextWrap.indented(title + ":", width: width, first: "      ", rest: "        ")
                for item in items {
                    lines += TextWrap.indented(ProgramWording.item(item), width: width, first: "        [ ] ", rest: "            ")
                }
            }
        }
        return lines
    }
}
