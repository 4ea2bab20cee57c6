import BackCheckExpressions
import BackCheckPluginAPI

/// One assessment's result with what the plan needs beyond it.
struct ScoredAssessment {
    var result: AssessmentResult
    var profile: Profile
    var asymmetric: Set<FindingKey>
}

/// What the plan is built from beyond the findings: the referral, the screen and the person.
struct PlanCircumstances {
    var referral: Referral?
    var screening: Screening
    var profile: Profile
}

/// The plan with why it is what it is.
struct BuiltPlan {
    var items: [PlanItem]
    var notes: [String]
    var leftOut: [PlanLeftOut]
    /// The exercises left out because a planned one does the same job.
    var alternatives: [PlanAlternative]
    /// The gate that kept exercises out, for the program's warm-up and next steps.
    var gate: PlanGate
}

/// Builds the plan (spec 7, second edition): the exercises the raised findings ask for, each
/// once; those the gate keeps out replaced by their easier version where one is allowed; one
/// exercise for each job (see ``PlanAlternatives``); ranked by priority, then tier, then id; and
/// capped without leaving a major finding uncovered.
struct PlanBuilder {
    let catalogue: Catalogue
    let maxExercises: Int

    func plan(_ scored: [ScoredAssessment], circumstances: PlanCircumstances) -> BuiltPlan {
        var notes: [String] = []
        let (drafts, majors) = collect(scored, notes: &notes)
        let gate = Self.gate(scored, circumstances)
        var allowed: [String: PlanDraft] = [:]
        var leftOut: [String: PlanLeftOut.Reason] = [:]
        var offered: [(left: String, instead: String)] = []

        /// Admits `draft`, or the first easier version the gate allows; answers the name of
        /// what went in, so "offered instead" never names an exercise that was itself left out.
        @discardableResult
        func admit(_ draft: PlanDraft, depth: Int) -> String? {
            switch gate.verdict(draft) {
            case .keep(let kept):
                if allowed[kept.exercise.id] == nil { allowed[kept.exercise.id] = kept } else { allowed[kept.exercise.id]!.merge(kept) }
                return kept.exercise.name
            case .leaveOut(let reason):
                leftOut[draft.exercise.id] = min(leftOut[draft.exercise.id] ?? reason, reason)
                guard depth < 3, draft.exercise.isLoadedWork, gate.offersRegression(after: reason),
                      let id = draft.exercise.regression, let easier = catalogue.exercise(id) else { return nil }
                var replacement = PlanDraft(exercise: easier)
                replacement.merge(draft)
                guard let placed = admit(replacement, depth: depth + 1) else { return nil }
                if depth == 0 { offered.append((draft.exercise.name, placed)) }
                return placed
            }
        }
        for draft in drafts { admit(draft, depth: 0) }
        for id in allowed.keys { leftOut[id] = nil }

        let alternativeRule = PlanAlternatives(exercise: catalogue.exercise)
        let folded = alternativeRule.fold(PlanDraft.ranked(allowed.values))
        let capped = PlanCap.apply(folded.kept, majors: majors, limit: maxExercises)
        for draft in capped.cut { leftOut[draft.exercise.id] = .cap }
        // The alternative to an exercise the cap then left out was left out for room.
        var alternatives: [PlanAlternatives.Alternative] = []
        for item in folded.alternatives {
            if capped.chosen.contains(where: { $0.exercise.id == item.kept.id }) {
                alternatives.append(item)
            } else {
                leftOut[item.draft.exercise.id] = .cap
            }
        }
        let loadAdvice = capped.chosen.filter { $0.exercise.kind == .load && $0.exercise.id != ProgramBuilder.warmUpID }
            .map { $0.exercise.name.prefix(1).lowercased() + $0.exercise.name.dropFirst() }

        let leftOutEntries = (drafts + capped.cut + folded.alternatives.map(\.draft)).reduce(into: [PlanLeftOut]()) { entries, draft in
            guard let reason = leftOut[draft.exercise.id], !entries.contains(where: { $0.exercise == draft.exercise.id })
            else { return }
            entries.append(PlanLeftOut(exercise: draft.exercise.id, name: draft.exercise.name, reason: reason))
        }.sorted { $0.reason != $1.reason ? $0.reason < $1.reason : $0.exercise < $1.exercise }

        let wording = PlanNotes(circumstances: circumstances, maxExercises: maxExercises, noExercise: gate.noExercise)
        notes = wording.notes(
            // An easier version the cap then left out was not offered after all.
            leftOut: leftOutEntries, offered: offered.filter { pair in capped.chosen.contains { $0.exercise.name == pair.instead } },
            uncovered: capped.uncovered,
            hasFindings: !drafts.isEmpty || scored.contains { !$0.result.findings.isEmpty },
            unscored: scored.filter { $0.result.status == .unscored && !$0.result.assessment.isRedFlagScreen }.map(\.result.assessment.title),
            planned: !capped.chosen.isEmpty, painful: gate.painfulPatterns,
            unloaded: Set((drafts + capped.cut).filter { !$0.exercise.isLoadedWork }.map(\.exercise.id)),
            alternatives: alternativeRule.note(alternatives, backHistory: !circumstances.profile.backHistory.isEmpty),
            loadAdvice: loadAdvice) + notes
        if let assumed = circumstances.profile.recencyAssumedNote { notes.insert(assumed, at: 0) }
        let items = capped.chosen.enumerated().map { index, draft in
            var dosage = gate.liftingStops ? draft.exercise.dosage.whileNotLifting : draft.exercise.dosage
            // With lifting stopped there is no program to give the days: every dose then says how
            // often, as the program would schedule it (a review found bird dogs with no days).
            if gate.liftingStops, let usual = ProgramSchedule.usualFrequencyText(of: draft.exercise) { dosage.frequency = usual }
            return PlanItem(
                rank: index + 1,
                exercise: Self.describe(
                    draft.exercise, history: circumstances.profile.backHistory, recent: gate.recentHistory,
                    recencyAssumed: circumstances.profile.backHistoryRecent == nil),
                tier: draft.tier, priority: Rounding.twoDecimals(draft.priority),
                sides: Self.sides(of: draft),
                dosage: dosage, because: draft.reasons.map(\.reason).sorted(by: PlanReason.listsBefore))
        }
        let alternativeEntries = alternatives.map {
            PlanAlternative(exercise: $0.draft.exercise.id, name: $0.draft.exercise.name, alternativeTo: $0.kept.id)
        }.sorted { $0.exercise < $1.exercise }
        return BuiltPlan(items: items, notes: notes, leftOut: leftOutEntries, alternatives: alternativeEntries, gate: gate)
    }

    /// The sides a per-side exercise is for (spec 7.1): those its findings flagged (the one to
    /// focus on, when only one was), or both when no finding had a side (a weak core); none
    /// for two-legged work.
    private static func sides(of draft: PlanDraft) -> [Side] {
        guard draft.exercise.dosage.perSide == true else { return [] }
        let flagged = Set(draft.reasons.compactMap(\.reason.side)).sorted()
        return flagged.isEmpty ? [.left, .right] : flagged
    }

    /// Every exercise the raised findings ask for (in a fixed order), and the major findings,
    /// most important first.
    private func collect(_ scored: [ScoredAssessment], notes: inout [String]) -> ([PlanDraft], [MajorFinding]) {
        var drafts: [String: PlanDraft] = [:]
        var majors: [MajorFinding] = []
        for assessment in scored {
            let result = assessment.result
            // Built for the first recommendation with a `when`: most have none.
            var bindings: Bindings?
            let weight = result.assessment.evidence.level.weight
            for raised in result.findings {
                guard let finding = result.assessment.finding(raised.id) else { continue }
                let asymmetric = assessment.asymmetric.contains(FindingKey(id: raised.id, side: raised.side))
                let reason = PlanReason(
                    assessment: result.assessment.id, finding: finding.id, title: finding.title, side: raised.side,
                    severity: Rounding.twoDecimals(raised.severity), weight: weight, asymmetry: asymmetric,
                    contribution: Rounding.twoDecimals(raised.severity * weight * (asymmetric ? Asymmetry.factor : 1)))
                var asked: [String] = []
                for recommendation in finding.recommend {
                    if recommendation.condition != nil {
                        let known = bindings ?? Self.bindings(result, profile: assessment.profile)
                        bindings = known
                        guard applies(recommendation, bindings: known, side: raised.side, finding: finding.id, notes: &notes) else { continue }
                    }
                    guard let exercise = catalogue.exercise(recommendation.exercise) else { continue }
                    // Changed in place: taking a draft out and putting it back copied it and its exercise.
                    drafts[exercise.id, default: PlanDraft(exercise: exercise)].add(reason, tier: finding.tier)
                    asked.append(exercise.id)
                }
                if finding.tier != .refer, reason.severity >= MajorFinding.severity, !asked.isEmpty {
                    majors.append(MajorFinding(
                        assessment: reason.assessment, finding: reason.finding, title: reason.title, side: reason.side,
                        contribution: reason.contribution, exercises: asked))
                }
            }
        }
        let ordered = PlanDraft.ranked(drafts.values)
        return (ordered, majors.enumerated().sorted { a, b in
            a.element.contribution != b.element.contribution ? a.element.contribution > b.element.contribution : a.offset < b.offset
        }.map(\.element))
    }

    private static func gate(_ scored: [ScoredAssessment], _ circumstances: PlanCircumstances) -> PlanGate {
        let raised = scored.flatMap { assessment in
            assessment.result.findings.compactMap { assessment.result.assessment.finding($0.id) }
        }
        var gate = PlanGate(
            referral: circumstances.referral, screening: circumstances.screening,
            recentHistory: circumstances.profile.historyCountsAsRecent, raised: raised)
        gate.barbellNeedsClearance = circumstances.profile.barbellNeedsClearance
        return gate
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
        profile.bind(into: &bindings)
        for (name, binding) in result.derived { bindings[name] = binding }
        return bindings
    }

    /// The exercise as the report shows it; after a back injury or operation, loaded work
    /// carries a caution to be cleared first, and in the 3 months after one (`recent`) every
    /// exercise does: the reference asks for the treating clinician's clearance, and a stretch
    /// that bends or twists the low back is not known to be safe then either.
    /// `recencyAssumed` says the person did not say when, so "in the last 3 months" is this
    /// program's safe reading, not something they said.
    static func describe(
        _ exercise: Exercise, history: [Profile.BackHistory] = [], recent: Bool = false, recencyAssumed: Bool = false
    ) -> PlanExercise {
        var cautions = exercise.cautions
        let treated = history.count > 1 ? "treated them" : "treated it"
        if exercise.isLoadedWork, let past = PlanNotes.phrases(history) {
            cautions.append(
                "You have had \(past): start light, and make it harder only once the clinician who \(treated) has cleared you; stop if back or leg symptoms come back.")
        } else if recent, let past = PlanNotes.phrases(history) {
            let when = recencyAssumed ? ", perhaps recently (you did not say when)" : " in the last 3 months"
            cautions.append(
                "You have had \(past)\(when): ask the clinician who \(treated) before starting this, and stop if it brings on back or leg symptoms.")
        }
        return PlanExercise(
            id: exercise.id, name: exercise.name, type: exercise.kind.rawValue, targets: exercise.targets,
            loaded: exercise.isLoadedWork, instructions: exercise.instructions, cues: exercise.cues, cautions: cautions,
            poses: exercise.poses)
    }
}
