import BackCheckPluginAPI
import BackCheckYAML

/// A document whose kind and id are known and whose body was read on a worker thread straight
/// after its file was parsed, while its tree was still in the cache (norms keep their tree:
/// they are read on the calling thread, before the documents that look them up).
struct PreparedDocument: Sendable {
    var kind: DocumentKind
    var id: String
    var layer: Int
    /// Where the document starts, and where its id is (for a duplicate id).
    var mark: SourceMark
    var idMark: SourceMark
    var content: Content
    /// Whether it says `replaces: ID`.
    var declaresReplacement: Bool
    /// Whether its id was written as one; a document without a valid id is read only for its
    /// problems (``bodyDiagnostics``) and never added.
    var idIsValid: Bool

    enum Content: Sendable {
        case vocabulary(DocumentStore.Entry<Vocabulary>)
        case norms(DocumentStore.Entry<NormsTable>)
        case exercise(DocumentStore.Entry<Exercise>)
        case assessment(DocumentStore.Entry<Assessment>)
    }

    /// Reads `document`'s body (unless it is norms) with `assessmentReader`, whose norms are
    /// those of `generation`: an assessment read before later norms arrive is read again at
    /// the end (see ``DocumentStore/staleAssessments``).
    init(
        _ document: CatalogueDocument, at location: DocumentLocation, assessmentReader: AssessmentReader,
        generation: Int, runsExamples: Bool
    ) {
        kind = document.kind
        id = document.id
        layer = document.layer
        mark = document.root.mark
        idMark = document.root["id"]?.mark ?? document.root.mark
        declaresReplacement = document.declaresReplacement
        idIsValid = document.idIsValid
        let words = Self.words(of: document)
        switch document.kind {
        case .vocabulary:
            content = .vocabulary(DocumentStore.readVocabulary(
                DocumentStore.Entry(id: id, layer: layer, mark: mark, idMark: idMark, location: location, document: document)))
        case .norms:
            content = .norms(DocumentStore.Entry(id: id, layer: layer, mark: mark, idMark: idMark, location: location, document: document))
        case .exercise:
            var entry = DocumentStore.Entry<Exercise>(id: id, layer: layer, mark: mark, idMark: idMark, location: location, document: document)
            entry.words = words
            content = .exercise(DocumentStore.readExercise(entry))
        case .assessment:
            var entry = DocumentStore.Entry<Assessment>(id: id, layer: layer, mark: mark, idMark: idMark, location: location, document: document)
            entry.words = words
            content = .assessment(DocumentStore.readAssessment(
                entry, with: assessmentReader, generation: generation, examples: runsExamples))
        case .evaluator:
            preconditionFailure("evaluator documents are read by RuntimeEvaluatorLoader, not prepared")
        }
    }
}

extension PreparedDocument {
    /// The problems reading the body found (norms are read here, as they were not before).
    var bodyDiagnostics: DiagnosticLog {
        switch content {
        case .vocabulary(let entry): return entry.diagnostics
        case .norms(let entry): return DocumentStore.readNorms(entry).diagnostics
        case .exercise(let entry): return entry.diagnostics
        case .assessment(let entry):
            var log = entry.diagnostics
            log.append(contentsOf: entry.exampleDiagnostics)
            return log
        }
    }

    /// The `regions` of an assessment or the `targets` of an exercise, with their places.
    static func words(of document: CatalogueDocument) -> [(text: String, mark: SourceMark)] {
        let key = switch document.kind {
        case .assessment: "regions"
        case .exercise: "targets"
        case .norms, .vocabulary, .evaluator: ""
        }
        guard !key.isEmpty, let items = document.root[key]?.sequence else { return [] }
        return items.compactMap { item in item.scalar.map { ($0.text, item.mark) } }
    }
}
