import BackCheckPluginAPI

/// One screening question: a boolean input and the referral it raises.
struct RedFlag: Sendable {
    let input: InputSpec
    let finding: String

    /// Reads `{input, finding}`, reporting every problem at its place.
    init?(node: YAMLNode, context: AssessmentContext, reader: NodeReader) {
        guard let fields = reader.mapping(node, of: "a red flag") else { return nil }
        let input = fields.requiredNode("input").flatMap { Self.readInput($0, context: context, reader: reader) }
        let finding = fields.requiredNode("finding").flatMap { Self.readReferral($0, context: context, reader: reader) }
        fields.rejectUnknownKeys()
        guard let input, let finding else { return nil }
        self.input = input
        self.finding = finding
    }

    /// Reads the `flags` list; `nil` when it is not a list, is empty, or any flag is bad.
    static func readList(_ node: YAMLNode, context: AssessmentContext, reader: NodeReader) -> [RedFlag]? {
        guard let items = node.sequence else {
            reader.error("expected a list of red flags ({input, finding}), found \(node.kindDescription)", at: node.mark)
            return nil
        }
        guard !items.isEmpty else {
            reader.error("the list of red flags is empty; add at least one {input, finding}", at: node.mark)
            return nil
        }
        let flags = items.map { RedFlag(node: $0, context: context, reader: reader) }
        let valid = flags.compactMap { $0 }
        return valid.count == flags.count ? valid : nil
    }

    private static func readInput(_ node: YAMLNode, context: AssessmentContext, reader: NodeReader) -> InputSpec? {
        guard let input = context.readInput(node, reader: reader) else { return nil }
        guard input.type == .boolean else {
            reader.error(
                "input '\(input.name)' has type \(input.type.rawValue); a red flag needs a boolean input (type: boolean)",
                at: node.mark)
            return nil
        }
        return input
    }

    /// Reads a finding id that must name a declared `refer` finding with an urgency.
    static func readReferral(_ node: YAMLNode, context: AssessmentContext, reader: NodeReader) -> String? {
        guard let id = ScoringRule.readFinding(node, context: context, reader: reader),
              let spec = context.finding(id) else { return nil }
        guard spec.tier == .refer else {
            reader.error(
                "finding '\(id)' has tier \(spec.tier.rawValue); a red flag or red-flag rule must raise a finding with tier refer",
                at: node.mark)
            return nil
        }
        guard spec.urgency != nil else {
            reader.error(
                "finding '\(id)' has no urgency; give it urgency: emergency, same-day or soon", at: node.mark)
            return nil
        }
        return id
    }
}
