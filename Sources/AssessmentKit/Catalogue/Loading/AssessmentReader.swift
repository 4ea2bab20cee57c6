import BackCheckExpressions
import BackCheckPluginAPI
import BackCheckYAML

/// Reads `kind: assessment` documents (spec 3) and builds their evaluators.
struct AssessmentReader {
    var registry: PluginRegistry
    var norms: [String: NormsTable]
    /// Evaluator documents of the catalogue that had errors, by id, with where each is defined.
    var unusableEvaluators: [String: SourceMark] = [:]
    /// Norms documents of the catalogue that had errors, by id, with where each is defined: an
    /// assessment using one is told to fix it, not that no such table exists.
    var unusableNorms: [String: SourceMark] = [:]
    /// Whether `examples` are read (see ``CatalogueLoader/skipsBuiltInExamples``); when not,
    /// the key is still allowed and the assessment has none.
    var readsExamples = true
    /// Whether the examples read are kept in the model (see ``CatalogueLoader/keepsExamples``);
    /// when not, they are still read and checked, so a broken one is reported all the same.
    var keepsExamples = true
    /// The ids of the only assessments kept (see ``CatalogueLoader/keepsOnly``).
    var keepsOnly: Set<String>?
    /// Whether the words guiding someone through a test are kept once checked (see
    /// ``CatalogueLoader/keepsGuidance``).
    var keepsGuidance = true

    /// Whether the assessment `id`, scored by `evaluatorID`, is kept once read.
    func keeps(_ id: String, evaluatorID: String) -> Bool {
        keepsOnly.map { $0.contains(id) || Assessment.isRedFlagScreen(evaluatorID: evaluatorID) } ?? true
    }

    /// This reader, leaving `examples` unread.
    var withoutExamples: AssessmentReader {
        var reader = self
        reader.readsExamples = false
        return reader
    }

    /// Reads one assessment. Its recommendations are added to `recommendations` even when the
    /// assessment has other errors, so a misspelt exercise is reported in the same pass.
    func read(_ document: CatalogueDocument, reader: NodeReader, recommendations: inout [Recommendation]) -> Assessment? {
        guard let fields = reader.mapping(document.root, of: "an assessment") else { return nil }
        let version = fields.required("version", as: Int.self, in: 1...)
        let title = fields.required("title", as: String.self)
        let category = fields.required("category", as: Category.self)
        let regions = fields.optional("regions", as: [String].self) ?? []
        let duration = fields.required("duration_min", as: Double.self, in: 0.5...240)
        let retestWeeks = fields.optional("retest_weeks", as: Int.self, in: 1...52)
        let summary = fields.required("summary", as: String.self)
        let equipment = fields.optional("equipment", as: [String].self) ?? []
        let instructions = fields.required("instructions", as: String.self)
        var inputsFailed = false
        let inputsBlock = fields.requiredMapping("inputs", of: "the inputs")
        var unreadable: [String] = []
        let readInputs = inputsBlock.map { InputReader.readAll($0, reader: reader, failed: &inputsFailed, unreadable: &unreadable) } ?? []
        // An input or derived value that could not be read has said why; every expression
        // naming it would say "unknown name" again, so those are left out (the assessment is
        // refused either way).
        let body = NodeReader()
        var unreadableDerived: Set<String> = []
        defer {
            reader.report(contentsOf: pointingAtBrokenNorms(body.diagnostics).filtered { diagnostic in
                !(unreadable + unreadableDerived).contains { name in
                    diagnostic.message.hasPrefix("unknown name '\(name)'") || diagnostic.message.hasPrefix("unknown input '\(name)'")
                }
            })
        }
        let inputs: [AssessmentInput]? = inputsBlock == nil || inputsFailed ? nil : readInputs
        var scope = Scope()
        for input in readInputs { scope.declare(input.name, input.spec.nameInfo) }
        let derived = fields.optionalMapping("derived", of: "the derived values").map { readDerived($0, scope: &scope, reader: body, unreadable: &unreadableDerived) }
        var findingsFailed = false
        let findingsBlock = fields.requiredMapping("findings", of: "the findings")
        let readFindings = findingsBlock.map { FindingReader.readAll($0, scope: scope, reader: body, failed: &findingsFailed) } ?? []
        recommendations += readFindings.flatMap(\.recommend)
        let evidence = fields.requiredMapping("evidence", of: "the evidence").flatMap { readEvidence($0) }
        let references = fields.required("references", as: [String].self)
        let evaluatorNode = fields.requiredNode("evaluator")
        let scoringNode = fields.requiredNode("scoring")
        let examplesNode = fields.node("examples")
        fields.rejectUnknownKeys(alsoKnown: CatalogueDocument.headerKeys)
        // Examples run only once the assessment reads cleanly; until then their answers are
        // still checked against the inputs, so their mistakes show in this pass, not the next.
        var refused = true
        defer {
            if refused, let inputs, let examplesNode {
                ExampleReader.checkAnswers(
                    examplesNode, id: document.id, inputs: inputs,
                    isRedFlagScreen: Assessment.isRedFlagScreen(evaluatorID: evaluatorNode?.scalar?.text ?? ""), reader: body)
            }
        }

        // The scoring block is checked against every input and finding that could be read, so
        // its own mistakes show in the same pass; the assessment is refused if anything failed.
        guard inputsBlock != nil, findingsBlock != nil, !readInputs.isEmpty, !readFindings.isEmpty else { return nil }
        let context = AssessmentContext(
            assessmentID: document.id, inputs: readInputs.map(\.spec), findings: readFindings.map(\.spec), scope: scope, norms: norms)
        let evaluator = evaluatorNode.flatMap { node in
            makeEvaluator(node, scoring: scoringNode, context: context, reader: body)
        }
        body.report(contentsOf: MeasurementErrorCheck.warnings(
            scoring: scoringNode, inputs: readInputs, derived: ((derived ?? nil) ?? []).map { ($0.name, $0.expression.source) }))
        // A finding the scoring block never names can never be raised, nor its exercises
        // recommended. (A WebAssembly module names its findings in its code: not checked.)
        if let evaluator, evaluator.sha256 == nil, let scoringNode {
            // A finding is usually named within the first few rules: the walk stops once all are.
            var unnamed = readFindings.map(\.id)
            _ = scoringNode.forEachScalarText(includingKeys: true) { text in
                unnamed.removeAll { $0.isSameText(as: text) }
                return !unnamed.isEmpty
            }
            for finding in readFindings where unnamed.contains(finding.id) {
                body.warning(
                    "finding '\(finding.id)' is never raised: no part of 'scoring' names it, so it and its exercises never reach a report; raise it from a rule, or remove it",
                    at: finding.mark)
            }
        }
        let examples = readsExamples ? examplesNode.map { ExampleReader.readAll($0, findings: readFindings, keeping: keepsExamples, reader: body) } : nil
        guard let inputs, !findingsFailed, !readFailed(derived) else { return nil }
        let findings = readFindings
        guard let version, let title, let category, let duration, let summary, let instructions, let evidence,
              let references, let evaluatorNode, let (evaluatorID, evaluator, evaluatorSHA256) = evaluator, !readFailed(examples)
        else { return nil }
        _ = evaluatorNode
        let assessment = Assessment(Assessment.Fields(
            id: document.id, version: version, title: title, category: category, regions: regions,
            durationMinutes: duration, retestWeeks: retestWeeks ?? 4, summary: keepsGuidance ? summary : "",
            equipment: keepsGuidance ? equipment : [], instructions: keepsGuidance ? instructions : "",
            inputs: keepsGuidance ? inputs : inputs.map(\.withoutHelp), derived: (derived ?? nil) ?? [],
            evaluatorID: evaluatorID, evaluator: evaluator, evaluatorSHA256: evaluatorSHA256,
            findings: findings, evidence: evidence, references: references, examples: (examples ?? nil) ?? [],
            // One that is let go never reaches a report: its digest would be hashed for nothing.
            definitionDigest: document.digest ?? DefinitionDigest(known: keeps(document.id, evaluatorID: evaluatorID) ? Digest.of(document.root) : ""),
            mark: document.root.mark))
        refused = false
        return assessment
    }

    /// Compiles the derived values in order; each may use the inputs and the values before it.
    private func readDerived(
        _ fields: MappingReader, scope: inout Scope, reader: NodeReader, unreadable: inout Set<String>
    ) -> [DerivedValue]? {
        var values: [DerivedValue] = []
        var failed = false
        let entries = fields.allEntries()
        // Each name's first place, worked out once: which names are further down is then a lookup.
        var places: [String: (position: Int, line: Int)] = [:]
        for (position, entry) in entries.enumerated() where places[entry.key] == nil {
            places[entry.key] = (position, entry.keyNode.mark.line)
        }
        for (position, (name, keyNode, node)) in entries.enumerated() {
            defer { if values.last?.name != name { unreadable.insert(name) } }
            guard Identifier.isSnakeCase(name) else {
                reader.error("derived name '\(name)' must be snake_case", at: keyNode.mark)
                failed = true
                continue
            }
            if let reason = ReservedNames.reason(name) {
                reader.error("derived name '\(name)' \(reason); choose another", at: keyNode.mark)
                failed = true
                continue
            }
            if scope.info(for: name) != nil {
                reader.error("derived name '\(name)' is already an input's name; choose another", at: keyNode.mark)
                failed = true
                continue
            }
            // Read aside, so an unknown name that is a derived value below (or one above that
            // failed) is told as such rather than as a name that does not exist.
            let aside = NodeReader()
            let expression = Expression(node: node, scope: scope, reader: aside)
            reader.report(contentsOf: aside.diagnostics.map { diagnostic in
                Self.explainOrder(
                    diagnostic, defining: name, below: { name in places[name].flatMap { $0.position > position ? $0.line : nil } },
                    unreadable: unreadable)
            })
            guard let expression else { failed = true; continue }
            scope.declare(name, NameInfo(kind: expression.resultKind ?? .number, bilateral: expression.isPerSide))
            values.append(DerivedValue(name: name, expression: expression))
        }
        return failed ? nil : values
    }

    /// An "unknown name" diagnostic about a derived value that is defined further down, that
    /// could not be read, or that is the one being defined, says so: derived values are read in
    /// order. (The last must not stay "unknown name": that wording is dropped as an echo of an
    /// unreadable value's own error, and the assessment would vanish without a word.)
    private static func explainOrder(
        _ diagnostic: Diagnostic, defining: String, below: (String) -> Int?, unreadable: Set<String>
    ) -> Diagnostic {
        guard diagnostic.message.hasPrefix("unknown name '"),
              let name = diagnostic.message.dropFirst("unknown name '".count).split(separator: "'").first.map(String.init)
        else { return diagnostic }
        var explained = diagnostic
        if name == defining {
            explained.message = "derived value '\(name)' uses itself; a derived value can use only the inputs and the derived values above it"
        } else if let line = below(name) {
            explained.message = "'\(name)' is a derived value defined below (line \(line)); a derived value can use only the inputs and the derived values above it, so move '\(name)' up (two derived values cannot use each other)"
        } else if unreadable.contains(name) {
            explained.message = "'\(name)' is a derived value above that could not be read; fix its error first"
        }
        return explained
    }

    private func readEvidence(_ fields: MappingReader) -> Evidence? {
        let level = fields.required("level", as: EvidenceLevel.self)
        let note = fields.optional("note", as: String.self)
        let provenance = fields.optional("provenance", as: String.self)
        fields.rejectUnknownKeys()
        return level.map { Evidence(level: $0, note: note, provenance: provenance) }
    }

    /// `diagnostics` with each "unknown norms table" for a table that exists but has errors
    /// turned into a pointer to it: its own errors are printed where it is defined.
    private func pointingAtBrokenNorms(_ diagnostics: DiagnosticLog) -> DiagnosticLog {
        guard !unusableNorms.isEmpty else { return diagnostics }
        return DiagnosticLog(diagnostics.all.map { diagnostic in
            let prefix = "unknown norms table '"
            guard diagnostic.message.hasPrefix(prefix),
                  let id = diagnostic.message.dropFirst(prefix.count).split(separator: "'").first.map(String.init),
                  let defined = unusableNorms[id]
            else { return diagnostic }
            return .error(
                "the norms table '\(id)' (defined at \(defined)) could not be read; fix its errors first (the measures are checked once it reads)",
                at: diagnostic.mark)
        })
    }

    private func makeEvaluator(
        _ node: YAMLNode, scoring: YAMLNode?, context: AssessmentContext, reader: NodeReader
    ) -> (String, any Evaluator, sha256: String?)? {
        guard let id = reader.read(String.self, from: node) else { return nil }
        guard let plugin = registry.plugin(id) else {
            if let defined = unusableEvaluators[id] {
                // Its own errors are printed where it is defined; this only points there.
                reader.error(
                    "the evaluator '\(id)' (defined at \(defined)) could not be loaded; fix its errors first (the scoring block is checked once it loads)",
                    at: node.mark)
                return nil
            }
            let hint = Suggestion.hint(for: id, among: registry.ids)
            // Only the evaluator knows its scoring block, so say it went unchecked.
            reader.error(
                "unknown evaluator '\(id)'\(hint)\(hint.isEmpty ? "; known" : " Known"): \(registry.ids.joined(separator: ", ")) (the scoring block is checked once the evaluator is known)",
                at: node.mark)
            return nil
        }
        guard let scoring else { return nil }
        let sha256 = (plugin as? RuntimeEvaluatorPlugin)?.sha256
        return plugin.makeEvaluator(scoring: scoring, context: context, reader: reader).map { (id, $0, sha256) }
    }
}
