import BackCheckYAML

/// Checks the references between documents once all are read: every recommended,
/// regression and progression exercise exists. Recommendations are passed in as read, and the
/// links of exercises that could not be read as written, so those of a document with other
/// errors are checked in the same pass too.
enum ReferenceCheck {
    /// `exerciseIDs` holds every exercise document's id, even one that failed to read, so a
    /// broken exercise is reported once, not again at every recommendation.
    /// `unknownRecommendations` are those naming an exercise `exerciseIDs` does not hold, in
    /// file order (see ``unknownRecommendations(in:exerciseIDs:)``).
    static func run(
        _ catalogue: Catalogue, unknownRecommendations: [Recommendation], unreadLinks: [ExerciseLink] = [], exerciseIDs: Set<String>,
        reader: NodeReader
    ) {
        let known = exerciseIDs.sorted()
        /// `naming` is the exercise that names `id`: never offered as the fix for its own link.
        func check(_ id: String, at mark: SourceMark, what: String, naming: String? = nil) {
            guard !exerciseIDs.contains(id) else { return }
            let hint = Suggestion.hint(for: id, among: naming.map { name in known.filter { $0 != name } } ?? known)
            reader.error("\(what) '\(id)' is not in the catalogue\(hint)", at: mark)
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
            check(link.target, at: link.mark, what: "\(link.key) exercise", naming: link.exercise)
        }
        for recommendation in unknownRecommendations {
            check(recommendation.exercise, at: recommendation.mark, what: "recommended exercise")
        }
    }

    /// The recommendations of `assessments` (each assessment's entry, however they are held)
    /// naming an exercise that `exerciseIDs` does not hold, in file order: by where their
    /// assessment starts, then as written. Looking at every recommendation of every assessment
    /// is the slow part of the check, done apart from reporting so that it can run on another
    /// core while the catalogue is put together.
    static func unknownRecommendations(
        in assessments: [String: DocumentStore.Entry<Assessment>], exerciseIDs: Set<String>
    ) -> [Recommendation] {
        var unknown: [(start: SourceMark, place: Int, recommendation: Recommendation)] = []
        for entry in assessments.values {
            for (place, recommendation) in entry.recommendationsRead.enumerated() where !exerciseIDs.contains(recommendation.exercise) {
                unknown.append((entry.mark, place, recommendation))
            }
        }
        return unknown.sorted { ($0.start, $0.place) < ($1.start, $1.place) }.map(\.recommendation)
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
