import BackCheckPluginAPI
public import BackCheckYAML

extension Screening.Status: YAMLEnumeration {}
extension PlanLeftOut.Reason: YAMLEnumeration {}

extension ReportDecoder {
    /// The second edition's `screening`; a report saved before it has none (`.some(nil)`).
    func screening(_ node: YAMLNode?) -> Screening?? {
        guard let node, !node.isNull else { return .some(nil) }
        guard let fields = reader.mapping(node, of: "the screening") else { return nil }
        let status = fields.required("status", as: Screening.Status.self)
        let ids = fields.optional("unanswered", as: [String].self) ?? []
        var labels: [String: String] = [:]
        if let questions = fields.node("questions")?.sequence {
            for question in questions {
                guard let entry = reader.mapping(question, of: "a screening question"),
                      let id = entry.required("id", as: String.self), let label = entry.required("label", as: String.self)
                else { continue }
                labels[id] = label
            }
        }
        guard let status else { return nil }
        return .some(Screening(status: status, unanswered: ids.map { ScreeningQuestion(id: $0, label: labels[$0] ?? $0) }))
    }

    /// One `plan_left_out` entry.
    func leftOut(_ node: YAMLNode) -> PlanLeftOut? {
        guard let fields = reader.mapping(node, of: "a left-out exercise"),
              let exercise = fields.required("exercise", as: String.self),
              let reason = fields.required("reason", as: PlanLeftOut.Reason.self) else { return nil }
        return PlanLeftOut(exercise: exercise, name: fields.optional("name", as: String.self) ?? exercise, reason: reason)
    }
}
