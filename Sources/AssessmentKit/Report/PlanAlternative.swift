/// An exercise a finding asked for that the plan leaves out because a planned one already does
/// its job (technique work for the same lift, a stretch of the same muscle): one to switch to
/// when the planned one does not suit (`plan_alternatives` in the JSON).
///
/// Kept apart from ``PlanLeftOut``, whose reasons spec 7.1 lists as a closed set: an app that
/// decodes those reasons into an enum keeps working.
public struct PlanAlternative: Sendable, Hashable {
    /// The left-out exercise's id.
    public var exercise: String
    /// Its name, for sentences.
    public var name: String
    /// The id of the planned exercise doing the same job, which it can stand in for.
    public var alternativeTo: String

    /// Creates an entry.
    public init(exercise: String, name: String, alternativeTo: String) {
        self.exercise = exercise
        self.name = name
        self.alternativeTo = alternativeTo
    }
}
