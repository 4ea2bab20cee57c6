import AssessmentKit
import BackCheckPluginAPI

extension Output {
    /// Why `report` makes no calendar, or `nil` when it has a program to put in one. A
    /// referral or an unfinished screen must be read, not hidden behind an empty calendar.
    static func noCalendar(_ report: Report) -> String? {
        guard report.program == nil else { return nil }
        if let referral = report.referral {
            // The urgency goes in the message: a script that only wanted a calendar may be the
            // only thing that reads it, and "go now" must not hide behind "read the report".
            let kind = switch referral.urgency {
            case .emergency: "an EMERGENCY referral"
            case .sameDay: "a same-day referral"
            case .soon: "a referral"
            }
            return "no calendar: this report is \(kind) — \(referral.instruction); read it with --format text"
        }
        if let screening = report.screening, screening.status == .incomplete || screening.status == .positive {
            return "no calendar until the red-flag screen is answered; read the report with --format text"
        }
        if !report.plan.isEmpty {
            return "no calendar: this report was saved before reports carried a program; run the answers again to get one"
        }
        return "no calendar: the plan is empty, so there is nothing to schedule"
    }

}
