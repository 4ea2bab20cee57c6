extension HTMLExport {
    /// The program as one table per week, a row per day with boxes to tick; on paper it
    /// starts a new page, after the one-page summary.
    func programSection(_ program: Program) -> String {
        var html = "<section class=\"program\"><h2>Your \(program.weeks.count)-week program</h2>"
        html += "<p>\(e(ProgramWording.summary(program))) \(e(ProgramWording.trainingDays(program))).</p>"
        for week in program.weeks {
            html += "<h3>Week \(week.week) <span class=\"muted\">\(e(ProgramWording.span(week)))</span></h3>"
            for note in week.notes { html += "<p class=\"week-note\">\(e(note))</p>" }
            html += "<table class=\"program-week\"><thead><tr><th>Day</th><th>What to do</th><th>Minutes</th></tr></thead><tbody>"
            for session in week.sessions { html += row(session) }
            html += "</tbody></table>"
        }
        if !program.notes.isEmpty { html += "<ul>" + program.notes.map { "<li>\(e($0))</li>" }.joined() + "</ul>" }
        if !program.painRules.isEmpty {
            html += "<h3>Pain rules for every lift</h3><ul class=\"pain-rules\">" + program.painRules.map { "<li>\(e($0))</li>" }.joined() + "</ul>"
        }
        return html + "</section>"
    }

    private func row(_ session: ProgramSession) -> String {
        var cell = ""
        for part in ProgramWording.parts(session) {
            guard case .block(let title, let items) = part else {
                cell += "<p class=\"own\">\(e(ProgramWording.ownTraining))</p>"
                continue
            }
            cell += "<p class=\"block\">\(e(title))</p><ul class=\"ticks\">"
            for item in items {
                cell += "<li><span class=\"box\" aria-hidden=\"true\"></span>\(e(ProgramWording.item(item)))"
                if let next = item.moveOn { cell += " <span class=\"muted\">\(e(ProgramWording.moveOn(next)))</span>" }
                cell += "</li>"
            }
            cell += "</ul>"
        }
        let day = e(ProgramWording.day(session.date, session.day)) + (session.trainingDay ? "<br><span class=\"muted\">training day</span>" : "")
        return "<tr><td class=\"day\">\(day)</td><td>\(cell)</td><td class=\"minutes\">\(session.minutes)</td></tr>"
    }
}
