public import BackCheckYAML

/// An exercise of the library, recommended by findings.
///
/// Copies share one immutable storage, so handing an exercise around (a plan moves each one
/// through several lists while it ranks, caps and schedules them) costs a retain; changing a
/// field gives the changed copy storage of its own.
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

    /// Its fields, shared by its copies.
    private var shared: SharedFields<Fields>

    /// An exercise with these fields.
    init(
        id: String,
        name: String,
        kind: Kind,
        targets: [String],
        dosage: Dosage,
        instructions: String,
        cues: [String],
        cautions: [String],
        regression: String?,
        progression: String?,
        loaded: Bool,
        pattern: MovementPattern,
        stretchesNerve: Bool,
        poses: ExercisePoses?,
        references: [String],
        mark: SourceMark,
        referenceMarks: [String: SourceMark] = [:]
    ) {
        shared = SharedFields(Fields(
            id: id, name: name, kind: kind, targets: targets, dosage: dosage, instructions: instructions, cues: cues,
            cautions: cautions, regression: regression, progression: progression, loaded: loaded, pattern: pattern,
            stretchesNerve: stretchesNerve, poses: poses, references: references, mark: mark, referenceMarks: referenceMarks))
    }

    /// The kebab-case id.
    public var id: String {
        get { shared.fields.id }
        set { shared.update { $0.id = newValue } }
    }
    /// The name shown to people.
    public var name: String {
        get { shared.fields.name }
        set { shared.update { $0.name = newValue } }
    }
    /// The kind.
    public var kind: Kind {
        get { shared.fields.kind }
        set { shared.update { $0.kind = newValue } }
    }
    /// The muscles or qualities it targets.
    public var targets: [String] {
        get { shared.fields.targets }
        set { shared.update { $0.targets = newValue } }
    }
    /// How much to do.
    public var dosage: Dosage {
        get { shared.fields.dosage }
        set { shared.update { $0.dosage = newValue } }
    }
    /// Numbered steps.
    public var instructions: String {
        get { shared.fields.instructions }
        set { shared.update { $0.instructions = newValue } }
    }
    /// Short cues.
    public var cues: [String] {
        get { shared.fields.cues }
        set { shared.update { $0.cues = newValue } }
    }
    /// When to stop or take care.
    public var cautions: [String] {
        get { shared.fields.cautions }
        set { shared.update { $0.cautions = newValue } }
    }
    /// An easier exercise's id.
    public var regression: String? {
        get { shared.fields.regression }
        set { shared.update { $0.regression = newValue } }
    }
    /// A harder exercise's id.
    public var progression: String? {
        get { shared.fields.progression }
        set { shared.update { $0.progression = newValue } }
    }
    /// Whether it loads the spine or the lift: "loaded work" (spec 6), which a referral, an
    /// incomplete screen, a painful lift of its pattern or a recent back injury keeps out of the
    /// plan. Defaults to true for strength, endurance and `type: load` work (a deload week or a
    /// ramp-up warm-up keeps people lifting); `loaded: false` on a load exercise says it neither
    /// raises nor keeps training load (a walk).
    public var loaded: Bool {
        get { shared.fields.loaded }
        set { shared.update { $0.loaded = newValue } }
    }
    /// The lift pattern it trains, so a painful lift can keep its loaded exercises out.
    public var pattern: MovementPattern {
        get { shared.fields.pattern }
        set { shared.update { $0.pattern = newValue } }
    }
    /// Whether it is a stretch that also tensions the sciatic nerve (hamstring stretches): a
    /// positive straight-leg raise keeps it out of the plan on that side.
    public var stretchesNerve: Bool {
        get { shared.fields.stretchesNerve }
        set { shared.update { $0.stretchesNerve = newValue } }
    }
    /// The start and end positions for the report's picture, when the file gives them.
    public var poses: ExercisePoses? {
        get { shared.fields.poses }
        set { shared.update { $0.poses = newValue } }
    }
    /// Sources.
    public var references: [String] {
        get { shared.fields.references }
        set { shared.update { $0.references = newValue } }
    }
    /// Where the document starts.
    public var mark: SourceMark {
        get { shared.fields.mark }
        set { shared.update { $0.mark = newValue } }
    }
    /// Where `regression` and `progression` are written, for reference errors.
    var referenceMarks: [String: SourceMark] {
        get { shared.fields.referenceMarks }
        set { shared.update { $0.referenceMarks = newValue } }
    }
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
