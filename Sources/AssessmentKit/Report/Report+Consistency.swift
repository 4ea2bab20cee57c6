import BackCheckPluginAPI
import BackCheckYAML

extension Report {
    /// Problems where a saved report disagrees with itself the way only an edit makes it:
    /// no referral beside a finding that refers, a referral with no such finding, or a screen
    /// called complete that is not in the report or raised a referral. Such a report would
    /// lay out loaded work (a program, a calendar) that its own findings rule out, so it is
    /// refused rather than trusted; `referralMark` and `screeningMark` are where to point.
    static func inconsistencies(
        referral: Referral?, screening: Screening?, assessments: [AssessmentReport], referralMark: SourceMark?, screeningMark: SourceMark?
    ) -> [Diagnostic] {
        let redo = "the report was changed after it was made; make it again from the answers (`backcheck run --answers FILE`) instead of editing it"
        var problems: [Diagnostic] = []
        let referring = assessments.flatMap { assessment in
            assessment.findings.filter { $0.tier == .refer }.map { "'\($0.id)' of \(assessment.id)" }
        }
        if referral == nil, let first = referring.first {
            problems.append(.error("'referral' is null, but the finding \(first) refers the person on: \(redo)", at: referralMark))
        } else if referral != nil, referring.isEmpty {
            problems.append(.error("'referral' is set, but no finding in the report refers the person on: \(redo)", at: referralMark))
        }
        guard let screening, screening.status == .complete || screening.status == .skipped else { return problems }
        let screens = assessments.filter { $0.evaluator == "red-flags" }
        if let positive = screens.first(where: { screen in screen.findings.contains { $0.tier == .refer } }) {
            problems.append(.error(
                "'screening' says \(screening.status.rawValue), but \(positive.id) raised a referral (it would be positive): \(redo)",
                at: screeningMark))
        } else if screening.status == .complete, screens.isEmpty {
            problems.append(.error("'screening' says complete, but the report holds no red-flag screen: \(redo)", at: screeningMark))
        }
        return problems
    }
}
