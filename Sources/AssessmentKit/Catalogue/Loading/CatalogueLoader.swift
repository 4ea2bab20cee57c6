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
    ///
    /// Files are parsed and documents read a batch at a time, spread over the cores, and each
    /// document's YAML tree is dropped once it is read, so memory stays flat in the number of
    /// files. An assessment read before a later norms document arrived is read again at the
    /// end (its file parsed anew), so the result is the same as reading everything at once.
    public func load(_ layers: [CatalogueLayer]) -> Result {
        let reader = NodeReader()
        let catalogue = read(layers, into: DocumentStore(), reader: reader).finish(reader: reader)
        return Result(catalogue: reader.hasErrors ? nil : catalogue, partial: catalogue, diagnostics: reader.diagnostics)
    }

    /// What checking a catalogue gave (see ``lint(_:)``).
    public struct LintResult: Sendable {
        /// Every loading problem, then every failing example.
        public var diagnostics: DiagnosticLog
        /// The assessments that read without errors (their examples were run).
        public var assessments: Int
        /// The examples run.
        public var examples: Int
    }

    /// Loads `layers` as ``load(_:)`` does and runs every cleanly read assessment's examples
    /// (as ``ExampleRunner/check(_:)`` would), keeping only what they gave: memory stays flat
    /// however many files there are, as no catalogue is built. For `backcheck lint`.
    public func lint(_ layers: [CatalogueLayer]) -> LintResult {
        let reader = NodeReader()
        var store = DocumentStore()
        store.runsExamplesAndDrops = true
        store = read(layers, into: store, reader: reader)
        _ = store.finish(reader: reader)
        let read = store.assessments.values.sorted { $0.mark < $1.mark }
        var diagnostics = reader.diagnostics
        for entry in read { diagnostics.append(contentsOf: entry.exampleDiagnostics) }
        return LintResult(
            diagnostics: diagnostics, assessments: read.filter(\.readCleanly).count,
            examples: read.reduce(0) { $0 + $1.examplesRun })
    }

    /// Parses the files and reads their documents into `store`, a batch at a time. The reading
    /// of one batch's documents and the parsing of the next batch's files share the cores, so
    /// there is one wait for the slowest thread per batch, not two.
    private func read(_ layers: [CatalogueLayer], into store: DocumentStore, reader: NodeReader) -> DocumentStore {
        let parser = YAMLParser(limits: limits)
        let files = layers.indices.flatMap { layer in layers[layer].files.indices.map { (layer: layer, file: $0) } }
        var store = store
        var start = 0
        var waiting: DocumentStore.ReadWork?
        repeat {
            let batch = Array(files[start..<min(files.count, start + Self.batchSize)])
            start += batch.count
            do {
                // Scoped so that the store holds the only references to the trees when they are read.
                let work = waiting
                waiting = nil
                let reads = work?.count ?? 0
                let results = ParallelMap.map(reads + batch.count, minimumCount: 4) { index -> LoadStep in
                    if let work, index < reads { return .read(work.read(index)) }
                    let file = layers[batch[index - reads].layer].files[batch[index - reads].file]
                    return .parsed(parser.parse(file.bytes, file: file.path))
                }
                store.finish(results.lazy.compactMap(\.readOutcome))
                for (index, result) in results[reads...].compactMap(\.parseResult).enumerated() {
                    reader.report(contentsOf: result.diagnostics)
                    for (number, document) in result.documents.enumerated() {
                        guard let entry = CatalogueDocument(document, layer: batch[index].layer, reader: reader) else { continue }
                        let location = DocumentLocation(layer: batch[index].layer, file: batch[index].file, document: number)
                        store.add(entry, at: location, reader: reader)
                    }
                }
            }
            waiting = store.takeWaitingWork(registry: registry)
        } while start < files.count || waiting != nil
        for id in store.staleAssessments {
            guard let location = store.assessments[id]?.location else { continue }
            let file = layers[location.layer].files[location.file]
            let documents = parser.parse(file.bytes, file: file.path).documents
            guard location.document < documents.count,
                  let entry = CatalogueDocument(documents[location.document], layer: location.layer, reader: NodeReader())
            else { continue }
            store.reread(id, from: entry, registry: registry)
        }
        return store
    }

    /// How many files are parsed, and their documents read, at a time: enough to keep every
    /// core busy, few enough that their trees take little memory.
    static let batchSize = 64
}

/// One piece of a loading step: a document read, or a file parsed.
private enum LoadStep: Sendable {
    case read(DocumentStore.ReadOutcome)
    case parsed(YAMLParseResult)

    var readOutcome: DocumentStore.ReadOutcome? {
        if case .read(let outcome) = self { return outcome }
        return nil
    }

    var parseResult: YAMLParseResult? {
        if case .parsed(let result) = self { return result }
        return nil
    }
}
