import BackCheckPluginAPI
public import BackCheckYAML

extension Profile.BackHistory: YAMLEnumeration {}

/// Reads a `profile` block: name, sex, age, body weight, training days and back history
/// (spec 8; `builtin-catalogue.md`, second edition).
enum ProfileReader {
    /// The values a profile may hold, for answers and for a saved report read back alike.
    static let ages: ClosedRange<Double> = 5...120
    static let bodyweights: ClosedRange<Double> = 20...400
    static let trainingDays: ClosedRange<Double> = 0...7

    static func read(_ node: YAMLNode, reader: NodeReader) -> Profile? {
        guard let fields = reader.mapping(node, of: "the profile") else { return nil }
        let before = reader.diagnostics.count
        let profile = Profile(
            name: fields.optional("name", as: String.self),
            sex: fields.optional("sex", as: Profile.Sex.self),
            age: fields.optional("age", as: Double.self, in: ages),
            bodyweightKg: fields.optional("bodyweight_kg", as: Double.self, in: bodyweights),
            trainingDaysPerWeek: fields.optional("training_days_per_week", as: Double.self, in: trainingDays),
            backHistory: fields.optional("back_history", as: [Profile.BackHistory].self) ?? [],
            backHistoryRecent: fields.optional("back_history_recent", as: Bool.self))
        // The program lays out whole days: 3.5 would quietly become 4 (found by a review).
        if let days = profile.trainingDaysPerWeek, days.rounded() != days {
            reader.error("give a whole number of days, 0 to 7", at: fields.node("training_days_per_week")?.mark)
        }
        fields.rejectUnknownKeys()
        return reader.diagnostics.count == before ? profile : nil
    }
}
