import BackCheckPluginAPI

extension Report {
    /// The program laid out again from this report's plan with other `options` (a new start,
    /// more weeks, other training days), as `backcheck report --start` does for a saved report.
    ///
    /// The exercises' doses, progressions and poses come from `catalogue`, and so do the lift
    /// patterns and nerve signs of the findings recorded, which decide (as they did for the plan)
    /// which harder exercises may be offered. `nil` when the report has a referral, a screen that
    /// is not complete or skipped, or an empty plan, exactly as at `run`.
    public func program(_ options: ProgramOptions, catalogue: Catalogue) -> Program? {
        let raised = assessments.flatMap { assessment in
            assessment.findings.compactMap { finding in
                catalogue.assessment(assessment.id)?.finding(finding.id)
            }
        }
        let screening = screening ?? Screening(status: .incomplete, unanswered: [])
        var gate = PlanGate(
            referral: referral, screening: screening, recentHistory: profile.historyCountsAsRecent, raised: raised)
        gate.barbellNeedsClearance = profile.barbellNeedsClearance
        return ProgramBuilder(catalogue: catalogue, options: options, gate: gate).program(
            plan, profile: profile, generatedAt: generatedAt, retestWeeks: assessments.compactMap(\.retestWeeks).min(),
            clear: referral == nil && screening.clearsLoadedWork)
    }
}
