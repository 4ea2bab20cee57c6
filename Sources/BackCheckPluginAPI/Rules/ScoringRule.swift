public import BackCheckExpressions
public import BackCheckYAML

/// One `when → finding` rule, the building block of the `thresholds` rules, the
/// `normative` ratio rules and the `checklist` items.
///
/// ```yaml
/// - when: hip_angle > 0
///   finding: iliopsoas-tightness
///   severity: clamp(hip_angle / 15, 0.3, 1)
///   evidence: "{side} thigh {hip_angle} deg above horizontal; target: at or below"
/// ```
/// A bare bilateral name makes the rule run once per side, and the finding carries that
/// side unless `side:` pins another.
public struct ScoringRule: Sendable, Hashable {
    /// The condition.
    public var condition: Expression
    /// The id of the finding raised when the condition holds.
    public var finding: String
    /// How strongly the finding applies, 0 to 1.
    public var severity: Expression
    /// The side the finding carries, when pinned.
    public var side: SideSelector?
    /// The evidence sentence, when the author wrote one.
    public var evidence: EvidenceTemplate?
    /// Where the rule is written.
    public var mark: SourceMark
    /// Units of the inputs, for the evidence sentence written when none is given.
    var units: [String: String]

    /// The keys of a rule, for plugin documentation.
    public static let keys: [ScoringKey] = [
        ScoringKey("when", "expression (condition)", required: true,
                   "When it holds, the finding is raised. A bare bilateral name runs the rule once per side."),
        ScoringKey("finding", "finding id", required: true, "The finding raised; declared in `findings`."),
        ScoringKey("severity", "number 0-1 or expression", required: true, "How strongly it applies; clamped to 0-1."),
        ScoringKey("side", "left | right | expression", required: false,
                   "Pins the side the finding carries, e.g. weaker_side(side_bridge)."),
        ScoringKey("evidence", "text with {expression} placeholders", required: false,
                   "The sentence shown with the finding; {side} is the side word."),
    ]

    /// Reads one rule, reporting every problem to `reader` at its place.
    public init?(node: YAMLNode, context: AssessmentContext, scope: Scope? = nil, reader: NodeReader) {
        guard let fields = reader.mapping(node, of: "a rule") else { return nil }
        let scope = scope ?? context.scope
        let condition = fields.requiredNode("when").flatMap { Expression(node: $0, scope: scope, reader: reader) }
        if let condition, let kind = condition.resultKind, kind != .boolean, let whenNode = fields.node("when") {
            reader.error("'when' must be a condition (true or false), but '\(condition.source)' gives a \(kind.rawValue)",
                         at: whenNode.mark)
        }
        let finding = fields.requiredNode("finding").flatMap { Self.readFinding($0, context: context, reader: reader) }
        let severity = fields.requiredNode("severity").flatMap { Self.readSeverity($0, scope: scope, reader: reader) }
        let side = fields.node("side").map { SideSelector(node: $0, scope: scope, reader: reader) }
        let evidence = fields.node("evidence").map { EvidenceTemplate(node: $0, scope: scope, reader: reader) }
        fields.rejectUnknownKeys()
        guard let condition, condition.resultKind == nil || condition.resultKind == .boolean,
              let finding, let severity, side != .some(nil), evidence != .some(nil) else { return nil }
        self.condition = condition
        self.finding = finding
        self.severity = severity
        self.side = side ?? nil
        self.evidence = evidence ?? nil
        self.mark = node.mark
        self.units = context.units
    }

    /// Reads a sequence of rules under a key; `nil` when any rule is bad (all are reported).
    public static func readList(
        _ node: YAMLNode, context: AssessmentContext, scope: Scope? = nil, reader: NodeReader
    ) -> [ScoringRule]? {
        guard let items = node.sequence else {
            reader.error("expected a list of rules, found \(node.kindDescription)", at: node.mark)
            return nil
        }
        if items.isEmpty { reader.error("the list of rules is empty; add at least one rule", at: node.mark) }
        let rules = items.map { ScoringRule(node: $0, context: context, scope: scope, reader: reader) }
        let valid = rules.compactMap { $0 }
        return valid.count == rules.count && !items.isEmpty ? valid : nil
    }

    /// Reads a finding id and checks it is declared.
    public static func readFinding(_ node: YAMLNode, context: AssessmentContext, reader: NodeReader) -> String? {
        guard let id = reader.read(String.self, from: node) else { return nil }
        guard context.finding(id) != nil else {
            let hint = Suggestion.hint(for: id, among: context.findings.map(\.id))
            reader.error("unknown finding '\(id)': declare it under 'findings'\(hint)", at: node.mark)
            return nil
        }
        return id
    }

    /// Reads a severity: a number in 0...1 or an expression giving a number.
    public static func readSeverity(_ node: YAMLNode, scope: Scope, reader: NodeReader) -> Expression? {
        if let scalar = node.scalar, scalar.style == .plain, let number = YAMLCoreSchema.decimal(scalar.text),
           !(0...1).contains(number) {
            reader.error("severity must be 0 to 1, found \(scalar.text)", at: node.mark)
            return nil
        }
        guard let expression = Expression(node: node, scope: scope, reader: reader) else { return nil }
        if let kind = expression.resultKind, kind != .number {
            reader.error("severity must be a number 0 to 1 or an expression giving one, found a \(kind.rawValue)",
                         at: node.mark)
            return nil
        }
        return expression
    }
}
