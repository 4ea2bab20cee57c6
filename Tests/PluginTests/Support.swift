import BackCheckExpressions
import BackCheckPluginAPI
import BackCheckYAML
import Testing
import TestSupport

/// The name test files are parsed under, so diagnostics read `scoring.yaml:LINE:COL`.
let testFile = "scoring.yaml"

/// Parses `yaml`, a document whose root holds `scoring:`, and answers the `scoring` node.
/// The text is parsed as written, so line 1 is the first line of the literal.
func scoringNode(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) -> YAMLNode {
    let result = YAMLParser().parse(yaml, file: testFile)
    #expect(result.diagnostics.isEmpty, "test YAML must parse: \(Array(result.diagnostics))", sourceLocation: sourceLocation)
    return result.documents.first?.root["scoring"] ?? YAMLNode(.scalar(YAMLScalar(text: "", style: .plain)),
                                                                mark: SourceMark(file: testFile, line: 1, column: 1))
}

/// An assessment context with `inputs`, `findings` and `norms`, its scope built from the inputs.
func makeContext(
    inputs: [InputSpec], findings: [FindingSpec], norms: [NormsTable] = []
) -> AssessmentContext {
    var scope = Scope()
    for input in inputs { scope.declare(input.name, input.nameInfo) }
    return AssessmentContext(
        assessmentID: "test-assessment", inputs: inputs, findings: findings, scope: scope,
        norms: Dictionary(uniqueKeysWithValues: norms.map { ($0.id, $0) }))
}

/// What checking one `scoring` block gave: the evaluator (when valid) and every diagnostic.
struct Checked {
    let evaluator: (any Evaluator)?
    let diagnostics: [Diagnostic]

    /// The diagnostics as `LINE:COL: severity: message`, for readable failures.
    var lines: [String] {
        diagnostics.map { "\($0.mark.map { "\($0.line):\($0.column)" } ?? "-"): \($0.severity.rawValue): \($0.message)" }
    }

    /// Whether an error at `line`:`column` has a message containing `text`.
    func hasError(at line: Int, _ column: Int, _ text: String) -> Bool {
        diagnostics.contains {
            $0.severity == .error && $0.mark?.line == line && $0.mark?.column == column && $0.message.contains(text)
        }
    }

    /// Whether a warning at `line`:`column` has a message containing `text`.
    func hasWarning(at line: Int, _ column: Int, _ text: String) -> Bool {
        diagnostics.contains {
            $0.severity == .warning && $0.mark?.line == line && $0.mark?.column == column && $0.message.contains(text)
        }
    }

    /// The number of errors.
    var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
}

/// Checks `yaml`'s `scoring` block with `plugin` in `context`.
func check(_ plugin: some EvaluatorPlugin, _ yaml: String, in context: AssessmentContext,
           sourceLocation: SourceLocation = #_sourceLocation) -> Checked {
    let reader = NodeReader()
    let evaluator = plugin.makeEvaluator(scoring: scoringNode(yaml, sourceLocation: sourceLocation), context: context, reader: reader)
    return Checked(evaluator: evaluator, diagnostics: Array(reader.diagnostics))
}

/// Checks a block that must be valid and answers its evaluator; records an issue otherwise.
func evaluator(_ plugin: some EvaluatorPlugin, _ yaml: String, in context: AssessmentContext,
               sourceLocation: SourceLocation = #_sourceLocation) throws -> any Evaluator {
    let checked = check(plugin, yaml, in: context, sourceLocation: sourceLocation)
    #expect(checked.diagnostics.isEmpty, "\(checked.lines)", sourceLocation: sourceLocation)
    return try #require(checked.evaluator, sourceLocation: sourceLocation)
}

/// The evaluation input for `answers` and `profile`, with the profile's names bound as the
/// engine binds them.
func answers(_ values: [String: Binding], profile: Profile = Profile()) -> EvaluationInput {
    var bindings = Bindings(values)
    for (name, binding) in profile.bindings { bindings[name] = binding }
    return EvaluationInput(bindings: bindings, profile: profile)
}

/// A bilateral number answer.
func sides(_ left: Double?, _ right: Double?) -> Binding {
    .bilateral(left: left.map { .number($0) }, right: right.map { .number($0) })
}

/// A single number answer.
func number(_ value: Double?) -> Binding { .single(value.map { .number($0) }) }

/// A single boolean answer.
func flag(_ value: Bool?) -> Binding { .single(value.map { .bool($0) }) }

/// The finding `id` on `side`, when raised.
func finding(_ evaluation: Evaluation, _ id: String, side: Side? = nil) -> RaisedFinding? {
    evaluation.findings.first { $0.id == id && $0.side == side }
}

/// Whether two numbers agree to well within report rounding.
func close(_ a: Double?, _ b: Double, tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance
}

