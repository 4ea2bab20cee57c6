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
        var painful: Set<MovementPattern> = []
        var nerveSides: Set<Side> = []
        for assessment in assessments {
            guard let definition = catalogue.assessment(assessment.id) else { continue }
            for finding in assessment.findings {
                guard let spec = definition.finding(finding.id) else { continue }
                if let pattern = spec.painfulPattern { painful.insert(pattern) }
                if spec.neuralTension {
                    if let side = finding.side { nerveSides.insert(side) } else { nerveSides.formUnion([.left, .right]) }
                }
            }
        }
        let screening = screening ?? Screening(status: .incomplete, unanswered: [])
        let gate = PlanGate(
            referral: referral?.urgency, screening: screening, painfulPatterns: painful,
            recentHistory: profile.backHistoryRecent == true, nerveSides: nerveSides)
        return ProgramBuilder(catalogue: catalogue, options: options, gate: gate).program(
            plan, profile: profile, generatedAt: generatedAt, retestWeeks: assessments.compactMap(\.retestWeeks).min(),
            clear: referral == nil && screening.clearsLoadedWork)
    }
}
