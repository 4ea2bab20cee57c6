import BackCheckPluginAPI
public import BackCheckYAML

/// Loads catalogue layers into a ``Catalogue``, checking everything and reporting every
/// problem in every file. A catalogue with any error is not returned: it is never used
/// half-loaded.
///
/// ```swift
/// let loader = CatalogueLoader(registry: .builtIn)
/// let result = loader.load([.builtIn])
/// for problem in result.diagnostics { print(problem) }
/// if let catalogue = result.catalogue { print(catalogue.assessments.map(\.id)) }
/// ```
public struct CatalogueLoader: Sendable {
    /// The plugins assessments may name.
    public var registry: PluginRegistry
    /// The parser's limits.
    public var limits: YAMLLimits

    /// Creates a loader.
    public init(registry: PluginRegistry, limits: YAMLLimits = .default) {
        self.registry = registry
        self.limits = limits
    }

    /// What loading gave.
    public struct Result: Sendable {
        /// The catalogue, or `nil` when there was any error.
        public var catalogue: Catalogue?
        /// Everything that could be read, errors or not: for `lint`, which runs the examples
        /// of the sound assessments even when others have errors. Never use it for a run.
        public var partial: Catalogue
        /// Every problem found, in file order.
        public var diagnostics: DiagnosticLog
    }

    /// Loads `layers` in order: a later layer's document replaces an earlier one with the
    /// same kind and id; within one layer a repeated id is an error naming both places.
    public func load(_ layers: [CatalogueLayer]) -> Result {
        let reader = NodeReader()
        let parser = YAMLParser(limits: limits)
        var documents: [DocumentKind: [String: CatalogueDocument]] = [:]
        var replacements: [Replacement] = []
        for (index, layer) in layers.enumerated() {
            for file in layer.files {
                let parsed = parser.parse(file.bytes, file: file.path)
                reader.report(contentsOf: parsed.diagnostics)
                for document in parsed.documents {
                    guard let entry = CatalogueDocument(document, layer: index, reader: reader) else { continue }
                    if let earlier = documents[entry.kind]?[entry.id] {
                        if earlier.layer == entry.layer {
                            reader.error(
                                "duplicate \(entry.kind.rawValue) id '\(entry.id)': already defined at \(earlier.root.mark); ids must be unique per kind",
                                at: entry.root["id"]?.mark ?? entry.root.mark)
                            continue
                        }
                        replacements.append(Replacement(
                            kind: entry.kind.rawValue, id: entry.id, replaced: earlier.root.mark, replacement: entry.root.mark))
                    }
                    documents[entry.kind, default: [:]][entry.id] = entry
                }
            }
        }
        let catalogue = build(documents, replacements: replacements, reader: reader)
        return Result(catalogue: reader.hasErrors ? nil : catalogue, partial: catalogue, diagnostics: reader.diagnostics)
    }

    private func build(
        _ documents: [DocumentKind: [String: CatalogueDocument]], replacements: [Replacement], reader: NodeReader
    ) -> Catalogue {
        func sorted(_ kind: DocumentKind) -> [CatalogueDocument] {
            (documents[kind] ?? [:]).values.sorted { $0.root.mark < $1.root.mark }
        }
        var norms: [String: NormsTable] = [:]
        for document in sorted(.norms) {
            if let table = NormsReader.read(document, reader: reader) { norms[table.id] = table }
        }
        var exercises: [String: Exercise] = [:]
        for document in sorted(.exercise) {
            if let exercise = ExerciseReader.read(document, reader: reader) { exercises[exercise.id] = exercise }
        }
        let assessmentReader = AssessmentReader(registry: registry, norms: norms)
        var assessments: [Assessment] = []
        var recommendations: [Recommendation] = []
        for document in sorted(.assessment) {
            if let assessment = assessmentReader.read(document, reader: reader, recommendations: &recommendations) {
                assessments.append(assessment)
            }
        }
        let catalogue = Catalogue(
            assessments: assessments.sorted { $0.id < $1.id }, exercises: exercises, norms: norms,
            replacements: replacements)
        ReferenceCheck.run(
            catalogue, recommendations: recommendations, exerciseIDs: Set((documents[.exercise] ?? [:]).keys), reader: reader)
        return catalogue
    }
}
