public import BackCheckPluginAPI
public import BackCheckYAML

/// Loads catalogue layers into a ``Catalogue``, checking everything and reporting every
/// problem in every file. A catalogue with any error is not returned: it is never used
/// half-loaded.
///
/// ```swift
/// let loader = CatalogueLoader(registry: .builtIn)   // from BuiltinEvaluators
/// let result = loader.load([.builtIn])
/// for problem in result.diagnostics { print(problem) }
/// if let catalogue = result.catalogue { print(catalogue.assessments.map(\.id)) }
/// ```
public struct CatalogueLoader: Sendable {
    /// The plugins assessments may name.
    public var registry: PluginRegistry
    /// The parser's limits.
    public var limits: YAMLLimits
    /// Whether each assessment's digest is worked out at load, from the tree just read, rather
    /// than by parsing its file again when a report first asks for it. Commands that report
    /// (`run`, `batch`) turn it on, so no file is parsed twice in a run; `lint` and the
    /// listings leave it off, since they never ask and hashing every definition costs loading
    /// about a tenth of its time.
    public var digestsAtLoad: Bool
    /// Whether the built-in catalogue's assessments are read without their `examples` (their
    /// ``Assessment/examples`` left empty). A report never uses an example, and the built-in
    /// ones are checked when the program is tested (`backcheck lint` runs them all), so the
    /// commands that report turn it on: reading them is about a twentieth of a `run`. An
    /// author's `--catalog` layers are always read whole, so a broken example still stops a run.
    public var skipsBuiltInExamples: Bool
    /// Whether each assessment keeps the examples it was read with (``Assessment/examples``).
    /// Every example is read and checked either way, so a broken one is reported, and stops a
    /// run, just the same; turned off, they are then let go (each assessment's list is empty)
    /// and their answers never copied out of the file. Only running them needs them kept
    /// (``ExampleRunner``): the commands that never do turn it off, and a large catalogue
    /// then holds about a sixth less memory. ``lint(_:)`` runs them whatever this says.
    public var keepsExamples: Bool
    /// The ids of the only assessments kept, with every red-flag screen (a report always
    /// screens); `nil`, the default, keeps them all. Every other assessment is still read and
    /// checked, so a broken one is reported, and stops a run, just the same; it is then let go
    /// and only its id kept (``Catalogue/assessmentsLeftOut``). For a run that scores answers
    /// to a few tests out of a large catalogue, which then holds those alone.
    public var keepsOnly: Set<String>?
    /// Whether each assessment keeps the words that guide someone through the test: its
    /// ``Assessment/summary``, ``Assessment/equipment`` and ``Assessment/instructions``, and
    /// each input's ``AssessmentInput/help``. They are read and checked either way, so a
    /// missing summary still stops a run; turned off, they are then let go (empty, and every
    /// `help` `nil`). Only a guided session, `show`, the catalogue site and the answers schema
    /// show them; no report does. A command that scores answers from a file turns it off: they
    /// are about a tenth of what a large catalogue holds.
    public var keepsGuidance: Bool
    /// Whether ``Result/diagnostics`` holds the warnings, or only counts them (in its
    /// `count`; see ``DiagnosticLog/keepsWarnings``). Errors are always kept. A command that
    /// only says how many warnings there are turns it off: a large catalogue can have tens of
    /// thousands. ``lint(_:)`` keeps them whatever this says.
    public var keepsWarnings: Bool

    /// Creates a loader.
    public init(
        registry: PluginRegistry, limits: YAMLLimits = .default, digestsAtLoad: Bool = false, skipsBuiltInExamples: Bool = false,
        keepsExamples: Bool = true, keepsOnly: Set<String>? = nil, keepsGuidance: Bool = true, keepsWarnings: Bool = true
    ) {
        self.registry = registry
        self.limits = limits
        self.digestsAtLoad = digestsAtLoad
        self.skipsBuiltInExamples = skipsBuiltInExamples
        self.keepsExamples = keepsExamples
        self.keepsOnly = keepsOnly
        self.keepsGuidance = keepsGuidance
        self.keepsWarnings = keepsWarnings
    }

    /// A definition's digest: known when the build worked it out (the built-in catalogue),
    /// else worked out from its file when first asked for; `nil` (so it is worked out now,
    /// from the tree) when ``digestsAtLoad`` is on.
    func digest(of file: CatalogueLayer.File, document: Int) -> DefinitionDigest? {
        if document < file.knownDigests.count { return DefinitionDigest(known: file.knownDigests[document]) }
        return digestsAtLoad ? nil : DefinitionDigest(
            source: DefinitionDigest.Source(bytes: file.bytes, path: file.path, document: document, limits: limits))
    }

    /// What of `file` is parsed: a built-in file's text before its trailing examples when they
    /// are left unread and the build found where they start, else all of it.
    func bytesToParse(_ file: CatalogueLayer.File, builtIn: Bool) -> [UInt8] {
        guard builtIn, skipsBuiltInExamples, let start = file.examplesStart, start <= file.bytes.count else { return file.bytes }
        return Array(file.bytes[..<start])
    }

    /// Loads `layers` in order: a later layer's document replaces an earlier one with the
    /// same kind and id; within one layer a repeated id is an error naming both places.
    ///
    /// Files are parsed and documents read a few at a time, spread over the cores, and each
    /// document's YAML tree is dropped once it is read, so memory stays flat in the number of
    /// files. Within each layer the files holding norms are read first, so an assessment is
    /// parsed and read once; only one read before a later layer's norms is read again at the
    /// end (its file parsed anew), so the result is the same as reading everything at once.
    ///
    /// With ``digestsAtLoad`` on, the bytes of each file read from disk are let go once it is
    /// read, as ``lint(_:)`` does: pass the layers with `consume` when they are not needed
    /// afterwards, so a big folder is not held whole beside the catalogue it becomes. An
    /// assessment read again at the end has its file read again from disk; if the file has
    /// changed since, that is an error. (With digests worked out when asked for, each keeps its
    /// file's bytes until then, and nothing is let go.)
    public func load(_ layers: consuming [CatalogueLayer]) -> Result {
        let reader = NodeReader(keepsWarnings: keepsWarnings)
        let (registry, parsed, unusable, _) = registry(adding: layers, reader: reader)
        var store = DocumentStore()
        store.builtInLayers = CatalogueLayer.builtInLayers(of: layers)
        store = read(
            &layers, into: store, registry: registry, unusable: unusable, parsed: parsed, reader: reader,
            releasingBytes: digestsAtLoad)
        let catalogue = store.finish(registry: registry, reader: reader)
        var result = Result(catalogue: reader.hasErrors ? nil : catalogue, partial: catalogue, diagnostics: reader.diagnostics)
        result.assessmentsReadAgain = store.assessmentsReadAgain
        // What only the load needed is freed on another core, idle by now: freeing it here was
        // the last serial stretch of a large load (18 ms of 1.4 s for 10 000 files).
        if store.assessments.count >= DocumentStore.worthAnotherCore { Threads.release(store) }
        return result
    }

    /// Loads `layers` as ``load(_:)`` does and runs every cleanly read assessment's examples
    /// (as ``ExampleRunner/check(_:)`` would), keeping only what they gave: memory stays flat
    /// however many files there are, as no catalogue is built. For `backcheck lint`.
    ///
    /// Pass the layers with `consume` when they are not needed afterwards: each file's bytes
    /// are then let go once it is read, so a big folder is never held whole.
    public func lint(_ layers: consuming [CatalogueLayer]) -> LintResult {
        let reader = NodeReader()
        var store = DocumentStore()
        store.runsExamplesAndDrops = true
        store.builtInLayers = CatalogueLayer.builtInLayers(of: layers)
        let (registry, parsed, unusable, modules) = registry(adding: layers, reader: reader)
        store = read(&layers, into: store, registry: registry, unusable: unusable, parsed: parsed, reader: reader, releasingBytes: true)
        _ = store.finish(registry: registry, reader: reader)
        let read = store.assessments.values.sorted { $0.mark < $1.mark }
        var diagnostics = reader.diagnostics
        for entry in read { diagnostics.append(contentsOf: entry.exampleDiagnostics) }
        return LintResult(
            diagnostics: diagnostics, assessments: read.filter(\.readCleanly).count,
            examples: read.reduce(0) { $0 + $1.examplesRun }, exampleOutcomes: read.flatMap(\.exampleOutcomes), modules: modules)
    }

    /// Parses the files and reads their documents into `store`. Each file's documents are read
    /// on the thread that parsed it, at once, while its tree is still in the cache; the tree is
    /// freed there too. The calling thread only applies the layer rules, in file order.
    ///
    /// Up to the last batch holding norms, batches are read one at a time, each against the
    /// norms of the batches before it. After it, no file changes how the next is read, so the
    /// rest are streamed over every core, the calling thread taking each file's documents in
    /// turn and reading files itself while the next is not ready: no core waits at the end of
    /// a batch, or while documents are added.
    ///
    /// With `releasingBytes`, the bytes of a file read from disk are let go once it is read,
    /// unless a later batch brings norms (its assessments may then be read again). Should
    /// that happen anyway (a norms document the scan missed), the file is read once more.
    private func read(
        _ layers: inout [CatalogueLayer], into store: DocumentStore, registry: PluginRegistry, unusable: [String: SourceMark],
        parsed preparsed: [RuntimeEvaluatorLoader.FileKey: YAMLParseResult], reader: NodeReader,
        releasingBytes: Bool
    ) -> DocumentStore {
        var store = store
        let batches = Self.batches(layers)
        let lastNormsBatch = batches.lastIndex { $0.holdsNorms } ?? -1
        let preparation = { (store: DocumentStore) in
            FilePreparation(
                loader: self, parser: YAMLParser(limits: limits, allowsTags: false), preparsed: preparsed, releasingBytes: releasingBytes,
                assessmentReader: readerOfAssessments(against: store, registry: registry, unusable: unusable),
                generation: store.normsGeneration, runsExamples: store.runsExamplesAndDrops)
        }
        for batch in batches.prefix(lastNormsBatch + 1) {
            let preparing = preparation(store)
            // In a scope of its own, so that nothing of the batch outlives it.
            do {
                let files = batch.files.map { layers[$0.layer].files[$0.file] }
                let builtIn = batch.files.map { layers[$0.layer].isBuiltIn }
                let prepared = ParallelMap.map(batch.files.count, minimumCount: 4) { index in
                    preparing.prepare(files[index], layer: batch.files[index].layer, number: batch.files[index].file, builtIn: builtIn[index])
                }
                for file in prepared { file.merge(into: &store, reader: reader) }
            }
            store.readNewNorms()
        }
        let rest = batches.dropFirst(lastNormsBatch + 1).flatMap(\.files)
        var released = ReleasedFiles()
        if !rest.isEmpty {
            let preparing = preparation(store)
            let chunks = stride(from: 0, to: rest.count, by: Self.filesPerHandOver).map { start in
                FilesHandedOver(rest[start..<min(rest.count, start + Self.filesPerHandOver)].map { layer, number in
                    (layers[layer].files[number], layer, number, layers[layer].isBuiltIn)
                })
            }
            var taken = 0
            ParallelMap.forEachInOrder(chunks.count, window: Self.filesInFlight / Self.filesPerHandOver) { chunk in
                chunks[chunk].take().map { preparing.prepare($0.file, layer: $0.layer, number: $0.number, builtIn: $0.builtIn) }
            } consume: { files in
                for file in files {
                    file.merge(into: &store, reader: reader)
                    if let fingerprint = file.fingerprint {
                        let (layer, number) = rest[taken]
                        released.release(RuntimeEvaluatorLoader.FileKey(layer: layer, file: number), in: &layers, fingerprint: fingerprint)
                    }
                    taken += 1
                }
            }
            // A norms document the scan missed is read now; what was read before it is stale.
            store.readNewNorms()
        }
        // Assessments read before a norms document arrived (the built-in ones, whose norms
        // come later in the same batch) are read again, their files parsed anew, on every core.
        let parser = YAMLParser(limits: limits, allowsTags: false)
        let stale = store.staleAssessments.compactMap { store.assessments[$0] }
        let assessmentReader = readerOfAssessments(against: store, registry: registry, unusable: unusable)
        let withoutExamples = assessmentReader.withoutExamples
        let staleBuiltIn = stale.map { layers[$0.location.layer].isBuiltIn && skipsBuiltInExamples }
        let generation = store.normsGeneration
        let runsExamples = store.runsExamplesAndDrops
        let staleKeys = stale.map { RuntimeEvaluatorLoader.FileKey(layer: $0.location.layer, file: $0.location.file) }
        let staleFiles = released.restoring(staleKeys, of: layers, limit: limits.maxFileBytes, reader: reader)
        let reread = ParallelMap.map(stale.count) { index -> DocumentStore.Entry<Assessment>? in
            var entry = stale[index]
            let location = entry.location
            guard let file = staleFiles[staleKeys[index]], !file.bytes.isEmpty else { return nil }
            let documents = parser.parse(bytesToParse(file, builtIn: staleBuiltIn[index]), file: file.path).documents
            guard location.document < documents.count,
                  var document = CatalogueDocument(documents[location.document], layer: location.layer, reader: NodeReader())
            else { return nil }
            document.digest = digest(of: file, document: location.document)
            entry.document = document
            return DocumentStore.readAssessment(
                entry, with: staleBuiltIn[index] ? withoutExamples : assessmentReader, generation: generation, examples: runsExamples)
        }
        for case let entry? in reread { store.replaceAssessment(entry) }
        store.assessmentsReadAgain = stale.count
        return store
    }

    /// The reader of assessments against `store`'s norms; examples are kept when asked to,
    /// or when they are run as each assessment is read (`lint`).
    private func readerOfAssessments(against store: DocumentStore, registry: PluginRegistry, unusable: [String: SourceMark]) -> AssessmentReader {
        var reader = AssessmentReader(
            registry: registry, norms: store.normsTables, unusableEvaluators: unusable, unusableNorms: store.unusableNorms)
        reader.keepsExamples = keepsExamples || store.runsExamplesAndDrops
        // `lint` keeps no assessment anyway, and counts every one it ran.
        reader.keepsOnly = store.runsExamplesAndDrops ? nil : keepsOnly
        reader.keepsGuidance = keepsGuidance
        return reader
    }

    /// ``registry`` with the evaluators that `layers` bring as modules, the files parsed to
    /// find them, and the paths of the modules.
    private func registry(adding layers: [CatalogueLayer], reader: NodeReader)
        -> (PluginRegistry, [RuntimeEvaluatorLoader.FileKey: YAMLParseResult], [String: SourceMark], modules: [String])
    {
        RuntimeEvaluatorLoader(registry: registry, parser: YAMLParser(limits: limits, allowsTags: false))
            .registry(adding: layers, reader: reader)
    }
}
