import BackCheckYAML

/// Checks the references between documents once all are read: every recommended,
/// regression and progression exercise exists. Recommendations are passed in as read, and the
/// links of exercises that could not be read as written, so those of a document with other
/// errors are checked in the same pass too.
enum ReferenceCheck {
    /// `exerciseIDs` holds every exercise document's id, even one that failed to read, so a
    /// broken exercise is reported once, not again at every recommendation.
    static func run(
        _ catalogue: Catalogue, recommendations: [Recommendation], unreadLinks: [ExerciseLink] = [], exerciseIDs: Set<String>,
        reader: NodeReader
    ) {
        let known = exerciseIDs.sorted()
        func check(_ id: String, at mark: SourceMark, what: String) {
            guard !exerciseIDs.contains(id) else { return }
            reader.error("\(what) '\(id)' is not in the catalogue\(Suggestion.hint(for: id, among: known))", at: mark)
        }
        let read = catalogue.exercises.values.sorted(by: { $0.mark < $1.mark }).flatMap { exercise in
            [("regression", exercise.regression), ("progression", exercise.progression)].compactMap { key, target in
                target.map { ExerciseLink(key: key, exercise: exercise.id, target: $0, mark: exercise.referenceMarks[key] ?? exercise.mark) }
            }
        }
        for link in read + unreadLinks {
            // The easier or harder exercise is offered in place of this one: itself is no step.
            guard link.target != link.exercise else {
                reader.error(
                    "\(link.key) exercise '\(link.target)' is this exercise itself; name an easier (regression) or harder (progression) one, or leave it out",
                    at: link.mark)
                continue
            }
            if !exerciseIDs.contains(link.target) {
                let hint = Suggestion.hint(for: link.target, among: known.filter { $0 != link.exercise })
                reader.error("\(link.key) exercise '\(link.target)' is not in the catalogue\(hint)", at: link.mark)
            }
        }
        for recommendation in recommendations {
            check(recommendation.exercise, at: recommendation.mark, what: "recommended exercise")
        }
    }
}

/// An exercise's `regression` or `progression`, where it is written.
struct ExerciseLink: Sendable {
    /// `regression` or `progression`.
    var key: String
    /// The exercise that names it.
    var exercise: String
    /// The exercise it names.
    var target: String
    var mark: SourceMark
}
