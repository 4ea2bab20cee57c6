public import BackCheckYAML
import BackCheckExpressions
import BackCheckPluginAPI

extension Report {
    /// The report as JSON in the `backcheck.report/1` shape (spec 7.1): keys in a fixed
    /// order, optional keys left out when empty, computed numbers already rounded.
    public var json: JSONValue { JSONValue.build { write(to: &$0) } }

    /// The text of ``json``, written without building the tree first (the same text as
    /// `json.serialized(pretty:)`).
    public func jsonText(pretty: Bool = false) -> String {
        var writer = JSONWriter(pretty: pretty)
        write(to: &writer)
        return writer.text
    }

    /// Writes the report's JSON (see ``json``) into `sink`.
    public func write(to sink: inout some JSONSink) {
        sink.beginObject()
        sink.member("schema", Self.schemaName)
        sink.member("generated_at", generatedAt)
        sink.member("tool") { $0.object { $0.member("name", tool.name); $0.member("version", tool.version) } }
        sink.member("profile") { ReportJSON.profile(profile, into: &$0) }
        sink.key("referral")
        if let referral { ReportJSON.referral(referral, into: &sink) } else { sink.writeNull() }
        if let screening { sink.member("screening") { ReportJSON.screening(screening, into: &$0) } }
        sink.member("assessments") { $0.array { for report in assessments { ReportJSON.assessment(report, into: &$0) } } }
        sink.member("withheld", strings: withheld)
        sink.member("run_for_referral", strings: runForReferral)
        sink.member("plan") { $0.array { for item in plan { ReportJSON.planItem(item, into: &$0) } } }
        sink.member("plan_notes", strings: planNotes)
        sink.member("plan_left_out") { $0.array { for entry in planLeftOut { ReportJSON.leftOut(entry, into: &$0) } } }
        sink.member("plan_alternatives") { $0.array { for entry in planAlternatives { ReportJSON.alternative(entry, into: &$0) } } }
        sink.key("program")
        if let program { program.write(to: &sink) } else { sink.writeNull() }
        sink.member("reassurance", orNull: reassurance)
        sink.member("retest_due", orNull: retestDue)
        sink.member("notes", strings: notes)
        sink.endObject()
    }
}

/// The JSON form of each part of a report, written into a sink (see ``JSONSink``), so one
/// description gives both the tree and the text.
package enum ReportJSON {
    /// A number as every report writes it: a whole one without ".0".
    package static func number(_ value: Double) -> JSONValue {
        whole(value).map(JSONValue.integer) ?? .number(value)
    }

    /// Writes `value` as every report writes a number: a whole one without ".0".
    static func number(_ value: Double, into sink: inout some JSONSink) {
        if let whole = whole(value) { sink.write(whole) } else { sink.write(value) }
    }

    /// `value` as an integer, when it is a whole number that prints the same either way.
    private static func whole(_ value: Double) -> Int? {
        value.isFinite && value.rounded() == value && abs(value) < 1e15 ? Int(value) : nil
    }

    /// Writes the member `key` with a number as every report writes it.
    static func member(_ key: StaticString, number value: Double, into sink: inout some JSONSink) {
        sink.key(key)
        number(value, into: &sink)
    }

    static func profile(_ profile: Profile, into sink: inout some JSONSink) {
        sink.beginObject()
        if let name = profile.name { sink.member("name", name) }
        if let sex = profile.sex { sink.member("sex", sex.rawValue) }
        if let age = profile.age { member("age", number: age, into: &sink) }
        if let weight = profile.bodyweightKg { member("bodyweight_kg", number: weight, into: &sink) }
        if let days = profile.trainingDaysPerWeek { member("training_days_per_week", number: days, into: &sink) }
        if !profile.backHistory.isEmpty {
            sink.member("back_history", strings: profile.backHistory.map(\.rawValue))
        }
        if let recent = profile.backHistoryRecent { sink.member("back_history_recent", recent) }
        sink.endObject()
    }

    static func screening(_ screening: Screening) -> JSONValue {
        JSONValue.build { self.screening(screening, into: &$0) }
    }

    static func screening(_ screening: Screening, into sink: inout some JSONSink) {
        sink.beginObject()
        sink.member("status", screening.status.rawValue)
        sink.member("unanswered", strings: screening.unanswered.map(\.id))
        sink.member("questions") {
            $0.array { for question in screening.unanswered { $0.object { $0.member("id", question.id); $0.member("label", question.label) } } }
        }
        sink.endObject()
    }

    static func leftOut(_ entry: PlanLeftOut, into sink: inout some JSONSink) {
        sink.object { $0.member("exercise", entry.exercise); $0.member("name", entry.name); $0.member("reason", entry.reason.rawValue) }
    }

    static func alternative(_ entry: PlanAlternative, into sink: inout some JSONSink) {
        sink.object {
            $0.member("exercise", entry.exercise); $0.member("name", entry.name); $0.member("alternative_to", entry.alternativeTo)
        }
    }

    static func referral(_ referral: Referral) -> JSONValue {
        JSONValue.build { self.referral(referral, into: &$0) }
    }

    static func referral(_ referral: Referral, into sink: inout some JSONSink) {
        sink.beginObject()
        sink.member("urgency", referral.urgency.rawValue)
        sink.member("message", referral.message)
        sink.member("reasons") {
            $0.array {
                for reason in referral.reasons {
                    $0.object {
                        $0.member("assessment", reason.assessment); $0.member("finding", reason.finding); $0.member("title", reason.title)
                        if let side = reason.side { $0.member("side", side.rawValue) }
                        $0.member("urgency", reason.urgency.rawValue); $0.member("advice", reason.advice)
                    }
                }
            }
        }
        if let standing = referral.standing {
            sink.member("standing_from") { $0.object { $0.member("check_in", Int(standing.checkIn)); $0.member("generated_at", standing.generatedAt) } }
        }
        sink.endObject()
    }

    static func value(_ value: Value?) -> JSONValue {
        JSONValue.build { self.value(value, into: &$0) }
    }

    static func value(_ value: Value?, into sink: inout some JSONSink) {
        switch value {
        case nil: sink.writeNull()
        case .number(let number)?: Self.number(number, into: &sink)
        case .bool(let flag)?: sink.write(flag)
        case .string(let text)?: sink.write(text)
        case .sequence(let items)?: sink.write(strings: items)
        }
    }

    static func binding(_ binding: Binding, into sink: inout some JSONSink) {
        switch binding {
        case .single(let single): value(single, into: &sink)
        case .bilateral(let left, let right):
            sink.object { $0.key("left"); value(left, into: &$0); $0.key("right"); value(right, into: &$0) }
        }
    }

    static func assessment(_ report: AssessmentReport, into sink: inout some JSONSink) {
        sink.beginObject()
        sink.member("id", report.id); sink.member("version", report.version); sink.member("digest", report.digest)
        sink.member("title", report.title); sink.member("category", report.category)
        sink.member("evaluator", report.evaluator)
        if let sha256 = report.evaluatorSHA256 { sink.member("evaluator_sha256", sha256) }
        sink.member("evidence", report.evidence.rawValue)
        if let note = report.evidenceNote { sink.member("evidence_note", note) }
        sink.member("answers") { $0.object { for answer in report.answers { $0.key(answer.name); binding(answer.value, into: &$0) } } }
        sink.member("derived") { $0.object { for value in report.derived { $0.key(value.name); binding(value.value, into: &$0) } } }
        sink.key("score")
        if let score = report.score { sink.write(score) } else { sink.writeNull() }
        sink.member("status", report.status.rawValue)
        sink.member("findings") { $0.array { for finding in report.findings { self.finding(finding, into: &$0) } } }
        sink.member("notes", strings: report.notes)
        sink.member("inputs") { $0.array { for input in report.inputs { self.input(input, into: &$0) } } }
        if let weeks = report.retestWeeks { sink.member("retest_weeks", weeks) }
        // Written only when true, so every other report reads as before.
        if report.voided { sink.member("voided", true) }
        sink.endObject()
    }

    static func finding(_ finding: ReportFinding, into sink: inout some JSONSink) {
        sink.beginObject()
        sink.member("id", finding.id); sink.member("title", finding.title); sink.member("tier", finding.tier.rawValue)
        if let side = finding.side { sink.member("side", side.rawValue) }
        member("severity", number: finding.severity, into: &sink)
        sink.member("evidence", finding.evidence)
        sink.member("explain", finding.explain)
        sink.endObject()
    }

    static func range(_ range: ClosedRange<Double>, into sink: inout some JSONSink) {
        sink.array { number(range.lowerBound, into: &$0); number(range.upperBound, into: &$0) }
    }

    static func input(_ input: ReportInput, into sink: inout some JSONSink) {
        sink.beginObject()
        sink.member("name", input.name); sink.member("label", input.label); sink.member("type", input.type.rawValue)
        if let unit = input.unit { sink.member("unit", unit) }
        if let range = input.range { sink.member("range") { self.range(range, into: &$0) } }
        if let mdc = input.mdc { member("mdc", number: mdc, into: &sink) }
        sink.member("bilateral", input.bilateral)
        if let lower = input.lowerIsBetter { sink.member("lower_is_better", lower) }
        if let gap = input.leftRight {
            sink.member("left_right") {
                $0.object {
                    member("difference", number: gap.difference, into: &$0)
                    $0.member("lower_side", orNull: gap.lowerSide?.rawValue)
                    $0.key("beyond_mdc")
                    if let beyond = gap.beyondMDC { $0.write(beyond) } else { $0.writeNull() }
                }
            }
        }
        if !input.flagged.isEmpty {
            sink.member("flagged") {
                $0.array {
                    for flagged in input.flagged {
                        $0.object {
                            if let side = flagged.side { $0.member("side", side.rawValue) }
                            $0.member("domain") { range(flagged.domain, into: &$0) }
                            $0.member("intervals") { $0.array { for interval in flagged.intervals { range(interval, into: &$0) } } }
                        }
                    }
                }
            }
        }
        sink.endObject()
    }
}
