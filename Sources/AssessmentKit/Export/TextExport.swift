import BackCheckExpressions
import BackCheckPluginAPI

/// The report for a terminal: the referral box first, one summary line per assessment with
/// its findings beneath, then the plan as a numbered list; every line at most ``width``
/// characters. Colour (ANSI) only when ``colour`` is set; the caller decides (a terminal,
/// and `NO_COLOR` unset).
public struct TextExport: Sendable {
    /// The longest line.
    public var width: Int
    /// Whether to use ANSI colour and bold.
    public var colour: Bool
    /// Whether to show the arithmetic behind the plan's order: severities, evidence weights
    /// and priorities (`--explain`). Off, the report speaks plainly.
    public var explain: Bool

    /// Creates a text export.
    public init(width: Int = 80, colour: Bool = false, explain: Bool = false) {
        self.width = max(40, width)
        self.colour = colour
        self.explain = explain
    }

    /// The whole report as text, ending in a newline.
    public func render(_ report: Report) -> String {
        var lines: [String] = []
        let stamp = "\(report.tool.name) \(report.tool.version), \(report.generatedAt)"
        if width - stamp.count - 1 >= "BACKCHECK REPORT".count {
            lines.append(style(TextWrap.fit("BACKCHECK REPORT", width - stamp.count - 1), .bold) + " " + stamp)
        } else {
            // A narrow terminal: the title and the stamp on lines of their own, neither cut.
            lines += [style("BACKCHECK REPORT", .bold), stamp]
        }
        lines += TextWrap.indented(Wording.profile(report.profile), width: width, first: "Profile: ")
        if let referral = report.referral {
            lines.append("")
            lines += referralBox(referral)
        }
        if let screening = report.screening {
            lines.append("")
            lines += screeningLines(screening, beside: report.referral)
        }
        if let reassurance = report.reassurance {
            lines.append("")
            lines += TextWrap.indented(reassurance, width: width, first: "")
        }
        lines.append("")
        lines.append(style("ASSESSMENTS", .bold))
        if let caveat = Wording.resultsUnderReferral(report) { lines += TextWrap.indented(caveat, width: width, first: "  ") }
        for assessment in report.assessments { lines += summary(assessment) }
        lines.append("")
        lines.append(style("PLAN", .bold) + (report.plan.isEmpty ? "" : " (in this order)"))
        for item in report.plan { lines += planItem(item, in: report) }
        for note in report.planNotes { lines += TextWrap.indented(note, width: width, first: "  ") }
        if let retest = Wording.retest(report) { lines += TextWrap.indented(retest, width: width, first: "  ") }
        if !report.planLeftOut.isEmpty, explain {
            let entries = report.planLeftOut.map { "\($0.exercise) (\($0.reason.rawValue))" }.joined(separator: ", ")
            lines += TextWrap.indented(entries, width: width, first: "  Left out: ", rest: "    ")
        }
        if !report.planAlternatives.isEmpty, explain {
            let entries = report.planAlternatives.map { "\($0.exercise) (for \($0.alternativeTo))" }.joined(separator: ", ")
            lines += TextWrap.indented(entries, width: width, first: "  Alternatives: ", rest: "    ")
        }
        if let program = report.program {
            lines.append("")
            lines += programLines(program).enumerated().map { $0 == 0 ? style($1, .bold) : $1 }
        }
        let notes = report.notes + report.assessments.flatMap { assessment in assessment.notes.map { "\(assessment.title): \($0)" } }
        if !notes.isEmpty {
            lines.append("")
            lines.append(style("NOTES", .bold))
            for note in notes { lines += TextWrap.indented(note, width: width, first: "  - ") }
        }
        return lines.map { $0.trailingSpacesRemoved }.joined(separator: "\n") + "\n"
    }

    /// The referral box alone, ending in a newline, or `nil` without a referral: a guided run
    /// repeats it as the last thing on screen, where a long report would scroll it away.
    public func referral(of report: Report) -> String? {
        report.referral.map { referralBox($0).joined(separator: "\n") + "\n" }
    }

    /// The referral in its box (also the head of a comparison).
    func referralBox(_ referral: Referral) -> [String] {
        let inner = width - 4
        // The heading wraps, never cut: at 40 columns "CALL AN AMBULANCE OR GO TO …" lost where to go.
        var body = TextWrap.lines(Wording.referralTitle(referral), width: inner) + [""] + TextWrap.lines(referral.message, width: inner)
        body.append("")
        body.append("Because of:")
        for reason in referral.distinctReasons {
            body += TextWrap.indented("\(reason.side.map { "\(reason.title) (\($0.rawValue))" } ?? reason.title) [\(reason.urgency.rawValue)]", width: inner, first: "- ")
        }
        return box(body, .alarm)
    }

    /// An incomplete screen leads with its questions (below any referral); otherwise one line.
    func screeningLines(_ screening: Screening, beside referral: Referral?) -> [String] {
        guard screening.listsQuestions else {
            return TextWrap.indented(Wording.screening(screening, beside: referral), width: width, first: "Red-flag screen: ")
        }
        let inner = width - 4
        var body = TextWrap.lines(Wording.screeningQuestionsTitle(screening, beside: referral), width: inner) + [""]
            + TextWrap.lines(Wording.screeningQuestionsMessage(screening, beside: referral), width: inner)
        body.append("")
        for question in screening.unanswered {
            body += TextWrap.indented("\(question.label) [\(question.id)]", width: inner, first: "- ", rest: "  ")
        }
        return box(body, .fair)
    }

    private func box(_ body: [String], _ tone: Style) -> [String] {
        let inner = width - 4
        let edge = String(repeating: "─", count: width - 2)
        let boxed = ["┌" + edge + "┐"] + body.map { "│ " + TextWrap.fit($0, inner) + " │" } + ["└" + edge + "┘"]
        return boxed.map { style($0, tone) }
    }

    private func summary(_ assessment: AssessmentReport) -> [String] {
        let score = Wording.score(assessment)
        let right = "\(TextWrap.fit(score, 13)) \(TextWrap.fit(Wording.evidence(assessment.evidence), 17))"
        let titleWidth = width - 2 - right.count - 2
        var lines: [String]
        if titleWidth >= 20 {
            // A long title wraps onto further lines rather than being cut: the score sits on its first line.
            let title = TextWrap.lines(assessment.title, width: titleWidth)
            lines = ["  " + TextWrap.fit(title[0], titleWidth) + "  " + style(right, statusStyle(assessment.status))]
            lines += title.dropFirst().map { "  " + $0 }
        } else {
            // Too narrow for a title column beside the score (a review found "Red-…" at 40
            // columns): the title on lines of its own, the score under it.
            lines = TextWrap.indented(assessment.title, width: width, first: "  ")
            let compact = "\(score), \(Wording.evidence(assessment.evidence))"
            lines += TextWrap.indented(compact, width: width, first: "    ").map { style($0, statusStyle(assessment.status)) }
        }
        for finding in assessment.findings {
            lines += TextWrap.indented(Wording.finding(finding, explain: explain), width: width, first: "    * ")
            lines += TextWrap.indented(finding.evidence, width: width, first: "      ")
        }
        for input in assessment.inputs {
            if let line = Wording.leftRight(input, in: assessment) { lines += TextWrap.indented(line, width: width, first: "    ") }
        }
        return lines
    }

    private func planItem(_ item: PlanItem, in report: Report) -> [String] {
        let number = "\(item.rank). "
        let indent = "  " + String(repeating: " ", count: number.count)
        var lines = TextWrap.indented(
            "\(item.exercise.name) [\(Wording.planTag(item, explain: explain))]",
            width: width, first: "  " + number, rest: indent)
        lines[0] = style(lines[0], .bold)
        lines += TextWrap.indented(Wording.dosage(item.dosage), width: width, first: indent + "Dose: ", rest: indent + "      ")
        if let note = item.dosage.note { lines += TextWrap.indented(note, width: width, first: indent + "      ") }
        for reason in item.because {
            lines += TextWrap.indented(Wording.reason(reason, explain: explain, in: report), width: width, first: indent + "Why:  ", rest: indent + "      ")
        }
        // The steps stay in `show`, but a caution is safety advice and goes wherever the exercise does.
        for caution in item.exercise.cautions {
            lines += TextWrap.indented(caution, width: width, first: indent + "Care: ", rest: indent + "      ")
        }
        return lines
    }

    private enum Style { case bold, alarm, good, fair, poor }

    private func statusStyle(_ status: Status) -> Style? {
        switch status {
        case .good: .good
        case .fair: .fair
        case .poor, .refer: .poor
        case .unscored: nil
        }
    }

    private func style(_ text: String, _ style: Style?) -> String {
        guard colour, let style else { return text }
        let code = switch style {
        case .bold: "1"
        case .alarm: "1;31"
        case .good: "32"
        case .fair: "33"
        case .poor: "31"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}

extension String {
    /// The string without trailing spaces.
    var trailingSpacesRemoved: String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
