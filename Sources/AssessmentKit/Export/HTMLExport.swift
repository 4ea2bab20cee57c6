import BackCheckExpressions
import BackCheckPluginAPI

/// The report as one self-contained HTML page: inline CSS and inline SVG charts, no scripts
/// and no external requests, readable on screen and on paper. Every piece of text is escaped.
public struct HTMLExport: Sendable {
    /// Whether to show severities, evidence weights and priorities (`--explain`).
    public var explain: Bool

    /// Creates an HTML export.
    public init(explain: Bool = false) { self.explain = explain }

    /// The whole page.
    public func render(_ report: Report) -> String {
        var body: [String] = []
        body.append("<header><h1>BackCheck report</h1><p class=\"meta\">\(e(report.generatedAt)) · \(e(report.tool.name)) \(e(report.tool.version)) · Profile: \(e(Wording.profile(report.profile)))</p></header>")
        if let referral = report.referral { body.append(referralSection(referral)) }
        if let screening = report.screening { body.append(screeningSection(screening, beside: report.referral)) }
        if let reassurance = report.reassurance { body.append("<p class=\"reassurance\">\(e(reassurance))</p>") }
        body.append(planSection(report))
        if let program = report.program { body.append(programSection(program)) }
        body.append("<section class=\"assessments\"><h2>Assessments</h2>")
        if let caveat = Wording.resultsUnderReferral(report) { body.append("<p class=\"under-referral\">\(e(caveat))</p>") }
        body.append("<table class=\"summary\"><thead><tr><th>Assessment</th><th>Score</th><th>Evidence</th><th>Findings</th></tr></thead><tbody>")
        for assessment in report.assessments {
            body.append("<tr><td>\(e(assessment.title))</td><td class=\"status-\(assessment.status.rawValue)\">\(e(Wording.score(assessment)))</td><td>\(e(assessment.evidence.rawValue))</td><td>\(assessment.findings.count)</td></tr>")
        }
        body.append("</tbody></table>")
        for assessment in report.assessments { body.append(assessmentSection(assessment)) }
        body.append("</section>")
        let notes = report.notes + report.assessments.flatMap { assessment in assessment.notes.map { "\(assessment.title): \($0)" } }
        if !notes.isEmpty {
            body.append("<section><h2>Notes</h2><ul>" + notes.map { "<li>\(e($0))</li>" }.joined() + "</ul></section>")
        }
        return HTMLText.document(title: "BackCheck report \(report.generatedAt)", css: Self.css, body: body.joined(separator: "\n"))
    }

    func e(_ text: String) -> String { HTMLText.escape(text) }

    /// The report's referral as a section of its own, or `nil` without one: a page of the
    /// history (a trend) leads with it, as the report does.
    public func referral(of report: Report) -> String? {
        report.referral.map(referralSection)
    }

    /// The referral as a section (also the head of a comparison).
    func referralSection(_ referral: Referral) -> String {
        var html = "<section class=\"referral urgency-\(referral.urgency.rawValue)\"><h2>\(e(Wording.referralTitle(referral)))</h2><p>\(e(referral.message))</p><ul>"
        for reason in referral.distinctReasons {
            let side = reason.side.map { " (\($0.rawValue))" } ?? ""
            html += "<li>\(e(reason.title + side)) <span class=\"muted\">\(e(reason.urgency.rawValue))</span></li>"
        }
        return html + "</ul></section>"
    }

    /// The screen's state: a section of its questions when incomplete, else one line.
    func screeningSection(_ screening: Screening, beside referral: Referral?) -> String {
        guard screening.listsQuestions else {
            return "<p class=\"screening\"><strong>Red-flag screen:</strong> \(e(Wording.screening(screening, beside: referral)))</p>"
        }
        var html = "<section class=\"screening-incomplete\"><h2>\(e(Wording.screeningQuestionsTitle(screening, beside: referral)))</h2><p>\(e(Wording.screeningQuestionsMessage(screening, beside: referral)))</p><ul>"
        for question in screening.unanswered { html += "<li>\(e(question.label))</li>" }
        return html + "</ul></section>"
    }

    private func assessmentSection(_ assessment: AssessmentReport) -> String {
        var html = "<article class=\"assessment\"><h3>\(e(assessment.title)) <span class=\"badge status-\(assessment.status.rawValue)\">\(e(Wording.score(assessment)))</span></h3>"
        html += "<p class=\"muted\">\(e(assessment.id)) v\(assessment.version) · \(e(Wording.evidence(assessment.evidence)))</p>"
        if !assessment.findings.isEmpty {
            html += "<ul class=\"findings\">"
            for finding in assessment.findings {
                let detail = explain ? "severity \(NumberText.format(finding.severity)), \(finding.tier.rawValue)" : finding.tier.rawValue
                html += "<li><strong>\(e(finding.label))</strong> <span class=\"muted\">\(e(detail))</span><br>\(e(finding.evidence))<br><span class=\"muted\">\(e(finding.explain))</span></li>"
            }
            html += "</ul>"
        }
        for input in assessment.inputs where input.isNumeric {
            guard let answer = assessment.answer(input.name), let svg = HTMLChart(input: input, answer: answer).svg() else { continue }
            html += "<figure><figcaption>\(e(input.label))</figcaption>\(svg)"
            if let line = Wording.leftRight(input, in: assessment) { html += "<p class=\"muted\">\(e(line))</p>" }
            html += "</figure>"
        }
        if assessment.inputs.contains(where: \.isNumeric) {
            html += "<p class=\"legend\"><span class=\"swatch\"></span> values that would raise a finding for you (your other answers unchanged); the dark line is your value.</p>"
        }
        return html + "</article>"
    }

    private func planSection(_ report: Report) -> String {
        var html = "<section class=\"plan\"><h2>\(report.plan.isEmpty ? "Plan" : "Do these first")</h2>"
        if !report.plan.isEmpty { html += "<ol class=\"plan\">" }
        for item in report.plan {
            html += "<li><h3>\(e(item.exercise.name)) <span class=\"muted\">\(e(Wording.planTag(item, explain: explain)))</span></h3>"
            if let poses = item.exercise.poses { html += StickFigure.pair(poses, name: item.exercise.name) }
            html += "<p><strong>Dose:</strong> \(e(Wording.dosage(item.dosage)))\(item.dosage.note.map { ". " + e($0) } ?? "")</p>"
            // Labelled as the text and Markdown label it: an unexplained list, read aloud, says nothing.
            html += "<p class=\"why\"><strong>Why:</strong></p><ul class=\"because\">" + item.because.map { "<li>\(e(Wording.reason($0, explain: explain, in: report)))</li>" }.joined() + "</ul>"
            html += "<div class=\"how\"><p><strong>How to do it</strong></p><p class=\"steps\">\(e(item.exercise.instructions))</p>"
            if !item.exercise.cues.isEmpty { html += "<p><strong>Cues:</strong> \(e(item.exercise.cues.joined(separator: "; ")))</p>" }
            if !item.exercise.cautions.isEmpty { html += "<p><strong>Take care:</strong> \(e(item.exercise.cautions.joined(separator: "; ")))</p>" }
            html += "</div></li>"
        }
        if !report.plan.isEmpty { html += "</ol>" }
        for note in report.planNotes { html += "<p class=\"muted\">\(e(note))</p>" }
        if let retest = Wording.retest(report) { html += "<p><strong>\(e(retest))</strong></p>" }
        return html + "</section>"
    }

    static let css = """
        :root{color-scheme:light dark;--ink:#1d2330;--muted:#5b6475;--line:#dfe3ea;--paper:#fff;--alarm:#b3261e;--alarm-bg:#fdecea;--warn-bg:#fff4e0;--calm-bg:#eef6ee;--good:#1f6e43;--fair:#8a5a00;--flag:#d65a50}\
        @media (prefers-color-scheme:dark){:root{--ink:#e6e9ef;--muted:#a9b1bf;--line:#3a4150;--paper:#14171d;--alarm:#ff8a80;--alarm-bg:#3a1614;--warn-bg:#3a2a10;--calm-bg:#16301d;--good:#6fd39b;--fair:#f0b44c}}\
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:860px;margin:2em auto;padding:0 1em;color:var(--ink);line-height:1.45;background:var(--paper);overflow-wrap:break-word}\
        h1{margin-bottom:.2em}h2{border-bottom:2px solid var(--line);padding-bottom:.2em;margin-top:1.6em}h3{margin:.6em 0 .2em}\
        .meta,.muted{color:var(--muted);font-size:.92em}\
        .referral{border:3px solid var(--alarm);background:var(--alarm-bg);padding:.4em 1.2em;border-radius:8px;margin:1.4em 0}\
        .referral h2{color:var(--alarm);border:0}\
        .screening-incomplete{border:3px solid #a15c00;background:var(--warn-bg);padding:.4em 1.2em;border-radius:8px;margin:1.4em 0}\
        .screening-incomplete h2{border:0;font-size:1.15em}.reassurance{background:var(--calm-bg);padding:.6em 1em;border-radius:8px}\
        table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid var(--line);padding:.35em .5em;text-align:left;vertical-align:top}\
        .status-good{color:var(--good)}.status-fair{color:var(--fair)}.status-poor,.status-refer{color:var(--alarm)}\
        .badge{font-size:.75em;border:1px solid currentColor;border-radius:999px;padding:.1em .6em;vertical-align:middle}\
        .assessment{border:1px solid var(--line);border-radius:8px;padding:.4em 1em;margin:1em 0;break-inside:avoid}\
        figure{margin:.6em 0}figcaption{font-size:.92em;font-weight:600}\
        svg.chart{max-width:100%;height:auto;font-size:17px;fill:var(--ink)}\
        svg .track{fill:#e8f3ec;stroke:#9fb8a8}svg .flag{fill:var(--flag)}svg .value{stroke:var(--ink);stroke-width:3}\
        .legend{font-size:.85em;color:var(--muted)}.swatch{display:inline-block;width:1em;height:.8em;background:var(--flag);vertical-align:middle}\
        ol.plan>li{margin-bottom:1em;break-inside:avoid}.steps{white-space:pre-line}\
        .figures{display:flex;align-items:center;gap:.4em;color:var(--ink)}.figures span{color:var(--muted)}\
        .program-week .block{font-weight:600;margin:.3em 0 .1em}.program-week ul.ticks{list-style:none;padding:0;margin:0}\
        .ticks li{margin:.15em 0}.box{display:inline-block;width:.9em;height:.9em;border:1.5px solid currentColor;border-radius:2px;margin-right:.45em;vertical-align:-.1em}\
        .own{font-style:italic;margin:.3em 0}.minutes{text-align:right;white-space:nowrap}.day{white-space:nowrap}.week-note{background:var(--warn-bg);padding:.4em .8em;border-radius:6px}\
        @media (max-width:520px){body{padding:0 .6em;margin:1em auto}td,th{padding:.3em .25em}\
        table.summary th:nth-child(3),table.summary td:nth-child(3){display:none}\
        .program-week thead{display:none}.program-week tr{display:block;border-bottom:1px solid var(--line);padding:.3em 0}\
        .program-week td{display:block;border:0;padding:.1em 0}.program-week td.minutes{text-align:left}.program-week td.minutes::after{content:" min"}}\
        @page{size:A4;margin:12mm}\
        @media print{:root{--ink:#000;--muted:#444;--paper:#fff;--good:#1f6e43;--fair:#8a5a00;--alarm:#b3261e}body{margin:0;max-width:none;font-size:11pt}\
        .referral,.screening-incomplete,.reassurance,.week-note{background:none}a{color:inherit}h2{margin-top:1em}.reassurance{padding:0}\
        .how,.figures,.why,ul.because{display:none}ol.plan>li{margin-bottom:.3em}ol.plan h3{font-size:1em;margin:0}ol.plan p{margin:0}section.plan>p{margin:.3em 0}\
        section.program{break-before:page}.program-week tr{break-inside:avoid}section.assessments{break-before:page}}
        """
}
