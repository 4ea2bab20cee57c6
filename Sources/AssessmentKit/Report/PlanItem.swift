public import BackCheckExpressions
public import BackCheckPluginAPI

/// One exercise of the plan, with why it is there (spec 7).
public struct PlanItem: Sendable, Hashable {
    /// 1 for the first exercise to do.
    public var rank: Int
    /// The exercise.
    public var exercise: PlanExercise
    /// The most pressing tier among the findings that asked for it.
    public var tier: Tier
    /// Σ over `because` of severity × evidence weight × asymmetry factor, rounded to 2 decimals.
    public var priority: Double
    /// The sides the findings concern, left before right; empty when none has a side.
    public var sides: [Side]
    /// How much to do.
    public var dosage: Dosage
    /// The findings that asked for it.
    public var because: [PlanReason]

    /// Creates a plan item.
    public init(
        rank: Int, exercise: PlanExercise, tier: Tier, priority: Double, sides: [Side], dosage: Dosage,
        because: [PlanReason]
    ) {
        self.rank = rank
        self.exercise = exercise
        self.tier = tier
        self.priority = priority
        self.sides = sides
        self.dosage = dosage
        self.because = because
    }
}

/// The exercise of a plan item, as the report shows it.
public struct PlanExercise: Sendable, Hashable {
    /// The exercise's id.
    public var id: String
    /// Its name.
    public var name: String
    /// Its type (`stretch`, `strength`, …).
    public var type: String
    /// What it targets.
    public var targets: [String]
    /// Whether it loads the spine or muscles (left out after a referral).
    public var loaded: Bool
    /// Numbered steps.
    public var instructions: String
    /// Short cues.
    public var cues: [String]
    /// When to stop or take care.
    public var cautions: [String]
    /// The start and end positions, for the HTML's stick figures.
    public var poses: ExercisePoses?

    /// Creates an exercise entry.
    public init(
        id: String, name: String, type: String, targets: [String], loaded: Bool, instructions: String,
        cues: [String], cautions: [String], poses: ExercisePoses? = nil
    ) {
        self.poses = poses
        self.id = id
        self.name = name
        self.type = type
        self.targets = targets
        self.loaded = loaded
        self.instructions = instructions
        self.cues = cues
        self.cautions = cautions
    }
}

/// One finding behind a plan item, with what it added to the item's priority.
public struct PlanReason: Sendable, Hashable {
    /// The assessment that raised the finding.
    public var assessment: String
    /// The finding's id.
    public var finding: String
    /// The finding's title.
    public var title: String
    /// The side, when the finding has one.
    public var side: Side?
    /// The finding's severity, rounded to 2 decimals.
    public var severity: Double
    /// The evidence weight of the assessment (high 1.0, moderate 0.7, low 0.4).
    public var weight: Double
    /// Whether the finding counts as a left/right asymmetry beyond the MDC (× 1.5).
    public var asymmetry: Bool
    /// severity × weight (× 1.5 for an asymmetry), rounded to 2 decimals.
    public var contribution: Double

    /// Creates a reason.
    public init(
        assessment: String, finding: String, title: String, side: Side?, severity: Double, weight: Double,
        asymmetry: Bool, contribution: Double
    ) {
        self.assessment = assessment
        self.finding = finding
        self.title = title
        self.side = side
        self.severity = severity
        self.weight = weight
        self.asymmetry = asymmetry
        self.contribution = contribution
    }

    /// `Tight iliopsoas (left)`.
    public var label: String { side.map { "\(title) (\($0.rawValue))" } ?? title }
}
