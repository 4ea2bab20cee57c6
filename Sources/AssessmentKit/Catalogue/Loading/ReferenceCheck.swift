import BackCheckYAML

/// Checks the references between documents once all are read: every recommended,
/// regression and progression exercise exists. Recommendations are passed in as read, so
/// those of an assessment with other errors are checked too.
enum ReferenceCheck {
    /// `exerciseIDs` holds every exercise document's id, even one that failed to read, so a
    /// broken exercise is reported once, not again at every recommendation.
    static func run(_ catalogue: Catalogue, recommendations: [Recommendation], exerciseIDs: Set<String>, reader: NodeReader) {
        let known = exerciseIDs.sorted()
        func check(_ id: String, at mark: SourceMark, what: String) {
            guard !exerciseIDs.contains(id) else { return }
            reader.error("\(what) '\(id)' is not in the catalogue\(Suggestion.hint(for: id, among: known))", at: mark)
        }
        for exercise in catalogue.exercises.values.sorted(by: { $0.mark < $1.mark }) {
            for (key, target) in [("regression", exercise.regression), ("progression", exercise.progression)] {
                guard let target else { continue }
                let mark = exercise.referenceMarks[key] ?? exercise.mark
                // The easier or harder exercise is offered in place of this one: itself is no step.
                guard target != exercise.id else {
                    reader.error("\(key) exercise '\(target)' is this exercise itself; name an easier (regression) or harder (progression) one, or leave it out", at: mark)
                    continue
                }
                if !exerciseIDs.contains(target) {
                    reader.error("\(key) exercise '\(target)' is not in the catalogue\(Suggestion.hint(for: target, among: known.filter { $0 != exercise.id }))", at: mark)
                }
            }
        }
        for recommendation in recommendations {
            check(recommendation.exercise, at: recommendation.mark, what: "recommended exercise")
        }
    }
}
