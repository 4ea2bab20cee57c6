public import BackCheckYAML

/// An exercise of the library, recommended by findings.
public struct Exercise: Sendable, Hashable {
    /// The kinds of exercise.
    public enum Kind: String, Sendable, Hashable, CaseIterable, YAMLEnumeration {
        /// Static stretch.
        case stretch
        /// Range-of-motion drill.
        case mobility
        /// Muscle activation drill.
        case activation
        /// Strength work.
        case strength
        /// Endurance work.
        case endurance
        /// A change to how a lift is done.
        case technique
        /// A change to how much is done.
        case load
    }

    /// The kebab-case id.
    public var id: String
    /// The name shown to people.
    public var name: String
    /// The kind.
    public var kind: Kind
    /// The muscles or qualities it targets.
    public var targets: [String]
    /// How much to do.
    public var dosage: Dosage
    /// Numbered steps.
    public var instructions: String
    /// Short cues.
    public var cues: [String]
    /// When to stop or take care.
    public var cautions: [String]
    /// An easier exercise's id.
    public var regression: String?
    /// A harder exercise's id.
    public var progression: String?
    /// Whether it loads the spine or muscles enough that a referral removes it from the plan.
    public var loaded: Bool
    /// Sources.
    public var references: [String]
    /// Where the document starts.
    public var mark: SourceMark
    /// Where `regression` and `progression` are written, for reference errors.
    var referenceMarks: [String: SourceMark] = [:]
}

/// How much of an exercise to do.
public struct Dosage: Sendable, Hashable {
    /// Sets.
    public var sets: Int?
    /// Repetitions per set.
    public var reps: Int?
    /// Hold per repetition, in seconds.
    public var holdSeconds: Double?
    /// Whether the dose is per side.
    public var perSide: Bool?
    /// How often: `daily`, `3x/week`.
    public var frequency: String?
    /// Minutes, for timed routines.
    public var durationMinutes: Double?
    /// Anything the numbers cannot say.
    public var note: String?
}
