import BackCheckPluginAPI
import BackCheckYAML

/// Reads a `profile` block: sex, age, body weight, training days (spec 8).
enum ProfileReader {
    static func read(_ node: YAMLNode, reader: NodeReader) -> Profile? {
        guard let fields = reader.mapping(node, of: "the profile") else { return nil }
        let before = reader.diagnostics.count
        let profile = Profile(
            sex: fields.optional("sex", as: Profile.Sex.self),
            age: fields.optional("age", as: Double.self, in: 5...120),
            bodyweightKg: fields.optional("bodyweight_kg", as: Double.self, in: 20...400),
            trainingDaysPerWeek: fields.optional("training_days_per_week", as: Double.self, in: 0...14))
        fields.rejectUnknownKeys()
        return reader.diagnostics.count == before ? profile : nil
    }
}
