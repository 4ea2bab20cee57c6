public import BackCheckYAML
import BackCheckExpressions
import BackCheckPluginAPI

/// A ``Comparison`` in each report format.
public enum ComparisonExport {
    /// The comparison in `format`.
    public static func render(_ comparison: Comparison, format: ReportFormat) -> String {
        switch format {
        case .text, .ics: lines(comparison, markdown: false).joined(separator: "\n") + "\n"
        case .markdown: lines(comparison, markdown: true).joined(separator: "\n") + "\n"
        case .json: json(comparison).serialized(pretty: true) + "\n"
        case .html: html(comparison)
        }
    }

    /// `From check-in #1 (2026-12-01T10:00:00Z) to check-in #3 (…)`; without check-in numbers
    /// (two report files), the times alone. Two check-ins saved in one second share a time, so
    /// the numbers are what tells them apart (a lifter's review saw "From T to T").
    static func span(_ comparison: Comparison) -> String {
        guard let earlier = comparison.earlierCheckIn, let later = comparison.laterCheckIn else {
            return "From \(comparison.earlierGeneratedAt) to \(comparison.laterGeneratedAt)"
        }
        return "From check-in #\(earlier) (\(comparison.earlierGeneratedAt)) to check-in #\(later) (\(comparison.laterGeneratedAt))"
    }

    /// `left Thigh angle: 4 deg → -3 deg (-7), within the test's measurement error of 11 deg`.
    package static func sentence(_ change: InputChange) -> String {
        let side = change.side.map { "\($0.rawValue) " } ?? ""
        var text = "\(side)\(change.label): \(Wording.value(change.before, unit: change.unit)) → \(Wording.value(change.after, unit: change.unit))"
        if let delta = change.change { text += " (\(delta > 0 ? "+" : "")\(NumberText.format(delta)))" }
        switch change.verdict {
        case .improved: text += ", improved"
        case .worse: text += ", worse"
        case .withinMeasurementError:
            text += ", within " + (change.mdc.map { Wording.measurementError($0, unit: change.unit) } ?? "the test's measurement error")
        case .changed: text += ", changed"
        case .unchanged: text += ", unchanged"
        }
        // Without a known measurement error even a small change gets a direction: say it may be
        // noise, unless it crossed into or out of the values that raise a finding (a review found
        // a deadlift's pain of 2 → 6 called a change that may be noise).
        // A move out of them keeps the caveat: an improvement is not claimed on noise.
        if change.enteredFlagged == true {
            text += " (now among the values that raise a finding)"
        } else if change.enteredFlagged == false, change.mdc != nil {
            text += " (now clear of the values that raise a finding)"
        } else if change.enteredFlagged == false {
            text += " (now clear of the values that raise a finding, though no measurement error is known for it, so a small change may be noise)"
        } else if change.mdc == nil, change.change != nil, change.verdict == .improved || change.verdict == .worse {
            text += " (no measurement error is known for it, so a small change may be noise)"
        }
        return text
    }

    private static func lines(_ comparison: Comparison, markdown: Bool) -> [String] {
        let bullet = markdown ? "- " : "    "
        let md = MarkdownExport()
        func clean(_ text: String) -> String { markdown ? md.escape(text) : text }
        var lines = [markdown ? "# BackCheck progress" : "BACKCHECK PROGRESS", ""]
        lines += markdown ? [clean(span(comparison))] : TextWrap.indented(span(comparison), width: 80, first: "")
        // Where the person stands now comes before any change: progress never hides a red flag.
        if markdown {
            lines += md.safetyLines(referral: comparison.referral, screening: comparison.screening)
        } else {
            let text = TextExport()
            if let referral = comparison.referral { lines += [""] + text.referralBox(referral) }
            if let screening = comparison.screening { lines += [""] + text.screeningLines(screening, beside: comparison.referral) }
        }
        if let earlier = comparison.earlierReferral {
            lines.append("")
            lines += markdown ? ["> " + clean(earlierReferralSentence(earlier))] : TextWrap.indented(earlierReferralSentence(earlier), width: 80, first: "")
        }
        for interim in comparison.referralsBefore {
            lines.append("")
            lines += markdown ? ["> " + clean(betweenSentence(interim, before: true))] : TextWrap.indented(betweenSentence(interim, before: true), width: 80, first: "")
        }
        for interim in comparison.referralsBetween {
            lines.append("")
            lines += markdown ? ["> " + clean(betweenSentence(interim))] : TextWrap.indented(betweenSentence(interim), width: 80, first: "")
        }
        // Text wraps at 80 columns like a report; Markdown leaves wrapping to its reader.
        func add(_ text: String, first: String = "", rest: String? = nil) {
            lines += markdown ? [first + clean(text)] : TextWrap.indented(text, width: 80, first: first, rest: rest)
        }
        for assessment in comparison.assessments {
            lines.append("")
            add(Self.headline(assessment), first: markdown ? "## " : "", rest: markdown ? nil : "  ")
            if assessment.definitionChanged {
                add("the test's definition changed between the reports; compare scores with care", first: bullet)
            }
            if let voided = assessment.voidedIn { add(voidedSentence(voided), first: bullet) }
            for change in assessment.inputs where change.verdict != .unchanged { add(sentence(change), first: bullet) }
            for finding in assessment.notChecked { add("not comparable: \(finding.label)", first: bullet) }
            for finding in assessment.resolved { add(Self.resolved(finding, in: assessment), first: bullet) }
            for finding in assessment.new { add("new: \(finding.label)", first: bullet) }
            for finding in assessment.goneWithinMeasurementError { add(Self.goneWithinError(finding), first: bullet) }
            for finding in assessment.newWithinMeasurementError { add(Self.newWithinError(finding), first: bullet) }
            for finding in assessment.persisting { add("still there: \(finding.label)", first: bullet) }
        }
        if !comparison.onlyEarlier.isEmpty { lines.append(""); add(onlyEarlierSentence(comparison)) }
        if !comparison.onlyLater.isEmpty { lines.append(""); add(onlyLaterSentence(comparison)) }
        return lines
    }

    /// Why a test's numbers are not compared: one report's measurements were voided.
    static func voidedSentence(_ voided: AssessmentChange.VoidedReports) -> String {
        let which = switch voided {
        case .earlier: "the earlier report"
        case .later: "the later report"
        case .both: "both reports"
        }
        return "in \(which) an answer voided this test's measurements (see its notes; a hold stopped by pain, say), so they are not compared, and the findings they decide are not comparable: neither resolved nor new"
    }

    /// A referral made between the two reports compared, which neither shows.
    static func betweenSentence(_ interim: Comparison.InterimReferral, before: Bool = false) -> String {
        let titles = interim.referral.reasons.map(\.title).joined(separator: "; ")
        let day = interim.generatedAt.prefix(10)
        let advice = switch interim.referral.urgency {
        case .emergency: "if you have not been checked since, see a doctor today, and call an ambulance or go to an emergency department at once if those signs come back"
        case .sameDay: "if you have not been checked since, contact a doctor today, before going back to loaded training"
        case .soon: "if you have not been checked since, still see a doctor or physiotherapist before going back to loaded training"
        }
        return "\(before ? "Before" : "Between") these check-ins, on \(day), a check-in had a referral (\(interim.referral.urgency.rawValue): \(titles)). Neither report compared here shows it: \(advice)."
    }

    /// The earlier referral, when the later report has none: it still stands until the
    /// person has been checked.
    static func earlierReferralSentence(_ referral: Referral) -> String {
        let titles = referral.reasons.map(\.title).joined(separator: "; ")
        switch referral.urgency {
        case .emergency:
            return "The earlier report found signs that needed emergency care (\(titles)). They are not raised now, but that does not rule out their cause: if you have not been checked since, see a doctor today, and call an ambulance or go to an emergency department at once if they come back."
        case .sameDay:
            return "The earlier report referred you to a doctor that day (\(titles)). It is not raised now, but easing pain does not cancel it: if you have not been checked yet, contact a doctor today, before going back to loaded training."
        case .soon:
            return "The earlier report referred you to a doctor or physiotherapist (\(titles)). It is not raised now, but easing pain does not cancel it: if you have not been checked yet, still see one before going back to loaded training."
        }
    }

    /// A finding that went while every deciding answer moved within its MDC.
    private static func goneWithinError(_ finding: ReportFinding) -> String {
        "no longer flagged, but no answer moved beyond measurement error, so not a real change: \(finding.label)"
    }

    /// A finding that came while every deciding answer moved within its MDC.
    private static func newWithinError(_ finding: ReportFinding) -> String {
        "flagged now, but no answer moved beyond measurement error, so not a real change: \(finding.label)"
    }

    /// `Glute function: score 55 → 80`. A referral has no score worth comparing (a red-flag
    /// screen scores 100 when clear and 0 when not, which reads as a test result), so it says
    /// `refer` instead.
    private static func headline(_ assessment: AssessmentChange) -> String {
        func shown(_ score: Int?, _ status: Status) -> String { status == .refer ? "refer" : score.map(String.init) ?? "-" }
        let (before, after) = (shown(assessment.scoreBefore, assessment.statusBefore), shown(assessment.scoreAfter, assessment.statusAfter))
        let label = assessment.statusBefore == .refer || assessment.statusAfter == .refer ? "" : "score "
        return "\(assessment.title): \(label)\(before) → \(after)"
    }

    /// A finding the later report no longer has. A referral finding has not "resolved" because
    /// an answer changed: only a clinician can say that, and the comparison says the referral
    /// still stands.
    private static func resolved(_ finding: ReportFinding, in assessment: AssessmentChange) -> String {
        finding.tier == .refer ? "no longer reported: \(finding.label)" : "resolved: \(finding.label)" + otherSideFell(finding, in: assessment)
    }

    /// `, but only because the left side got worse, not because the right improved`, when a
    /// one-sided finding went away while its own side did not improve and the other side got
    /// worse: two sides that match because the stronger one fell are not good news (a lifter's
    /// review read "resolved" beside a side bridge that dropped from 60 s to 28 s). Empty
    /// otherwise.
    private static func otherSideFell(_ finding: ReportFinding, in assessment: AssessmentChange) -> String {
        guard let side = finding.side else { return "" }
        let other: Side = side == .left ? .right : .left
        let fell = assessment.inputs.contains { $0.side == other && $0.verdict == .worse }
        let improved = assessment.inputs.contains { $0.side == side && $0.verdict == .improved }
        guard fell, !improved else { return "" }
        return ", but only because the \(other.rawValue) side got worse, not because the \(side.rawValue) improved"
    }

    /// What the tests only the earlier report has mean, named by title: when the later report
    /// shows nothing but its emergency referral, not progress (withheld or not taken again).
    private static func onlyEarlierSentence(_ comparison: Comparison) -> String {
        let titles = comparison.onlyEarlierTitles.joined(separator: ", ")
        return comparison.laterWithholdsResults
            ? "Not compared, because the later report shows no other results for the emergency (get checked first): \(titles)"
            : "Only in the earlier report: \(titles)"
    }

    /// What the tests only the later report has mean, named by title: when the earlier report
    /// showed nothing but its emergency referral, they were held back there, not missing.
    private static func onlyLaterSentence(_ comparison: Comparison) -> String {
        let titles = comparison.onlyLaterTitles.joined(separator: ", ")
        return comparison.earlierWithheldResults
            ? "Not compared, because the earlier report showed no other results for its emergency: \(titles)"
            : "Only in the later report: \(titles)"
    }

    private static func findingRefs(_ findings: [ReportFinding]) -> JSONValue {
        .array(findings.map { finding in
            var members: [(key: String, value: JSONValue)] = [("id", .string(finding.id))]
            if let side = finding.side { members.append(("side", .string(side.rawValue))) }
            return .object(members)
        })
    }

    /// The comparison as `backcheck.comparison/1` JSON.
    public static func json(_ comparison: Comparison) -> JSONValue {
        var head: [(key: String, value: JSONValue)] = [
            ("schema", .string("backcheck.comparison/1")),
            ("earlier", .string(comparison.earlierGeneratedAt)),
            ("later", .string(comparison.laterGeneratedAt)),
            ("referral", comparison.referral.map(ReportJSON.referral) ?? .null),
        ]
        if let earlier = comparison.earlierCheckIn, let later = comparison.laterCheckIn {
            head.insert(contentsOf: [("earlier_check_in", .integer(Int(earlier))), ("later_check_in", .integer(Int(later)))], at: 3)
        }
        func interim(_ item: Comparison.InterimReferral) -> JSONValue {
            var members: [(key: String, value: JSONValue)] = [("generated_at", .string(item.generatedAt))]
            if let id = item.checkIn { members.append(("check_in", .integer(Int(id)))) }
            return .object(members + [("referral", ReportJSON.referral(item.referral))])
        }
        if let earlier = comparison.earlierReferral { head.append(("earlier_referral", ReportJSON.referral(earlier))) }
        if let screening = comparison.screening { head.append(("screening", ReportJSON.screening(screening))) }
        head.append(("referrals_between", .array(comparison.referralsBetween.map(interim))))
        head.append(("referrals_before", .array(comparison.referralsBefore.map(interim))))
        return .object(head + [
            ("assessments", .array(comparison.assessments.map { assessment in
                .object([
                    ("id", .string(assessment.id)),
                    ("score_before", assessment.scoreBefore.map(JSONValue.integer) ?? .null),
                    ("score_after", assessment.scoreAfter.map(JSONValue.integer) ?? .null),
                    ("definition_changed", .bool(assessment.definitionChanged)),
                    ("inputs", .array(assessment.inputs.map { change in
                        var members: [(key: String, value: JSONValue)] = [("input", .string(change.input))]
                        if let side = change.side { members.append(("side", .string(side.rawValue))) }
                        members += [("before", ReportJSON.value(change.before)), ("after", ReportJSON.value(change.after))]
                        if let delta = change.change { members.append(("change", ReportJSON.number(delta))) }
                        if let unit = change.unit { members.append(("unit", .string(unit))) }
                        if let mdc = change.mdc { members.append(("mdc", ReportJSON.number(mdc))) }
                        members.append(("verdict", .string(change.verdict.rawValue)))
                        return .object(members)
                    })),
                    ("resolved", findingRefs(assessment.resolved)),
                    ("new", findingRefs(assessment.new)),
                    ("gone_within_measurement_error", findingRefs(assessment.goneWithinMeasurementError)),
                    ("new_within_measurement_error", findingRefs(assessment.newWithinMeasurementError)),
                    ("persisting", findingRefs(assessment.persisting)),
                    ("not_checked", findingRefs(assessment.notChecked)),
                ] + (assessment.voidedIn.map { [("voided_in", JSONValue.string($0.rawValue))] } ?? []))
            })),
            ("only_earlier", .array(comparison.onlyEarlier.map(JSONValue.string))),
            ("only_later", .array(comparison.onlyLater.map(JSONValue.string))),
            ("withheld", .array(((comparison.laterWithholdsResults ? comparison.onlyEarlier : [])
                + (comparison.earlierWithheldResults ? comparison.onlyLater : [])).map(JSONValue.string))),
        ])
    }

    private static func html(_ comparison: Comparison) -> String {
        func e(_ text: String) -> String { HTMLText.escape(text) }
        var body = "<h1>BackCheck progress</h1><p class=\"meta\">\(e(span(comparison)))</p>"
        let report = HTMLExport()
        if let referral = comparison.referral { body += report.referralSection(referral) }
        if let screening = comparison.screening { body += report.screeningSection(screening, beside: comparison.referral) }
        if let earlier = comparison.earlierReferral {
            body += "<p class=\"earlier-referral\"><strong>\(e(earlierReferralSentence(earlier)))</strong></p>"
        }
        for interim in comparison.referralsBefore {
            body += "<p class=\"earlier-referral\"><strong>\(e(betweenSentence(interim, before: true)))</strong></p>"
        }
        for interim in comparison.referralsBetween {
            body += "<p class=\"earlier-referral\"><strong>\(e(betweenSentence(interim)))</strong></p>"
        }
        for assessment in comparison.assessments {
            body += "<article class=\"assessment\"><h3>\(e(headline(assessment)))</h3><ul>"
            if let voided = assessment.voidedIn { body += "<li>\(e(voidedSentence(voided)))</li>" }
            for change in assessment.inputs where change.verdict != .unchanged {
                body += "<li class=\"verdict-\(change.verdict.rawValue)\">\(e(sentence(change)))</li>"
            }
            body += assessment.notChecked.map { "<li>not comparable: \(e($0.label))</li>" }.joined()
            body += assessment.resolved.map { finding in
                // A finding gone only because the other side fell is not shown as an improvement.
                let fell = !otherSideFell(finding, in: assessment).isEmpty
                return "<li class=\"verdict-\(fell ? "changed" : "improved")\">\(e(resolved(finding, in: assessment)))</li>"
            }.joined()
            body += assessment.new.map { "<li class=\"verdict-worse\">new: \(e($0.label))</li>" }.joined()
            body += assessment.goneWithinMeasurementError.map { "<li>\(e(goneWithinError($0)))</li>" }.joined()
            body += assessment.newWithinMeasurementError.map { "<li>\(e(newWithinError($0)))</li>" }.joined()
            body += assessment.persisting.map { "<li>still there: \(e($0.label))</li>" }.joined()
            body += "</ul></article>"
        }
        if !comparison.onlyEarlier.isEmpty { body += "<p>\(e(onlyEarlierSentence(comparison)))</p>" }
        if !comparison.onlyLater.isEmpty { body += "<p>\(e(onlyLaterSentence(comparison)))</p>" }
        let css = HTMLExport.css + ".verdict-improved{color:var(--good)}.verdict-worse{color:var(--alarm)}"
        return HTMLText.document(title: "BackCheck progress", css: css, body: body)
    }
}
