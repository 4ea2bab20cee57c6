public import AssessmentKit
internal import BackCheckYAML
internal import BackCheckPluginAPI

/// One measured value's course over a person's check-ins, per side.
public struct TrendSeries: Sendable, Hashable {
    /// The assessment's id.
    public var assessment: String
    /// The input's name.
    public var input: String
    /// `left`, `right`, or `nil`.
    public var side: String?
    /// The unit, when the input has one.
    public var unit: String?
    /// The minimal detectable change, when known.
    public var mdc: Double?
    /// The values, oldest first, with their check-in and time.
    public var points: [(checkIn: Int64, generatedAt: String, value: Double)]
    /// Whether a lower value is the better one (`nil` when the input does not say); see
    /// ``directed(_:by:)``.
    public var lowerIsBetter: Bool?
    /// Whether the latest value is among the values that raise a finding while the first was
    /// not (`true`), or the reverse (`false`); `nil` when neither crossed, with one point, or
    /// when the reports do not say (see ``directed(_:by:)``). As `compare` says it: without a
    /// known measurement error, a pain rating of 2 → 6 is not "a small change that may be noise".
    public var enteredFlagged: Bool?

    /// The latest value minus the first.
    public var change: Double { (points.last?.value ?? 0) - (points.first?.value ?? 0) }
    /// Whether the change is at least the MDC, so not within measurement error (spec 3.1;
    /// `nil` without an MDC or with one point).
    public var beyondMDC: Bool? { points.count < 2 ? nil : mdc.map { abs(Rounding.twoDecimals(change)) >= $0 } }

    public static func == (lhs: TrendSeries, rhs: TrendSeries) -> Bool {
        lhs.assessment == rhs.assessment && lhs.input == rhs.input && lhs.side == rhs.side
            && lhs.points.map(\.value) == rhs.points.map(\.value) && lhs.points.map(\.checkIn) == rhs.points.map(\.checkIn)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(assessment)
        hasher.combine(input)
        hasher.combine(side)
    }

    /// The series of `measurements` (as the store gives them, sorted), one per input and side.
    public static func series(_ measurements: [Measurement]) -> [TrendSeries] {
        var result: [TrendSeries] = []
        for value in measurements {
            if let last = result.last, last.assessment == value.assessment, last.input == value.input, last.side == value.side {
                result[result.count - 1].points.append((value.checkIn, value.generatedAt, value.value))
            } else {
                result.append(TrendSeries(
                    assessment: value.assessment, input: value.input, side: value.side, unit: value.unit, mdc: value.mdc,
                    points: [(value.checkIn, value.generatedAt, value.value)]))
            }
        }
        return result
    }
}

/// A check-in with a referral, for the trend views: a trend of numbers must not hide that a
/// later check-in sent the person to a doctor (and withheld its results).
public struct TrendReferral: Sendable {
    /// The check-in's id.
    public var checkIn: Int64
    /// When its report was made.
    public var generatedAt: String
    /// Its report, which has the referral.
    public var report: Report

    /// The check-ins of `checkIns` (oldest first) whose reports have a referral.
    public static func of(_ checkIns: [CheckIn]) -> [TrendReferral] {
        checkIns.filter { $0.report.referral != nil }.map { TrendReferral(checkIn: $0.id, generatedAt: $0.generatedAt, report: $0.report) }
    }
}

/// The trend views: text with sparklines for a terminal, JSON for apps.
public enum TrendView {
    /// `▁▃▅█`: each value's height between the series' lowest and highest.
    public static func sparkline(_ values: [Double]) -> String {
        let bars = Array("▁▂▃▄▅▆▇█")
        guard let low = values.min(), let high = values.max() else { return "" }
        return String(values.map { value in
            high == low ? bars[3] : bars[Int(((value - low) / (high - low) * Double(bars.count - 1)).rounded())]
        })
    }

    /// One block per series: a sparkline, first → latest, and whether the change is real;
    /// first the referral of the latest check-in, when it has one, and which earlier ones had.
    public static func text(person: String, _ series: [TrendSeries], referrals: [TrendReferral] = [], latest: Int64? = nil) -> String {
        var lines = ["Trend for \(person)"]
        if let last = referrals.last, last.checkIn == latest, let box = TextExport().referral(of: last.report) {
            lines += ["", "The latest check-in (#\(last.checkIn), \(last.generatedAt.prefix(10))) has a referral:"]
            lines += box.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        }
        let earlier = referrals.filter { $0.checkIn != latest }
        if !earlier.isEmpty {
            let list = earlier.map { "#\($0.checkIn) \($0.generatedAt.prefix(10)) (\($0.report.referral?.urgency.rawValue ?? ""))" }.joined(separator: ", ")
            // Only an emergency withholds the other results; a soon or same-day referral does not.
            let withheld = earlier.contains { $0.report.referral?.urgency == .emergency }
                ? " Their values are not in the trend where the referral withheld them (an emergency does);" : ""
            lines += [""] + TextWrap.indented("Earlier check-ins with a referral: \(list).\(withheld) `backcheck history show ID` shows each.", width: 80, first: "")
        }
        if lines.count > 1 { lines.append("") }
        for item in series {
            let unit = Wording.unitSuffix(item.unit)
            let name = "\(item.assessment).\(item.input)" + (item.side.map { " (\($0))" } ?? "")
            let values = item.points.map(\.value)
            let bars = shown(Array(sparkline(values))).map { $0 ?? "…" }
            var line = "  \(name): \(String(bars))  " + shown(values).map { $0.map(NumberText.format) ?? "…" }.joined(separator: " → ") + unit
            if item.points.count > 1 { line += " " + parenthetical(item.change, verdict: item.verdict ?? "", of: item, crossed: true) }
            let step = latestStep(item).map { "    " + $0 }
            // Within 80 columns, as every terminal view: a long name or many check-ins wrap.
            var dates = "    " + shown(item.points).map { $0.map { "\($0.generatedAt.prefix(10)) #\($0.checkIn)" } ?? "…" }.joined(separator: ", ")
            if item.points.count > pointsShown {
                dates += " (\(item.points.count) check-ins: the first and the latest \(pointsShown - 1) are shown; --format json lists them all)"
            }
            lines += TextWrap.columns(line) <= 80 ? [line] : TextWrap.indented(String(line.dropFirst(2)), width: 80, first: "  ", rest: "      ")
            if let step {
                lines += TextWrap.columns(step) <= 80 ? [step] : TextWrap.indented(String(step.dropFirst(4)), width: 80, first: "    ", rest: "      ")
            }
            lines += TextWrap.columns(dates) <= 80 ? [dates] : TextWrap.indented(String(dates.dropFirst(4)), width: 80, first: "    ")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// How many of a series' points the text shows: with years of check-ins a trend must
    /// still fit a screen (a review found 30 check-ins filling one with dates).
    static let pointsShown = 11

    /// `items` as the text shows them: all of up to ``pointsShown``, else the first, a gap
    /// (`nil`) and the latest ``pointsShown`` − 1.
    static func shown<Item>(_ items: [Item]) -> [Item?] {
        guard items.count > pointsShown, let first = items.first else { return items }
        return [first, nil] + items.suffix(pointsShown - 1)
    }

    /// `latest step: 100 → 65 s (-35, …: a real change for the worse)` when the latest
    /// check-in changed the value in a way the course first to latest does not say (a recent
    /// worsening inside an improvement, or beyond error inside a course within it); `nil` otherwise.
    static func latestStep(_ item: TrendSeries) -> String? {
        guard item.points.count > 2, let change = item.latestChange, let verdict = item.latestVerdict, verdict != item.verdict,
              ["improved", "worse", "changed"].contains(verdict)
        else { return nil }
        let values = item.points.suffix(2).map { NumberText.format($0.value) }.joined(separator: " → ")
        return "latest step: \(values)\(Wording.unitSuffix(item.unit)) " + parenthetical(change, verdict: verdict, of: item)
    }

    /// `(+15, more than the test's measurement error of 10 s: a real improvement)`: a change,
    /// and whether it is beyond measurement error (spec 3.1: a change as large as the MDC is
    /// not within it) or, with no error known, its direction and that it may be noise, unless
    /// `crossed` (the whole course, whose ``TrendSeries/enteredFlagged`` is known) says it
    /// crossed into or out of the values that raise a finding.
    static func parenthetical(_ change: Double, verdict: String, of item: TrendSeries, crossed: Bool = false) -> String {
        let sign = change > 0 ? "+" : ""
        let opening = "(\(sign)\(NumberText.format(change))"
        guard let mdc = item.mdc else {
            let direction = verdict == "improved" || verdict == "worse" ? "\(verdict); " : ""
            // A crossing into the values that raise a finding is not noise; a crossing out of
            // them keeps the caveat, as an improvement is not claimed on noise (as compare says).
            let crossing = crossed ? item.enteredFlagged : nil
            let meaning = switch (verdict, crossing) {
            case ("unchanged", _): ")"
            case (_, true?): ", \(direction)now among the values that raise a finding)"
            case (_, false?): ", \(direction)now clear of the values that raise a finding, though no measurement error is known for it, so a small change may be noise)"
            case (_, nil): ", \(direction)no measurement error is known for it, so a small change may be noise)"
            }
            return opening + meaning
        }
        let size = abs(Rounding.twoDecimals(change))
        guard size >= mdc else { return opening + ", within \(Wording.measurementError(mdc, unit: item.unit)))" }
        let reach = size == mdc ? "as large as" : "more than"
        let meaning = switch verdict {
        case "improved": "a real improvement"
        case "worse": "a real change for the worse"
        default: "a real change"
        }
        return opening + ", \(reach) \(Wording.measurementError(mdc, unit: item.unit)): \(meaning))"
    }

    /// `{"schema": "backcheck.trend/1", "person": ..., "referrals": [...], "series": [...]}`;
    /// `referrals` lists the check-ins whose reports had one (oldest first).
    public static func json(person: String, _ series: [TrendSeries], referrals: [TrendReferral] = []) -> String {
        // Numbers as the report writes them, to 2 decimals (a change of 10.4 - 8.5 is 1.9, not
        // 1.9000000000000004).
        func number(_ value: Double) -> JSONValue { ReportJSON.number(Rounding.twoDecimals(value)) }
        let items: [JSONValue] = series.map { item in
            var members: [(key: String, value: JSONValue)] = [
                ("assessment", .string(item.assessment)), ("input", .string(item.input)),
                ("side", item.side.map(JSONValue.string) ?? .null), ("unit", item.unit.map(JSONValue.string) ?? .null),
                ("mdc", item.mdc.map(number) ?? .null),
                ("points", .array(item.points.map { point in
                    .object([("check_in", .integer(Int(point.checkIn))), ("generated_at", .string(point.generatedAt)), ("value", number(point.value))])
                })),
                ("change", number(item.change)),
            ]
            members.append(("beyond_mdc", item.beyondMDC.map(JSONValue.bool) ?? .null))
            members.append(("lower_is_better", item.lowerIsBetter.map(JSONValue.bool) ?? .null))
            members.append(("verdict", item.verdict.map(JSONValue.string) ?? .null))
            members.append(("latest_change", item.latestChange.map(number) ?? .null))
            members.append(("latest_verdict", item.latestVerdict.map(JSONValue.string) ?? .null))
            members.append(("entered_flagged", item.enteredFlagged.map(JSONValue.bool) ?? .null))
            return .object(members)
        }
        let referred: [JSONValue] = referrals.map { item in
            .object([
                ("check_in", .integer(Int(item.checkIn))), ("generated_at", .string(item.generatedAt)),
                ("urgency", .string(item.report.referral?.urgency.rawValue ?? "")),
            ])
        }
        return JSONValue.object([
            ("schema", .string("backcheck.trend/1")), ("person", .string(person)), ("referrals", .array(referred)), ("series", .array(items)),
        ])
            .serialized(pretty: true) + "\n"
    }
}
