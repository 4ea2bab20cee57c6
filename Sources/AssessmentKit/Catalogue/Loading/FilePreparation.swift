import BackCheckPluginAPI
import BackCheckYAML

/// What a worker thread does with one file: parse it (unless the evaluator pass already did),
/// look for an author's leftovers, and read each document while its tree is still in the
/// cache. Everything it needs is fixed for a batch, or for the whole stream of files after the
/// last norms, so one value serves every file of it.
struct FilePreparation: Sendable {
    var loader: CatalogueLoader
    var parser: YAMLParser
    /// Files the evaluator pass parsed, which are not parsed again.
    var preparsed: [RuntimeEvaluatorLoader.FileKey: YAMLParseResult]
    /// Whether files read from disk are to be let go once read (so each gets a fingerprint).
    var releasingBytes: Bool
    var assessmentReader: AssessmentReader
    /// The norms generation `assessmentReader` reads against (see ``DocumentStore/staleAssessments``).
    var generation: Int
    var runsExamples: Bool

    /// Parses `file`, the `number`-th of layer `layer`, and reads its documents.
    func prepare(_ file: CatalogueLayer.File, layer: Int, number: Int, builtIn: Bool) -> PreparedFile {
        let parsed = preparsed[RuntimeEvaluatorLoader.FileKey(layer: layer, file: number)]
            ?? parser.parse(loader.bytesToParse(file, builtIn: builtIn), file: file.path)
        let fingerprint = releasingBytes && ReleasedFiles.canRelease(file) ? ReleasedFiles.fingerprint(of: file.bytes) : nil
        // The built-in catalogue is finished text; only an author's files are searched.
        var diagnostics = parsed.diagnostics
        if !builtIn {
            // Passing because there was nothing in it must not look like passing.
            if parsed.documents.isEmpty, parsed.diagnostics.isEmpty {
                diagnostics.warning(
                    "the file holds no YAML document (it is empty or only comments); write one, or delete the file",
                    at: SourceMark(file: file.path, line: 1, column: 1))
            }
            diagnostics.append(contentsOf: PlaceholderCheck.warnings(parsed.documents, bytes: file.bytes))
            diagnostics.append(contentsOf: UnsourcedNumberCheck.warnings(parsed.documents))
        }
        let reader = builtIn && loader.skipsBuiltInExamples ? assessmentReader.withoutExamples : assessmentReader
        let documents = parsed.documents.enumerated().map { place, document in
            prepare(document, at: DocumentLocation(layer: layer, file: number, document: place), of: file, reader: reader)
        }
        return PreparedFile(diagnostics: diagnostics, fingerprint: fingerprint, documents: documents)
    }

    private func prepare(
        _ document: YAMLDocument, at location: DocumentLocation, of file: CatalogueLayer.File, reader assessmentReader: AssessmentReader
    ) -> (header: DiagnosticLog, document: PreparedDocument?) {
        let headerReader = NodeReader()
        var header = CatalogueDocument(document, layer: location.layer, reader: headerReader)
        header?.digest = loader.digest(of: file, document: location.document)
        // Evaluator documents were read first, with their diagnostics — unless the first
        // pass's scan for `kind: evaluator` missed this file.
        if let header, header.kind == .evaluator {
            var missed = DiagnosticLog()
            if !KindScan.mentions("evaluator", in: file.bytes) {
                missed.append(.error(
                    "this evaluator document could not be found before the assessments were read; write its kind on one line as 'kind: evaluator'",
                    at: header.root["kind"]?.mark ?? header.root.mark))
            }
            return (missed, nil)
        }
        return (headerReader.diagnostics, header.map {
            PreparedDocument($0, at: location, assessmentReader: assessmentReader, generation: generation, runsExamples: runsExamples)
        })
    }
}

/// What parsing one file and reading its documents gave: the parser's problems, and per
/// document the problems with its header and the document, when the header was sound.
struct PreparedFile: Sendable {
    var diagnostics: DiagnosticLog
    /// The file's fingerprint, when its bytes are to be let go once read.
    var fingerprint: Int?
    var documents: [(header: DiagnosticLog, document: PreparedDocument?)]

    /// Reports the file's problems and applies the layer rules to its documents, on the
    /// calling thread, in file order.
    func merge(into store: inout DocumentStore, reader: NodeReader) {
        reader.report(contentsOf: diagnostics)
        for (headerDiagnostics, document) in documents {
            reader.report(contentsOf: headerDiagnostics)
            guard let document else { continue }
            if document.idIsValid { store.add(document, reader: reader) } else { reader.report(contentsOf: document.bodyDiagnostics) }
        }
    }
}
