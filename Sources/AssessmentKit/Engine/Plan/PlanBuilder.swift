import BackCheckExpressions
import BackCheckPluginAPI

/// One assessment's result with what the plan needs beyond it.
struct ScoredAssessment {
    var result: AssessmentResult
    var profile: Profile
    var asymmetric: Set<FindingKey>
}

/// Builds the plan (spec 7): the exercises the raised findings ask for, each once, ranked by
/// tier, then priority, then id, and capped.
struct PlanBuilder {
    let catalogue: Catalogue
    let maxExercises: Int

    private struct Draft {
        var exercise: Exercise
        var tier: Tier
        var reasons: [PlanReason]
        var sides: Set<Side>
        var priority: Double { reasons.reduce(0) { $0 + $1.contribution } }
    }

    func plan(_ scored: [ScoredAssessment], referral: Referral?) -> (items: [PlanItem], notes: [String]) {
        if let urgency = referral?.urgency, let note = ReferralBuilder.planNote(urgency) { return ([], [note]) }
        var notes: [String] = []
        var drafts: [String: Draft] = [:]
        for assessment in scored {
            let result = assessment.result
            let bindings = Self.bindings(result, profile: assessment.profile)
            let weight = result.assessment.evidence.level.weight
            for raised in result.findings {
                guard let finding = result.assessment.finding(raised.id) else { continue }
                let asymmetric = assessment.asymmetric.contains(FindingKey(id: raised.id, side: raised.side))
                let severity = Rounding.twoDecimals(raised.severity)
                let reason = PlanReason(
                    assessment: result.assessment.id, finding: finding.id, title: finding.title, side: raised.side,
                    severity: severity, weight: weight, asymmetry: asymmetric,
                    contribution: Rounding.twoDecimals(raised.severity * weight * (asymmetric ? Asymmetry.factor : 1)))
                for recommendation in finding.recommend {
                    guard applies(recommendation, bindings: bindings, side: raised.side, finding: finding.id, notes: &notes),
                          let exercise = catalogue.exercise(recommendation.exercise) else { continue }
                    var draft = drafts[exercise.id] ?? Draft(exercise: exercise, tier: finding.tier, reasons: [], sides: [])
                    draft.tier = min(draft.tier, finding.tier)
                    if !draft.reasons.contains(where: { $0.assessment == reason.assessment && $0.finding == reason.finding && $0.side == reason.side }) {
                        draft.reasons.append(reason)
                    }
                    if let side = raised.side { draft.sides.insert(side) }
                    drafts[exercise.id] = draft
                }
            }
        }
        var ordered = drafts.values.sorted { a, b in
            if a.tier != b.tier { return a.tier < b.tier }
            let (pa, pb) = (Rounding.twoDecimals(a.priority), Rounding.twoDecimals(b.priority))
            return pa != pb ? pa > pb : a.exercise.id < b.exercise.id
        }
        if referral?.urgency == .soon {
            let loaded = ordered.filter(\.exercise.loaded)
            if !loaded.isEmpty {
                notes.append("Left out because of the referral (they load the back): \(loaded.map(\.exercise.name).joined(separator: ", ")).")
            }
            ordered.removeAll(where: \.exercise.loaded)
        }
        if ordered.count > maxExercises {
            let dropped = ordered[maxExercises...].map(\.exercise.name)
            notes.append("\(dropped.count) more exercise\(dropped.count == 1 ? "" : "s") left out to keep the plan to \(maxExercises): \(dropped.joined(separator: ", ")).")
            ordered = Array(ordered.prefix(maxExercises))
        }
        if ordered.isEmpty, notes.isEmpty { notes.append("No exercises: no finding asked for one.") }
        let items = ordered.enumerated().map { index, draft in
            PlanItem(
                rank: index + 1, exercise: Self.describe(draft.exercise), tier: draft.tier,
                priority: Rounding.twoDecimals(draft.priority), sides: draft.sides.sorted(), dosage: draft.exercise.dosage,
                because: draft.reasons)
        }
        return (items, notes)
    }

    /// Whether a recommendation's `when` holds for the finding's side (either side when the
    /// finding has none); a condition that cannot be evaluated is skipped with a note.
    private func applies(
        _ recommendation: Recommendation, bindings: Bindings, side: Side?, finding: String, notes: inout [String]
    ) -> Bool {
        guard let condition = recommendation.condition else { return true }
        let sides: [Side?] = side == nil && condition.isPerSide ? [.left, .right] : [side]
        var holds = false
        for side in sides {
            switch condition.evaluate(bindings, side: side) {
            case .value(.bool(true)): holds = true
            case .value: break
            case .notApplicable(let reason):
                let note = "'\(recommendation.exercise)' for '\(finding)' was not considered: '\(condition.source)' did not apply (\(reason))."
                if !notes.contains(note) { notes.append(note) }
            }
        }
        return holds
    }

    /// The names a recommendation's condition may use: inputs, derived values, `profile.*`.
    static func bindings(_ result: AssessmentResult, profile: Profile) -> Bindings {
        var bindings = Bindings(result.answers.values)
        for (name, binding) in profile.bindings { bindings[name] = binding }
        for (name, binding) in result.derived { bindings[name] = binding }
        return bindings
    }

    static func describe(_ exercise: Exercise) -> PlanExercise {
        PlanExercise(
            id: exercise.id, name: exercise.name, type: exercise.kind.rawValue, targets: exercise.targets,
            loaded: exercise.loaded, instructions: exercise.instructions, cues: exercise.cues, cautions: exercise.cautions)
    }
}
