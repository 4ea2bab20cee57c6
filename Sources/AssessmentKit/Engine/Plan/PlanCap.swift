/// Caps the ranked plan at a length a person will do, without leaving a major finding
/// (severity 0.4 or more) with no exercise while room can be made (spec 7, second edition).
enum PlanCap {
    struct Outcome {
        var chosen: [PlanDraft]
        var cut: [PlanDraft]
        /// Major findings the cap left without an exercise: the cap was smaller than their number.
        var uncovered: [MajorFinding]
    }

    /// `ranked` is in plan order; `majors` are the major findings, most important first.
    static func apply(_ ranked: [PlanDraft], majors: [MajorFinding], limit: Int) -> Outcome {
        var chosen = Array(ranked.prefix(limit))
        var cut = Array(ranked.dropFirst(limit))
        var uncovered: [MajorFinding] = []
        for major in majors where !chosen.contains(where: { $0.covers(major) }) {
            // Its first recommended exercise the plan may hold, else an easier version offered in
            // place of one; none means the gate, not the cap, kept them out (plan_left_out says so).
            guard let candidate = major.exercises.lazy.compactMap({ id in cut.firstIndex { $0.exercise.id == id } }).first
                ?? cut.firstIndex(where: { $0.covers(major) })
            else { continue }
            // The lowest-priority item that covers no major finding makes room; failing that, the
            // lowest-priority one whose major findings another chosen item covers too (a second
            // exercise for one finding), so the cap wins only when every item is some finding's
            // only exercise.
            guard let victim = chosen.lastIndex(where: { item in !majors.contains { item.covers($0) } })
                ?? chosen.indices.last(where: { isRedundant($0, in: chosen, majors: majors) })
            else {
                uncovered.append(major)
                continue
            }
            let displaced = chosen[victim]
            chosen[victim] = cut.remove(at: candidate)
            cut.append(displaced)
            chosen = PlanDraft.ranked(chosen)
        }
        cut = PlanDraft.ranked(cut)
        return Outcome(chosen: chosen, cut: cut, uncovered: uncovered)
    }

    /// Whether every major finding `chosen[index]` covers is covered by another chosen item.
    private static func isRedundant(_ index: Int, in chosen: [PlanDraft], majors: [MajorFinding]) -> Bool {
        majors.allSatisfy { major in
            !chosen[index].covers(major) || chosen.indices.contains { $0 != index && chosen[$0].covers(major) }
        }
    }
}
