public import BackCheckExpressions
public import BackCheckPluginAPI
public import BackCheckYAML

/// A finding an assessment may conclude, with what to do about it.
public struct AssessmentFinding: Sendable {
    /// The typed description plugins see.
    public var spec: FindingSpec
    /// Why it matters for the lower back.
    public var explain: String
    /// For referral findings: what to do and how soon.
    public var advice: String?
    /// The exercises it asks for.
    public var recommend: [Recommendation]
    /// When raised: the lift pattern that hurts, whose loaded exercises the plan keeps out
    /// (offering their regressions instead).
    public var painfulPattern: MovementPattern?
    /// When raised: a nerve may be under tension, so stretches that tension it
    /// (`stretches_nerve`) are kept out of the plan, on both legs whatever side it was raised on.
    public var neuralTension: Bool = false
    /// For referral findings that may be a bone stress injury (a young lifter's spondylolysis):
    /// stretching or moving into the pain can make it worse, so while it is raised the plan holds
    /// no stretches and no mobility drills either, only what the referral already allows.
    public var noStretching: Bool = false
    /// For referral findings that are red flags for a serious cause (a new pain at a higher-risk
    /// age, a kidney-type pain): a doctor checks the cause before any exercise is prescribed
    /// (reference 7), so while it is raised the plan holds no exercises at all, whatever the
    /// referral's urgency.
    public var noExercise: Bool = false
    /// Where it is declared.
    public var mark: SourceMark

    /// The id.
    public var id: String { spec.id }
    /// The title.
    public var title: String { spec.title }
    /// The plan tier.
    public var tier: Tier { spec.tier }
    /// The urgency, for referral findings.
    public var urgency: Urgency? { spec.urgency }
}

/// An exercise a finding asks for, possibly only under a condition.
public struct Recommendation: Sendable {
    /// The exercise id.
    public var exercise: String
    /// When given, the recommendation applies only when this holds.
    public var condition: Expression?
    /// Where it is written.
    public var mark: SourceMark
}
