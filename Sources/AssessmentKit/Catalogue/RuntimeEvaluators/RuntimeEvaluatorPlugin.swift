import BackCheckExpressions
import BackCheckPluginAPI
import BackCheckYAML

/// The plugin made from a `kind: evaluator` document: it checks an assessment's `scoring`
/// block against the declared keys (and the module's own `backcheck_check`, when it has one)
/// and builds a ``ModuleEvaluator``.
struct RuntimeEvaluatorPlugin: EvaluatorPlugin {
    let declaration: EvaluatorDeclaration
    let module: any SandboxedModule

    var id: String { declaration.id }
    var summary: String { declaration.summary }
    /// The module file's SHA-256, which every report it scores records.
    var sha256: String { declaration.sha256 }

    var scoringKeys: [ScoringKey] {
        declaration.keys.map { ScoringKey($0.name, $0.kind.rawValue, required: $0.required, $0.doc) }
    }

    func makeEvaluator(scoring: YAMLNode, context: AssessmentContext, reader: NodeReader) -> (any Evaluator)? {
        let errorsBefore = reader.diagnostics.errorCount
        guard let fields = reader.mapping(scoring, of: "the \(id) scoring block") else { return nil }
        for key in declaration.keys {
            let node = key.required ? fields.requiredNode(key.name) : fields.node(key.name)
            if let node { check(node, as: key, context: context, reader: reader) }
        }
        fields.rejectUnknownKeys()
        guard reader.diagnostics.errorCount == errorsBefore else { return nil }
        let json = scoring.jsonValue
        if module.checksScoring {
            checkWithModule(json, scoring: scoring, reader: reader)
            guard reader.diagnostics.errorCount == errorsBefore else { return nil }
        }
        return ModuleEvaluator(
            evaluatorID: id, module: module, assessmentID: context.assessmentID, scoring: json,
            inputs: context.inputs, derived: Self.derivedNames(context),
            findings: Set(context.findings.map(\.id)))
    }

    private func check(_ node: YAMLNode, as key: EvaluatorDeclaration.Key, context: AssessmentContext, reader: NodeReader) {
        switch key.kind {
        case .number: _ = reader.read(Double.self, from: node)
        case .integer: _ = reader.read(Int.self, from: node)
        case .boolean: _ = reader.read(Bool.self, from: node)
        case .text: _ = reader.read(String.self, from: node)
        case .inputName: _ = context.readInput(node, reader: reader)
        case .findingID:
            guard let name = reader.read(String.self, from: node) else { return }
            if context.finding(name) == nil {
                let hint = Suggestion.hint(for: name, among: context.findings.map(\.id))
                reader.error("unknown finding '\(name)': declare it under 'findings'\(hint)", at: node.mark)
            }
        case .expression: _ = Expression(node: node, scope: context.scope, reader: reader)
        case .list:
            if node.sequence == nil { reader.error("'\(key.name)' must be a list, found \(node.kindDescription)", at: node.mark) }
        case .mapping:
            if node.mapping == nil { reader.error("'\(key.name)' must be a mapping, found \(node.kindDescription)", at: node.mark) }
        }
    }

    /// Asks the module's `backcheck_check`; each error goes to the node its path names.
    private func checkWithModule(_ json: JSONValue, scoring: YAMLNode, reader: NodeReader) {
        let input = JSONValue.object([("abi", .integer(1)), ("scoring", json)]).serialized()
        let output: [UInt8]
        do {
            output = try module.call(.check, input: Array(input.utf8))
        } catch {
            reader.error("the evaluator '\(id)' \(error.reason) while checking this scoring block", at: scoring.mark)
            return
        }
        guard let problems = ModuleOutput.checkErrors(output) else {
            reader.error(
                "the evaluator '\(id)' answered the scoring check with something other than {\"errors\": [{\"path\", \"message\"}]}",
                at: scoring.mark)
            return
        }
        for problem in problems {
            let node = ScoringPath.node(problem.path, in: scoring)
            reader.error("\(problem.message) (checked by the evaluator '\(id)')", at: (node ?? scoring).mark)
        }
    }

    private static func derivedNames(_ context: AssessmentContext) -> [String] {
        let inputs = Set(context.inputs.map(\.name))
        return context.scope.names.filter { !inputs.contains($0) && !$0.hasPrefix("profile.") }.sorted()
    }
}

/// A path such as `rules[0].good` into a scoring block.
enum ScoringPath {
    /// The node `path` names below the `scoring` mapping, or `nil` when it does not resolve.
    static func node(_ path: String, in scoring: YAMLNode) -> YAMLNode? {
        var path = Substring(path)
        if path.hasPrefix("scoring") { path = path.dropFirst("scoring".count) }
        var node = scoring
        while !path.isEmpty {
            if path.hasPrefix(".") { path = path.dropFirst() }
            if path.hasPrefix("[") {
                guard let close = path.firstIndex(of: "]"), let index = Int(path[path.index(after: path.startIndex)..<close]),
                      let items = node.sequence, items.indices.contains(index)
                else { return nil }
                node = items[index]
                path = path[path.index(after: close)...]
            } else {
                let end = path.firstIndex { $0 == "." || $0 == "[" } ?? path.endIndex
                guard let next = node[String(path[..<end])] else { return nil }
                node = next
                path = path[end...]
            }
        }
        return node
    }
}
