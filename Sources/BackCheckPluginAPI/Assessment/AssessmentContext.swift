public import BackCheckExpressions
public import BackCheckYAML

/// What a plugin may know about the assessment whose `scoring` block it is checking.
public struct AssessmentContext: Sendable {
    /// The assessment's id.
    public var assessmentID: String
    /// The inputs, in prompt order.
    public var inputs: [InputSpec] {
        didSet { units = Self.units(of: inputs) }
    }
    /// The unit of each input that has one, by name: worked out once, as every rule keeps it.
    private(set) var units: [String: String]
    /// The findings the assessment declares.
    public var findings: [FindingSpec]
    /// The names expressions may use: inputs, derived values and `profile.*`.
    public var scope: Scope
    /// The norms tables of the catalogue, by id.
    public var norms: [String: NormsTable]

    /// Creates a context.
    public init(
        assessmentID: String, inputs: [InputSpec], findings: [FindingSpec], scope: Scope,
        norms: [String: NormsTable] = [:]
    ) {
        self.assessmentID = assessmentID
        self.inputs = inputs
        self.findings = findings
        self.scope = scope
        self.norms = norms
        units = Self.units(of: inputs)
    }

    private static func units(of inputs: [InputSpec]) -> [String: String] {
        Dictionary(inputs.compactMap { input in input.unit.map { (input.name, $0) } }, uniquingKeysWith: { first, _ in first })
    }

    /// The input called `name`, if declared.
    public func input(_ name: String) -> InputSpec? { inputs.first { $0.name == name } }

    /// The finding with `id`, if declared.
    public func finding(_ id: String) -> FindingSpec? { findings.first { $0.id == id } }

    /// Reads an input name from `node` and answers the declared input, reporting an unknown
    /// name at the node with the closest declared name suggested.
    public func readInput(_ node: YAMLNode, reader: NodeReader) -> InputSpec? {
        guard let name = reader.read(String.self, from: node) else { return nil }
        guard let spec = input(name) else {
            let hint = Suggestion.hint(for: name, among: inputs.map(\.name))
            reader.error("unknown input '\(name)': declare it under 'inputs'\(hint)", at: node.mark)
            return nil
        }
        return spec
    }
}
