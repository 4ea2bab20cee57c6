/// One exercise for each job. Technique work (`type: technique`) takes the place of the
/// person's own lift of its pattern in the program, so two of one pattern (goblet and box
/// squats) would put two in one lift's place; two stretches of the same muscle (the
/// half-kneeling and the Thomas-position hip flexor stretch) hold it twice, where the
/// reference's dose is about 60 s per muscle (§9). Either takes a plan place another
/// finding's exercise could have had. The higher-ranked one stays, or on a tie the easier
/// (by the library's `regression` and `progression` links: the safe start); it takes over the
/// other's findings, so no finding loses its exercise, and the other is left out as an
/// alternative that the plan notes name.
///
/// Exercises that are only linked as levels (side plank and suitcase carry) are not folded:
/// a review found the harder one's findings landing on exercises that do not train them (a
/// side-bridge difference on the Pallof press, a one-sided difference on a two-legged bridge).
struct PlanAlternatives {
    /// An exercise left out for a planned one.
    struct Alternative {
        var draft: PlanDraft
        /// The exercise that stays.
        var kept: Exercise
    }

    /// Finds the library's exercises by id, to follow `regression` and `progression` links.
    let exercise: (String) -> Exercise?

    /// `ranked` (in plan order) with each exercise folded into a planned one of the same job;
    /// the rest re-ranked, as a fold may raise priorities.
    func fold(_ ranked: [PlanDraft]) -> (kept: [PlanDraft], alternatives: [Alternative]) {
        var kept: [PlanDraft] = []
        var alternatives: [Alternative] = []
        for draft in ranked {
            guard let job = Job(draft.exercise), let index = kept.firstIndex(where: { Job($0.exercise) == job }) else {
                kept.append(draft)
                continue
            }
            let tied = Rounding.twoDecimals(draft.priority) == Rounding.twoDecimals(kept[index].priority)
            if tied, isEasier(draft.exercise, than: kept[index].exercise) {
                var easier = draft
                easier.merge(kept[index])
                alternatives.append(Alternative(draft: kept[index], kept: easier.exercise))
                kept[index] = easier
            } else {
                kept[index].merge(draft)
                alternatives.append(Alternative(draft: draft, kept: kept[index].exercise))
            }
        }
        return (PlanDraft.ranked(kept), alternatives)
    }

    /// What an exercise is for, when two of it would be one too many.
    private enum Job: Equatable {
        /// Standing in for the lift of a pattern.
        case standIn(MovementPattern)
        /// Stretching this muscle first (the couch stretch lists the rectus femoris first, the
        /// half-kneeling stretch the iliopsoas: the reference gives one for each, §1).
        case stretch(String)

        init?(_ exercise: Exercise) {
            switch exercise.kind {
            case .technique where exercise.pattern != .none: self = .standIn(exercise.pattern)
            case .stretch: guard let muscle = exercise.targets.first else { return nil }; self = .stretch(muscle)
            default: return nil
            }
        }
    }

    /// Whether `exercise` is an easier version of `other`: `other` lies along its
    /// progressions, or it along `other`'s regressions (a few steps, so a loop ends).
    private func isEasier(_ exercise: Exercise, than other: Exercise) -> Bool {
        reaches(from: exercise, to: other.id, along: \.progression) || reaches(from: other, to: exercise.id, along: \.regression)
    }

    private func reaches(from start: Exercise, to id: String, along link: KeyPath<Exercise, String?>) -> Bool {
        var current = start
        for _ in 0..<4 {
            guard let next = current[keyPath: link] else { return false }
            if next == id { return true }
            guard let found = exercise(next) else { return false }
            current = found
        }
        return false
    }

    /// The plan note on the alternatives left out, or `nil` when there are none. With a back
    /// history, a harder loaded version waits for the clinician's clearance, as the plan's
    /// loaded work does (reference §15).
    func note(_ alternatives: [Alternative], backHistory: Bool) -> String? {
        guard !alternatives.isEmpty else { return nil }
        return alternatives.map { item -> String in
            let (left, kept) = (item.draft.exercise, item.kept)
            let advice = if isEasier(left, than: kept) {
                "switch to it if \(kept.name) is too hard"
            } else if isEasier(kept, than: left) {
                backHistory && left.isLoadedWork
                    ? "try it once \(kept.name) feels easy and the clinician who treated your back has cleared you"
                    : "try it once \(kept.name) feels easy"
            } else {
                "use it instead if you prefer"
            }
            let job = switch Job(kept) {
            case .standIn(let pattern)?: "takes the place of your \(pattern.mainLift ?? "lift")"
            default: "stretches the same muscle"
            }
            return "\(left.name) is left out: \(kept.name) already \(job); \(advice)."
        }.joined(separator: " ")
    }
}
