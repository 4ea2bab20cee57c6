import BackCheckYAML

/// The formats a report can be written in.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// Plain text for a terminal (80 columns).
    case text
    /// `backcheck.report/1` JSON.
    case json
    /// Markdown, for sharing.
    case markdown
    /// One self-contained HTML page with charts.
    case html
    /// An iCalendar file of the program's sessions (RFC 5545), for a phone's calendar.
    case ics

    /// `report` rendered in this format; `colour` and `width` (columns, 80 unless a narrower
    /// terminal shows it) only affect text; `explain` shows the severities, weights and
    /// priorities in text, Markdown and HTML (JSON always has them); `person`, the name the
    /// report is kept under when that is not its profile's, tells the calendar's events apart
    /// from another person's (see ``CalendarExport/init(startTime:person:)``).
    public func render(_ report: Report, colour: Bool = false, explain: Bool = false, width: Int = 80, person: String? = nil) -> String {
        switch self {
        case .text: TextExport(width: width, colour: colour, explain: explain).render(report)
        case .json: report.jsonText(pretty: true) + "\n"
        case .markdown: MarkdownExport(explain: explain).render(report)
        case .html: HTMLExport(explain: explain).render(report)
        case .ics: CalendarExport(person: person).render(report)
        }
    }
}
