internal import AssessmentKit
internal import BackCheckPluginAPI

/// A person's trends as one self-contained HTML page: a small SVG chart per measured value
/// and side, the first value's measurement-error band shaded, so a change inside it reads as
/// noise at a glance. No scripts, no requests; readable on a phone and on paper.
public enum TrendPage {
    private static let width = 360.0
    private static let height = 120.0
    private static let left = 44.0
    private static let right = 12.0
    private static let top = 10.0
    private static let bottom = 28.0

    /// The page.
    public static func html(person: String, _ series: [TrendSeries], referrals: [TrendReferral] = [], latest: Int64? = nil) -> String {
        let e = HTMLText.escape
        var body = "<h1>Trend for \(e(person))</h1>"
        // The latest referral first, as a report leads with it; earlier ones named below it.
        if let last = referrals.last, last.checkIn == latest, let section = HTMLExport().referral(of: last.report) {
            body += "<p><strong>The latest check-in (#\(last.checkIn), \(e(String(last.generatedAt.prefix(10))))) has a referral:</strong></p>" + section
        }
        let earlier = referrals.filter { $0.checkIn != latest }
        if !earlier.isEmpty {
            let list = earlier.map { "#\($0.checkIn) \($0.generatedAt.prefix(10)) (\($0.report.referral?.urgency.rawValue ?? ""))" }.joined(separator: ", ")
            body += "<p class=\"earlier-referrals\"><strong>Earlier check-ins with a referral:</strong> \(e(list)).</p>"
        }
        body += "<p class=\"muted\">Each chart: the values over time; the shaded band is the first value ± the test's minimal detectable change, so a point inside it is within measurement error.</p>"
        for item in series {
            let name = "\(item.assessment).\(item.input)" + (item.side.map { " (\($0))" } ?? "")
            // The verdict in words, as the text view gives it: the chart alone says nothing to a
            // screen reader, nor the band to someone who cannot tell its shade (found by a review).
            let verdict = item.points.count > 1 ? " " + TrendView.parenthetical(item.change, verdict: item.verdict ?? "", of: item, crossed: true) : ""
            let values = item.points.map { NumberText.format($0.value) }.joined(separator: " → ") + (item.unit.map { " \($0)" } ?? "") + verdict
            // The band is around the first value: a recent worsening inside it is said in words.
            let step = TrendView.latestStep(item).map { "<p class=\"latest-step\">\(e($0.prefix(1).uppercased() + $0.dropFirst()))</p>" } ?? ""
            body += "<figure><figcaption>\(e(name))</figcaption>\(chart(item, named: name + ": " + values))<p class=\"muted\">\(e(values))</p>\(step)</figure>"
        }
        return HTMLText.document(title: "BackCheck trend: \(person)", css: css, body: body)
    }

    /// The chart of `item`, its accessible name `name` (the series, its side, values and verdict).
    static func chart(_ item: TrendSeries, named name: String) -> String {
        let values = item.points.map(\.value)
        let band = item.mdc.flatMap { mdc in values.first.map { ($0 - mdc)...($0 + mdc) } }
        var low = min(values.min() ?? 0, band?.lowerBound ?? .infinity)
        var high = max(values.max() ?? 1, band?.upperBound ?? -.infinity)
        if high - low < 1e-9 { low -= 1; high += 1 }
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ index: Int) -> Double {
            values.count < 2 ? left + plotWidth / 2 : left + Double(index) / Double(values.count - 1) * plotWidth
        }
        func y(_ value: Double) -> Double { top + (high - value) / (high - low) * plotHeight }
        let c = HTMLText.coordinate
        var svg = "<svg class=\"trend\" role=\"img\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\">"
        svg += "<title>\(HTMLText.escape(name))</title>"
        if let band {
            svg += "<rect class=\"band\" x=\"\(c(left))\" y=\"\(c(y(band.upperBound)))\" width=\"\(c(plotWidth))\" height=\"\(c(y(band.lowerBound) - y(band.upperBound)))\"/>"
        }
        svg += "<line class=\"axis\" x1=\"\(c(left))\" y1=\"\(c(top + plotHeight))\" x2=\"\(c(left + plotWidth))\" y2=\"\(c(top + plotHeight))\"/>"
        let path = values.enumerated().map { "\(c(x($0.offset))),\(c(y($0.element)))" }.joined(separator: " ")
        svg += "<polyline class=\"line\" points=\"\(path)\"/>"
        for (index, value) in values.enumerated() {
            svg += "<circle class=\"point\" cx=\"\(c(x(index)))\" cy=\"\(c(y(value)))\" r=\"4\"/>"
        }
        svg += "<text x=\"\(c(left - 6))\" y=\"\(c(y(high) + 5))\" text-anchor=\"end\">\(NumberText.format(high))</text>"
        svg += "<text x=\"\(c(left - 6))\" y=\"\(c(y(low)))\" text-anchor=\"end\">\(NumberText.format(low))</text>"
        if let first = item.points.first, let last = item.points.last {
            svg += "<text x=\"\(c(left))\" y=\"\(c(height - 8))\" text-anchor=\"start\">\(first.generatedAt.prefix(10))</text>"
            if item.points.count > 1 {
                svg += "<text x=\"\(c(left + plotWidth))\" y=\"\(c(height - 8))\" text-anchor=\"end\">\(last.generatedAt.prefix(10))</text>"
            }
        }
        return svg + "</svg>"
    }

    static let css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:860px;margin:2em auto;padding:0 1em;color:#1d2330;line-height:1.45}\
        .muted{color:#5b6475;font-size:.92em}figure{margin:1em 0;break-inside:avoid}figcaption{font-weight:600}\
        svg.trend{max-width:100%;height:auto;font-size:13px;fill:#1d2330}svg .band{fill:#e8f3ec}\
        svg .axis{stroke:#9aa3b2}svg .line{fill:none;stroke:#2a5db0;stroke-width:2}svg .point{fill:#2a5db0}\
        .referral{border:2px solid #b3261e;border-radius:6px;padding:.5em 1em;margin:1em 0;background:#fdf1f0}\
        .referral h2{margin:.2em 0;font-size:1.1em;color:#8c1d18}\
        @media print{body{margin:0;max-width:none;font-size:11pt}}
        """
}
