/// One stand-in per lift: technique work (`type: technique`) takes the place of the person's
/// own lift of its pattern in the program, so two technique exercises of one pattern (goblet
/// squats and box squats) would put two in one lift's place, 60 squats a session, and take a
/// place in the plan another finding's exercise could have had. The higher-ranked one stays
/// and takes over the other's findings, so no finding loses its exercise; the other is left
/// out, and the plan notes name it as the alternative it is.
enum LiftStandIns {
    /// A technique exercise left out for a planned one of the same pattern.
    struct Alternative {
        var draft: PlanDraft
        /// The exercise that stays.
        var kept: Exercise
    }

    /// `ranked` (in plan order) with each technique exercise whose pattern a higher-ranked one
    /// already stands in for folded into it; the rest re-ranked, as a fold may raise priorities.
    static func fold(_ ranked: [PlanDraft]) -> (kept: [PlanDraft], alternatives: [Alternative]) {
        var kept: [PlanDraft] = []
        var alternatives: [Alternative] = []
        for draft in ranked {
            guard let pattern = standsIn(draft.exercise),
                  let index = kept.firstIndex(where: { standsIn($0.exercise) == pattern })
            else {
                kept.append(draft)
                continue
            }
            kept[index].merge(draft)
            alternatives.append(Alternative(draft: draft, kept: kept[index].exercise))
        }
        return (kept.sorted(by: PlanDraft.ranksBefore), alternatives)
    }

    /// The lift pattern `exercise` stands in for, or `nil` when it is not technique work of one.
    private static func standsIn(_ exercise: Exercise) -> MovementPattern? {
        exercise.kind == .technique && exercise.pattern != .none ? exercise.pattern : nil
    }

    /// The plan note on the alternatives left out, or `nil` when there are none. The library's
    /// `regression` and `progression` links say which of the two is easier.
    static func note(_ alternatives: [Alternative]) -> String? {
        guard !alternatives.isEmpty else { return nil }
        return alternatives.map { item -> String in
            let (left, kept) = (item.draft.exercise, item.kept)
            let place = "\(left.name) is left out: \(kept.name) already takes the place of your \(kept.pattern.mainLift ?? "lift")"
            if kept.regression == left.id || left.progression == kept.id {
                return "\(place); switch to it if \(kept.name) is too hard or hurts."
            }
            if kept.progression == left.id || left.regression == kept.id {
                return "\(place); move on to it once \(kept.name) is easy."
            }
            return "\(place); use it instead if you prefer."
        }.joined(separator: " ")
    }
}
