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

    /// Sex, when given.
    public var sex: Sex?
    /// Age in years, when given.
    public var age: Double?
    /// Body weight in kilograms, when given.
    public var bodyweightKg: Double?
    /// Training days per week, when given.
    public var trainingDaysPerWeek: Double?

    /// Creates a profile.
    public init(sex: Sex? = nil, age: Double? = nil, bodyweightKg: Double? = nil, trainingDaysPerWeek: Double? = nil) {
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
}
