import BackCheckExpressions
import BackCheckPluginAPI
import BackCheckYAML

/// The report as Markdown, for sharing: the referral as a quote first, a table of the
/// assessments, each one's findings, then the plan as a numbered list.
public struct MarkdownExport: Sendable {
    /// Whether to show severities, evidence weights and priorities (`--explain`).
    public var explain: Bool

    /// Creates a Markdown export.
    public init(explain: Bool = false) { self.explain = explain }

    /// The whole report as Markdown, ending in a newline.
    public func render(_ report: Report) -> String {
        var lines = ["# BackCheck report", ""]
        lines.append("Generated \(escape(report.generatedAt)) by \(escape(report.tool.name)) \(escape(report.tool.version)). Profile: \(escape(Wording.profile(report.profile))).")
        lines += safetyLines(referral: report.referral, screening: report.screening)
        if let reassurance = report.reassurance { lines += ["", escape(reassurance)] }
        lines += ["", "## Assessments", ""]
        if let caveat = Wording.resultsUnderReferral(report) { lines += ["_\(escape(caveat))_", ""] }
        lines += ["| Assessment | Score | Evidence | Findings |", "|---|---|---|---|"]
        for assessment in report.assessments {
            lines.append("| \(escape(assessment.title)) (`\(assessment.id)`) | \(escape(Wording.score(assessment))) | \(assessment.evidence.rawValue) | \(assessment.findings.count) |")
        }
        for assessment in report.assessments where !assessment.findings.isEmpty || assessment.inputs.contains(where: { Wording.leftRight($0, in: assessment) != nil }) {
            lines += ["", "### \(escape(assessment.title))", ""]
            for finding in assessment.findings {
                lines.append("- **\(escape(Wording.finding(finding, explain: explain)))**: \(escape(finding.evidence))")
            }
            for input in assessment.inputs {
                if let line = Wording.leftRight(input, in: assessment) { lines.append("- \(escape(line))") }
            }
        }
        lines += ["", "## Plan", ""]
        for item in report.plan {
            lines.append("\(item.rank). **\(escape(item.exercise.name))** (\(escape(Wording.planTag(item, explain: explain)))): \(escape(Wording.dosage(item.dosage)))")
            if let note = item.dosage.note { lines.append("   \(escape(note))") }
            for reason in item.because { lines.append("   - because: \(escape(Wording.reason(reason, explain: explain, in: report)))") }
            for caution in item.exercise.cautions { lines.append("   - take care: \(escape(caution))") }
        }
        if !report.plan.isEmpty, !report.planNotes.isEmpty { lines.append("") }
        for note in report.planNotes { lines.append("_\(escape(note))_") }
        if let retest = Wording.retest(report) { lines += ["", escape(retest)] }
        if let program = report.program { lines += programLines(program) }
        let notes = report.notes + report.assessments.flatMap { assessment in assessment.notes.map { "\(assessment.title): \($0)" } }
        if !notes.isEmpty {
            lines += ["", "## Notes", ""]
            for note in notes { lines.append("- \(escape(note))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text with Markdown's special characters escaped, so answers and titles print as written,
    /// and any other control character shown as a symbol (a terminal would obey it).
    func escape(_ text: String) -> String {
        var escaped = ""
        for index in text.indices {
            let character = text[index]
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#": escaped += "\\\(character)"
            // `&` only where it starts an entity (`&amp;` would print as its character): "A\&E"
            // read raw, as a .md file often is, says a backslash (found by a review).
            case "&" where Self.startsEntity(text[text.index(after: index)...]): escaped += "\\&"
            case "\n", "\r\n", "\t": escaped += " "
            default: escaped.append(character)
            }
        }
        return VisibleText.escaped(escaped)
    }

    /// Whether the characters after a `&` make it an entity: letters or digits (after an
    /// optional `#`) closed by `;`.
    private static func startsEntity(_ rest: Substring) -> Bool {
        var body = rest.prefix { $0 != ";" }
        guard body.count < rest.count, !body.isEmpty else { return false }
        if body.first == "#" { body = body.dropFirst() }
        return !body.isEmpty && body.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    /// The referral as a quote, then the screen's state: what a report, or a comparison,
    /// opens with.
    func safetyLines(referral: Referral?, screening: Screening?) -> [String] {
        var lines: [String] = []
        if let referral {
            lines += ["", "> **\(escape(Wording.referralTitle(referral)))**", ">", "> \(escape(referral.message))", ">"]
            for reason in referral.distinctReasons {
                let side = reason.side.map { " (\($0.rawValue))" } ?? ""
                lines.append("> - \(escape(reason.title))\(side) (\(reason.urgency.rawValue))")
            }
        }
        if let screening {
            if screening.listsQuestions {
                lines += ["", "> **\(escape(Wording.screeningQuestionsTitle(screening, beside: referral)))**", ">",
                          "> \(escape(Wording.screeningQuestionsMessage(screening, beside: referral)))", ">"]
                for question in screening.unanswered { lines.append("> - \(escape(question.label)) (`\(question.id)`)") }
            } else {
                lines += ["", "Red-flag screen: \(escape(Wording.screening(screening, beside: referral)))."]
            }
        }
        return lines
    }
}
