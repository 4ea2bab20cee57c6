public import BackCheckExpressions

/// The person being assessed, as far as scoring needs to know.
public struct Profile: Sendable, Hashable {
    /// Sex, for sex-specific norms and cut-offs.
    public enum Sex: String, Sendable, Hashable, CaseIterable {
        /// Female.
        case female
        /// Male.
        case male
    }

    /// A past back problem that changes what loaded work is safe (second edition).
    public enum BackHistory: String, Sendable, Hashable, CaseIterable {
        /// A disc herniation ("slipped disc"), treated or not.
        case discHerniation = "disc-herniation"
        /// Any operation on the spine.
        case spinalSurgery = "spinal-surgery"
        /// A broken vertebra.
        case spinalFracture = "spinal-fracture"
        /// A vertebra slipped forward on the one below.
        case spondylolisthesis

        /// The condition in plain words, for notes: "a disc herniation".
        public var phrase: String {
            switch self {
            case .discHerniation: "a disc herniation"
            case .spinalSurgery: "spinal surgery"
            case .spinalFracture: "a spinal fracture"
            case .spondylolisthesis: "a spondylolisthesis (slipped vertebra)"
            }
        }
    }

    /// Whose report it is, when given: free text, used to file check-ins.
    public var name: String?
    /// Sex, when given.
    public var sex: Sex?
    /// Age in years, when given.
    public var age: Double?
    /// Body weight in kilograms, when given.
    public var bodyweightKg: Double?
    /// Training days per week, when given.
    public var trainingDaysPerWeek: Double?
    /// Past back problems, in the order given; empty when none were named.
    public var backHistory: [BackHistory]
    /// Whether one of ``backHistory`` happened, or was operated on, in the last 3 months:
    /// loaded work then waits until the treating clinician clears it.
    public var backHistoryRecent: Bool?

    /// Creates a profile.
    public init(
        name: String? = nil, sex: Sex? = nil, age: Double? = nil, bodyweightKg: Double? = nil,
        trainingDaysPerWeek: Double? = nil, backHistory: [BackHistory] = [], backHistoryRecent: Bool? = nil
    ) {
        self.name = name
        self.backHistory = backHistory
        self.backHistoryRecent = backHistoryRecent
        self.sex = sex
        self.age = age
        self.bodyweightKg = bodyweightKg
        self.trainingDaysPerWeek = trainingDaysPerWeek
    }

    /// The `profile.*` bindings expressions see; absent fields are bound to `nil`.
    public var bindings: [String: Binding] {
        [
            "profile.sex": .single(sex.map { .string($0.rawValue) }),
            "profile.age": .single(age.map { .number($0) }),
            "profile.bodyweight_kg": .single(bodyweightKg.map { .number($0) }),
            "profile.training_days_per_week": .single(trainingDaysPerWeek.map { .number($0) }),
        ]
    }

    /// Adds ``bindings`` to `bindings`: the same names and values, without making a
    /// dictionary first (every assessment of every person binds its profile).
    public func bind(into bindings: inout Bindings) {
        bindings["profile.sex"] = .single(sex.map { .string($0.rawValue) })
        bindings["profile.age"] = .single(age.map { .number($0) })
        bindings["profile.bodyweight_kg"] = .single(bodyweightKg.map { .number($0) })
        bindings["profile.training_days_per_week"] = .single(trainingDaysPerWeek.map { .number($0) })
    }
}
