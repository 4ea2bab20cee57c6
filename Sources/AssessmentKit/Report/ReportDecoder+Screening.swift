import BackCheckPluginAPI
public import BackCheckYAML

extension Screening.Status: YAMLEnumeration {}
extension PlanLeftOut.Reason: YAMLEnumeration {}

extension ReportDecoder {
    /// The second edition's `screening`, which a report needs to be shown again: without it
    /// nobody can tell whether the red flags were asked about, so its plan and program (which
    /// may hold loaded work) are not trusted, whether it was saved before the second edition
    /// or edited since.
    func screening(_ node: YAMLNode?, in report: YAMLNode) -> Screening?? {
        guard let node, !node.isNull else {
            reader.error(
                "the report has no 'screening', so it does not say whether the red-flag questions were answered, and its plan cannot be shown safely; make it again from the answers (`backcheck run --answers FILE`)",
                at: node?.mark ?? report.mark)
            return nil
        }
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

    /// Whether `node` is a `plan_left_out` entry with the reason `alternative`, which one
    /// build wrote before alternatives had a field of their own: it is dropped on reading.
    static func isLegacyAlternative(_ node: YAMLNode) -> Bool {
        node["reason"]?.scalar?.text == "alternative"
    }

    /// One `plan_alternatives` entry.
    func alternative(_ node: YAMLNode) -> PlanAlternative? {
        guard let fields = reader.mapping(node, of: "an alternative exercise"),
              let exercise = fields.required("exercise", as: String.self),
              let alternativeTo = fields.required("alternative_to", as: String.self) else { return nil }
        return PlanAlternative(exercise: exercise, name: fields.optional("name", as: String.self) ?? exercise, alternativeTo: alternativeTo)
    }

    /// One `plan_left_out` entry.
    func leftOut(_ node: YAMLNode) -> PlanLeftOut? {
        guard let fields = reader.mapping(node, of: "a left-out exercise"),
              let exercise = fields.required("exercise", as: String.self),
              let reason = fields.required("reason", as: PlanLeftOut.Reason.self) else { return nil }
        return PlanLeftOut(exercise: exercise, name: fields.optional("name", as: String.self) ?? exercise, reason: reason)
    }
}
