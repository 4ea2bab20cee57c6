import BackCheckPluginAPI
import BackCheckYAML

extension Report {
    /// Where a saved report's parts are, for pointing at the one that disagrees.
    struct Marks {
        var referral: SourceMark?
        var screening: SourceMark?
        var reassurance: SourceMark?
    }

    /// Problems where a saved report disagrees with itself the way only an edit makes it: the
    /// referral against the findings that refer (its presence, its reasons, its urgency), a
    /// referring test's status, the screen's status against the screen, and a reassurance
    /// beside a referral or an unfinished screen. Such a report would tell a person less than
    /// its own findings do (a soon box over an emergency's advice, a calendar of loaded work),
    /// so it is refused rather than trusted.
    static func inconsistencies(
        referral: Referral?, screening: Screening?, reassurance: String?, assessments: [AssessmentReport], marks: Marks
    ) -> [Diagnostic] {
        let redo = "the report was changed after it was made; make it again from the answers (`backcheck run --answers FILE`) instead of editing it"
        var problems: [Diagnostic] = []
        func refuse(_ what: String, at mark: SourceMark?) { problems.append(.error("\(what): \(redo)", at: mark)) }
        let referring = assessments.flatMap { assessment in
            assessment.findings.filter { $0.tier == .refer }.map { (assessment: assessment.id, finding: $0.id) }
        }
        if let referral {
            let reasons = referral.reasons.map { (assessment: $0.assessment, finding: $0.finding) }
            if reasons.isEmpty {
                refuse("'referral' gives no reasons", at: marks.referral)
            } else if referral.standing == nil, let most = referral.reasons.map(\.urgency).min(), referral.urgency != most {
                // (Not of a standing referral: an emergency stands as a same-day one.)
                refuse("'referral' says \(referral.urgency.rawValue), but one of its reasons is \(most.rawValue)", at: marks.referral)
            }
            if referral.standing != nil {
                // Its reasons are an earlier check-in's and this one's own, whichever lead (see
                // `ReferralBuilder.referral(from:standing:)`); none of its own may outrank it.
                if let missing = referring.first(where: { finding in !reasons.contains { $0 == finding } }) {
                    refuse("the finding '\(missing.finding)' of \(missing.assessment) refers the person on, but 'referral' does not give it", at: marks.referral)
                } else if reasons.allSatisfy({ reason in referring.contains { $0 == reason } }) {
                    refuse("'referral' stands from an earlier check-in, but gives none of that check-in's reasons", at: marks.referral)
                } else if let own = referral.reasons.first(where: { reason in
                    referral.urgency > reason.urgency && referring.contains { $0 == (reason.assessment, reason.finding) }
                }) {
                    refuse("'referral' stands from an earlier check-in as \(referral.urgency.rawValue), but the finding '\(own.finding)' of \(own.assessment) is \(own.urgency.rawValue) (its own referral would be given)", at: marks.referral)
                }
            } else if let missing = referring.first(where: { finding in !reasons.contains { $0 == finding } }) {
                refuse("the finding '\(missing.finding)' of \(missing.assessment) refers the person on, but 'referral' does not give it", at: marks.referral)
            } else if let stray = reasons.first(where: { reason in !referring.contains { $0 == reason } }) {
                refuse("'referral' gives '\(stray.finding)' of \(stray.assessment), which is not a referring finding in the report", at: marks.referral)
            }
        } else if let first = referring.first {
            refuse("'referral' is null, but the finding '\(first.finding)' of \(first.assessment) refers the person on", at: marks.referral)
        }
        if let wrong = assessments.first(where: { $0.status != .refer && $0.findings.contains { $0.tier == .refer } }) {
            refuse("\(wrong.id) has a finding that refers the person on, but its status is '\(wrong.status.rawValue)'", at: marks.referral)
        }
        if let screening { problems += screeningProblems(screening, assessments: assessments, at: marks.screening, redo: redo) }
        if reassurance != nil, referral != nil || (screening.map { $0.status != .complete && $0.status != .skipped } ?? false) {
            refuse("'reassurance' is given beside a referral or an unfinished screen, where a report never gives one", at: marks.reassurance)
        }
        return problems
    }

    /// The screen's status against the screen in the report.
    private static func screeningProblems(_ screening: Screening, assessments: [AssessmentReport], at mark: SourceMark?, redo: String) -> [Diagnostic] {
        let screens = assessments.filter(\.isRedFlagScreen)
        let unanswered = Set(screens.flatMap { screen in screen.answers.filter { $0.value == .single(nil) }.map(\.name) })
        let listed = Set(screening.unanswered.map(\.id))
        let problem: String? = switch screening.status {
        case .complete, .skipped:
            if let positive = screens.first(where: { screen in screen.findings.contains { $0.tier == .refer } }) {
                "'screening' says \(screening.status.rawValue), but \(positive.id) raised a referral (it would be positive)"
            } else if screening.status == .complete, screens.isEmpty {
                "'screening' says complete, but the report holds no red-flag screen"
            } else if screening.status == .complete, !unanswered.isEmpty || screens.contains(where: { $0.status == .unscored }) {
                "'screening' says complete, but the screen has unanswered questions (\(unanswered.sorted().prefix(3).joined(separator: ", ")))"
            } else {
                nil
            }
        case .incomplete, .positive:
            unanswered.isSubset(of: listed) ? nil
                : "'screening' leaves out unanswered questions of the screen (\(unanswered.subtracting(listed).sorted().prefix(3).joined(separator: ", ")))"
        }
        return problem.map { [.error("\($0): \(redo)", at: mark)] } ?? []
    }
}
