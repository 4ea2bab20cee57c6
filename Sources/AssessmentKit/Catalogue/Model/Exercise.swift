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
    /// Whether it loads the spine or the lift: "loaded work" (spec 6), which a referral, an
    /// incomplete screen, a painful lift of its pattern or a recent back injury keeps out of the
    /// plan. Defaults to true for strength, endurance and `type: load` work (a deload week or a
    /// ramp-up warm-up keeps people lifting); `loaded: false` on a load exercise says it neither
    /// raises nor keeps training load (a walk).
    public var loaded: Bool
    /// The lift pattern it trains, so a painful lift can keep its loaded exercises out.
    public var pattern: MovementPattern
    /// Whether it is a stretch that also tensions the sciatic nerve (hamstring stretches): a
    /// positive straight-leg raise keeps it out of the plan on that side.
    public var stretchesNerve: Bool
    /// The start and end positions for the report's picture, when the file gives them.
    public var poses: ExercisePoses?
    /// Sources.
    public var references: [String]
    /// Where the document starts.
    public var mark: SourceMark
    /// Where `regression` and `progression` are written, for reference errors.
    var referenceMarks: [String: SourceMark] = [:]
}

/// The lift pattern an exercise belongs to (spec 6, second edition).
public enum MovementPattern: String, Sendable, Hashable, CaseIterable, YAMLEnumeration {
    /// Squats and leg presses.
    case squat
    /// Deadlifts, good mornings, hinges.
    case hinge
    /// Hip thrusts and bridges.
    case hipThrust = "hip-thrust"
    /// Lunges and split squats.
    case lunge
    /// Not a lift pattern.
    case none
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
    /// The top of the repetition range the source gives, which the program builds up to over
    /// its weeks (`reps_max`); `nil` when the reps stay as they are.
    public var repsMax: Int? = nil
    /// The top of the hold range, which the program builds up to (`hold_s_max`).
    public var holdSecondsMax: Double? = nil
    /// Whether ``reps`` is the first group of a descending pyramid (`pyramid: true`), each
    /// group two fewer down to 1 or 2, with a short rest between: McGill's 5-3-1 of 10 s holds.
    public var pyramid = false

    /// The groups of a pyramid (`[5, 3, 1]` for 5 reps), or the reps alone; empty without reps.
    public var repGroups: [Int] {
        guard let reps else { return [] }
        return pyramid ? Array(stride(from: reps, through: 1, by: -2)) : [reps]
    }
    /// The frequency and note that replace this dose's own while loaded training has stopped
    /// (a referral, or a red-flag screen not yet done): for a drill done with the lifts, such
    /// as a warm-up "before the main lift" (`without_lifting`). `nil` when the dose reads the
    /// same either way.
    public var withoutLifting: (frequency: String?, note: String?)? = nil

    /// This dose as it reads while loaded training has stopped.
    public var whileNotLifting: Dosage {
        guard let withoutLifting else { return self }
        var dosage = self
        dosage.frequency = withoutLifting.frequency ?? frequency
        dosage.note = withoutLifting.note ?? note
        dosage.withoutLifting = nil
        return dosage
    }

    /// Doses are the same when everything they say is.
    public static func == (lhs: Dosage, rhs: Dosage) -> Bool {
        lhs.sets == rhs.sets && lhs.reps == rhs.reps && lhs.holdSeconds == rhs.holdSeconds && lhs.perSide == rhs.perSide
            && lhs.frequency == rhs.frequency && lhs.durationMinutes == rhs.durationMinutes && lhs.note == rhs.note
            && lhs.repsMax == rhs.repsMax && lhs.holdSecondsMax == rhs.holdSecondsMax && lhs.pyramid == rhs.pyramid
            && lhs.withoutLifting?.frequency == rhs.withoutLifting?.frequency && lhs.withoutLifting?.note == rhs.withoutLifting?.note
    }

    /// Hashes what `==` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(sets)
        hasher.combine(reps)
        hasher.combine(holdSeconds)
        hasher.combine(perSide)
        hasher.combine(frequency)
        hasher.combine(durationMinutes)
        hasher.combine(note)
        hasher.combine(repsMax)
        hasher.combine(holdSecondsMax)
        hasher.combine(pyramid)
        hasher.combine(withoutLifting?.frequency)
        hasher.combine(withoutLifting?.note)
    }
}
