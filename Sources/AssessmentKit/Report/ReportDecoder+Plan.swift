import BackCheckExpressions
import BackCheckPluginAPI
import BackCheckYAML

extension ReportDecoder {
    func planItem(_ node: YAMLNode) -> PlanItem? {
        guard let fields = reader.mapping(node, of: "a plan item") else { return nil }
        let rank = fields.required("rank", as: Int.self)
        let exercise = fields.requiredMapping("exercise", of: "the exercise").flatMap(exercise)
        let tier = fields.required("tier", as: Tier.self)
        let priority = fields.required("priority", as: Double.self)
        let sides = fields.node("sides").map { list($0, of: "sides", readSide) } ?? []
        let dosage = fields.requiredMapping("dosage", of: "the dosage").map(dosage)
        let because = fields.requiredNode("because").flatMap { list($0, of: "reasons", reason) }
        guard let rank, let exercise, let tier, let priority, let sides, let dosage, let because else { return nil }
        return PlanItem(
            rank: rank, exercise: exercise, tier: tier, priority: priority, sides: sides, dosage: dosage, because: because)
    }

    private func exercise(_ fields: MappingReader) -> PlanExercise? {
        guard let id = fields.required("id", as: String.self), let name = fields.required("name", as: String.self),
              let type = fields.required("type", as: String.self) else { return nil }
        return PlanExercise(
            id: id, name: name, type: type, targets: fields.optional("targets", as: [String].self) ?? [],
            loaded: fields.optional("loaded", as: Bool.self) ?? false,
            instructions: fields.optional("instructions", as: String.self) ?? "",
            cues: fields.optional("cues", as: [String].self) ?? [],
            cautions: fields.optional("cautions", as: [String].self) ?? [],
            poses: fields.optionalMapping("poses", of: "the poses").flatMap { PoseReader.read($0, strict: false) })
    }

    func dosage(_ fields: MappingReader) -> Dosage {
        var dosage = Dosage(
            sets: fields.optional("sets", as: Int.self), reps: fields.optional("reps", as: Int.self),
            holdSeconds: fields.optional("hold_s", as: Double.self), perSide: fields.optional("per_side", as: Bool.self),
            frequency: fields.optional("frequency", as: String.self),
            durationMinutes: fields.optional("duration_min", as: Double.self), note: fields.optional("note", as: String.self))
        dosage.pyramid = fields.optional("pyramid", as: Bool.self) ?? false
        return dosage
    }

    private func reason(_ node: YAMLNode) -> PlanReason? {
        guard let fields = reader.mapping(node, of: "a reason"), let assessment = fields.required("assessment", as: String.self),
              let finding = fields.required("finding", as: String.self), let side = side(fields) else { return nil }
        return PlanReason(
            assessment: assessment, finding: finding, title: fields.optional("title", as: String.self) ?? finding, side: side,
            severity: fields.optional("severity", as: Double.self) ?? 0, weight: fields.optional("weight", as: Double.self) ?? 0,
            asymmetry: fields.optional("asymmetry", as: Bool.self) ?? false,
            contribution: fields.optional("contribution", as: Double.self) ?? 0)
    }
}
