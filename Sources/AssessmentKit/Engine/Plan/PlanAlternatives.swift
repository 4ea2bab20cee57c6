/// One exercise for each job. Technique work (`type: technique`) takes the place of the
/// person's own lift of its pattern in the program, so two of one pattern (goblet squats and
/// box squats) would put two in one lift's place, 60 squats a session; two stretches of the
/// same muscles (the half-kneeling and the Thomas-position hip flexor stretch) hold the same
/// tissue twice. Either takes a plan place another finding's exercise could have had. The
/// higher-ranked one stays and takes over the other's findings, so no finding loses its
/// exercise; the other is left out, and the plan notes name it as the alternative it is.
enum PlanAlternatives {
    /// An exercise left out for a planned one that does the same job.
    struct Alternative {
        var draft: PlanDraft
        /// The exercise that stays.
        var kept: Exercise
    }

    /// `ranked` (in plan order) with each exercise whose job a higher-ranked one already does
    /// folded into it; the rest re-ranked, as a fold may raise priorities.
    static func fold(_ ranked: [PlanDraft]) -> (kept: [PlanDraft], alternatives: [Alternative]) {
        var kept: [PlanDraft] = []
        var alternatives: [Alternative] = []
        for draft in ranked {
            guard let job = Job(draft.exercise), let index = kept.firstIndex(where: { Job($0.exercise) == job }) else {
                kept.append(draft)
                continue
            }
            kept[index].merge(draft)
            alternatives.append(Alternative(draft: draft, kept: kept[index].exercise))
        }
        return (kept.sorted(by: PlanDraft.ranksBefore), alternatives)
    }

    /// What an exercise is for, when two of it would be one too many.
    private enum Job: Equatable {
        /// Standing in for the lift of a pattern.
        case standIn(MovementPattern)
        /// Stretching these muscles.
        case stretch(Set<String>)

        init?(_ exercise: Exercise) {
            switch exercise.kind {
            case .technique where exercise.pattern != .none: self = .standIn(exercise.pattern)
            case .stretch where !exercise.targets.isEmpty: self = .stretch(Set(exercise.targets))
            default: return nil
            }
        }
    }

    /// The plan note on the alternatives left out, or `nil` when there are none. The library's
    /// `regression` and `progression` links say which of the two is easier.
    static func note(_ alternatives: [Alternative]) -> String? {
        guard !alternatives.isEmpty else { return nil }
        return alternatives.map { item -> String in
            let (left, kept) = (item.draft.exercise, item.kept)
            let job = switch Job(kept) {
            case .standIn(let pattern)?: "takes the place of your \(pattern.mainLift ?? "lift")"
            default: "stretches the same muscles"
            }
            let place = "\(left.name) is left out: \(kept.name) already \(job)"
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
