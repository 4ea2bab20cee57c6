/// One exercise for each job, at one level. Technique work (`type: technique`) takes the place
/// of the person's own lift of its pattern in the program, so two of one pattern (goblet and
/// box squats) put two in one lift's place; two stretches of the same muscles hold the same
/// tissue twice (the reference's dose is about 60 s per muscle, §9); and an exercise planned
/// with its own easier or harder version (the library's `regression` and `progression`
/// links: side plank and suitcase carry, bird dog and back extension hold) asks for two
/// levels of one movement at once. Each takes a plan place another finding's exercise could
/// have had. Of such a pair the easier one stays (the safe start; the notes say when to move
/// on), or, when neither is the easier, the higher-ranked; it takes over the other's
/// findings, so no finding loses its exercise, and the other is left out as an alternative.
struct PlanAlternatives {
    /// An exercise left out for a planned one.
    struct Alternative {
        var draft: PlanDraft
        /// The exercise that stays.
        var kept: Exercise
    }

    /// Finds the library's exercises by id, to follow `regression` and `progression` links.
    let exercise: (String) -> Exercise?

    /// `ranked` (in plan order) with each exercise folded into a planned one of the same job
    /// or level; the rest re-ranked, as a fold may raise priorities.
    func fold(_ ranked: [PlanDraft]) -> (kept: [PlanDraft], alternatives: [Alternative]) {
        var kept: [PlanDraft] = []
        var alternatives: [Alternative] = []
        var pending = ranked[...]
        while let draft = pending.popFirst() {
            guard let index = kept.firstIndex(where: { Self.sameJob($0.exercise, draft.exercise) || Self.levels($0.exercise, draft.exercise) })
            else {
                kept.append(draft)
                continue
            }
            // Two merged drafts become one, so this ends. What was folded into the one left out
            // now belongs to the one that stays: a note never names a left-out exercise as kept.
            func fold(_ left: PlanDraft, into stays: Exercise) {
                alternatives.append(Alternative(draft: left, kept: stays))
                for other in alternatives.indices where alternatives[other].kept.id == left.exercise.id {
                    alternatives[other].kept = stays
                }
            }
            if isEasier(draft.exercise, than: kept[index].exercise) {
                var easier = draft
                easier.merge(kept[index])
                fold(kept[index], into: easier.exercise)
                // The easier one may be a level of another planned exercise: it is placed anew.
                kept.remove(at: index)
                pending.insert(easier, at: pending.startIndex)
            } else {
                kept[index].merge(draft)
                fold(draft, into: kept[index].exercise)
            }
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

    private static func sameJob(_ a: Exercise, _ b: Exercise) -> Bool {
        Job(a).map { $0 == Job(b) } ?? false
    }

    /// Whether the two are levels of one exercise: one is the other's `regression` or
    /// `progression` (either side of the link counts: the library need not write both), and
    /// both work the same muscle first. A link alone is not enough: side-lying hip abduction
    /// leads on to the side plank, but does not stand in for it.
    private static func levels(_ a: Exercise, _ b: Exercise) -> Bool {
        let linked = [a.regression, a.progression].contains(b.id) || [b.regression, b.progression].contains(a.id)
        return linked && a.targets.first != nil && a.targets.first == b.targets.first
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

    /// The plan note on the alternatives left out, or `nil` when there are none.
    func note(_ alternatives: [Alternative]) -> String? {
        guard !alternatives.isEmpty else { return nil }
        return alternatives.map { item -> String in
            let (left, kept) = (item.draft.exercise, item.kept)
            let advice = if isEasier(kept, than: left) {
                "move on to it once \(kept.name) is easy"
            } else if isEasier(left, than: kept) {
                "switch to it if \(kept.name) is too hard"
            } else {
                "use it instead if you prefer"
            }
            switch Job(kept).flatMap({ Job(left) == $0 ? $0 : nil }) {
            case .standIn(let pattern)?:
                return "\(left.name) is left out: \(kept.name) already takes the place of your \(pattern.mainLift ?? "lift"); \(advice)."
            case .stretch?:
                return "\(left.name) is left out: \(kept.name) already stretches the same muscles; \(advice)."
            case nil:
                let level = isEasier(kept, than: left) ? "a harder version of" : "another version of"
                return "\(left.name) is left out for now: it is \(level) \(kept.name); \(advice)."
            }
        }.joined(separator: " ")
    }
}
