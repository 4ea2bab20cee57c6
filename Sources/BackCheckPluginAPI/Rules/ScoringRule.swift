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
    // A rule is copied wherever it is run from (an evaluator's list, the parts a trial runs),
    // thousands of times a report: one shared box makes a copy one retain, not one per field.
    private var box: Box

    /// The condition.
    public var condition: Expression {
        get { box.fields.condition }
        set { update { $0.condition = newValue } }
    }
    /// The id of the finding raised when the condition holds.
    public var finding: String {
        get { box.fields.finding }
        set { update { $0.finding = newValue } }
    }
    /// How strongly the finding applies, 0 to 1.
    public var severity: Expression {
        get { box.fields.severity }
        set { update { $0.severity = newValue } }
    }
    /// The side the finding carries, when pinned.
    public var side: SideSelector? {
        get { box.fields.side }
        set { update { $0.side = newValue } }
    }
    /// The evidence sentence, when the author wrote one.
    public var evidence: EvidenceTemplate? {
        get { box.fields.evidence }
        set { update { $0.evidence = newValue } }
    }
    /// Where the rule is written.
    public var mark: SourceMark {
        get { box.fields.mark }
        set { update { $0.mark = newValue } }
    }
    /// Units of the inputs, for the evidence sentence written when none is given.
    var units: [String: String] { box.fields.units }

    /// Makes the change on a copy of the fields, in a box of its own.
    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = box.fields
        change(&fields)
        box = Box(fields)
    }

    /// Rules are equal when their fields are.
    public static func == (lhs: ScoringRule, rhs: ScoringRule) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    /// Hashes the fields.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(box.fields)
    }

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
        box = Box(Fields(
            condition: condition, finding: finding, severity: severity, side: side ?? nil, evidence: evidence ?? nil,
            mark: node.mark, units: context.units))
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
        guard !items.isEmpty, !rules.contains(where: { $0 == nil }) else { return nil }
        // Mapped, not compacted: the list is kept with the catalogue, sized to its rules.
        return rules.map { $0! }
    }

    /// Reads a finding id and checks it is declared. The id given back is the declaration's
    /// own text, so a catalogue keeps one copy of each id however many rules name it.
    public static func readFinding(_ node: YAMLNode, context: AssessmentContext, reader: NodeReader) -> String? {
        guard let id = reader.read(String.self, from: node) else { return nil }
        guard let declared = context.finding(id) else {
            let hint = Suggestion.hint(for: id, among: context.findings.map(\.id))
            reader.error("unknown finding '\(id)': declare it under 'findings'\(hint)", at: node.mark)
            return nil
        }
        return declared.id
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
