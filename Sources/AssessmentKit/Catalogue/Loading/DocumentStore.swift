import BackCheckPluginAPI
import BackCheckYAML

/// Where a document came from: enough to parse its file again if it must be read again.
struct DocumentLocation: Sendable {
    var layer: Int
    var file: Int
    var document: Int
}

/// The catalogue documents that survive so far (per kind and id, the latest layer's), each
/// read as soon as its file has been parsed so that its YAML tree can be dropped: a big
/// catalogue never has more than one batch of trees alive. Every document is read with its
/// own reader; ``finish(reader:)`` hands on their problems in the order a whole-catalogue
/// read gives them (norms, exercises, then assessments, each kind in file order).
struct DocumentStore {
    /// How many assessments make work on the store worth another thread (starting one costs
    /// about as much as checking or freeing a few hundred entries).
    static let worthAnotherCore = 256

    /// The layers that are the built-in catalogue, whose documents a user's may replace with
    /// a warning; a user's own documents are never replaced without `replaces`.
    var builtInLayers: Set<Int> = []
    /// What a replacement must keep of an assessment: its input names (answers files use
    /// them) and whether it is the red-flag screen.
    struct AssessmentOutline: Sendable {
        var inputs: [String]
        var isRedFlagScreen: Bool
        var evaluatorID: String

        init(_ assessment: Assessment) {
            inputs = assessment.inputs.map(\.name)
            isRedFlagScreen = assessment.isRedFlagScreen
            evaluatorID = assessment.evaluatorID
        }
    }

    /// Run each assessment's examples as soon as it is read and keep only the outcome, not
    /// the assessment: `backcheck lint` then needs memory for one batch, whatever the size.
    var runsExamplesAndDrops = false

    private(set) var norms: [String: Entry<NormsTable>] = [:]
    private(set) var exercises: [String: Entry<Exercise>] = [:]
    private(set) var assessments: [String: Entry<Assessment>] = [:]
    /// The ids of `assessments` in the order they were first added: file order within each
    /// layer's stream of files, so putting them in file order merges a few runs.
    private(set) var assessmentsAdded: [String] = []
    private(set) var vocabularies: [String: Entry<Vocabulary>] = [:]
    private(set) var replacements: [Replacement] = []
    /// The problems of documents a later layer replaced, and of documents dropped for a
    /// repeated id: a broken file stays broken when another file takes its id (`lint a.yaml
    /// b.yaml` must not pass because of b).
    private(set) var replacedDiagnostics = DiagnosticLog()
    /// How many assessments were read a second time, against norms that came after them.
    var assessmentsReadAgain = 0
    /// Bumped whenever the set of norms documents changes: an assessment read against an
    /// older generation may have looked up a table that has changed since.
    private(set) var normsGeneration = 0

    /// Records a document prepared on a worker thread, applying the layer rules: a later
    /// layer's document replaces an earlier one with the same kind and id; within one layer a
    /// repeated id is an error (and what reading the repeat gave is dropped).
    mutating func add(_ document: PreparedDocument, reader: NodeReader) {
        let earlier: (layer: Int, mark: SourceMark, idMark: SourceMark)? = switch document.kind {
        case .norms: norms[document.id].map { ($0.layer, $0.mark, $0.idMark) }
        case .exercise: exercises[document.id].map { ($0.layer, $0.mark, $0.idMark) }
        case .assessment: assessments[document.id].map { ($0.layer, $0.mark, $0.idMark) }
        case .vocabulary: vocabularies[document.id].map { ($0.layer, $0.mark, $0.idMark) }
        // Read before everything else, by RuntimeEvaluatorLoader; never prepared.
        case .evaluator: nil
        }
        if earlier == nil, document.declaresReplacement {
            // It would be added beside the others, and its author would think one was replaced.
            let known: [String] = switch document.kind {
            case .norms: Array(norms.keys)
            case .exercise: Array(exercises.keys)
            case .assessment: Array(assessments.keys)
            case .vocabulary: Array(vocabularies.keys)
            case .evaluator: []
            }
            reader.warning(
                "'replaces: \(document.id)' but no earlier catalogue has \(document.kind.withArticle) '\(document.id)', so nothing is replaced and this one is added beside the others; give it the id of the one to take over\(Suggestion.hint(for: document.id, among: known)), or remove 'replaces'",
                at: document.idMark)
        }
        if let earlier {
            // Spec 1: ids are unique across the whole catalogue; only a built-in document is
            // replaced silently-but-warned. Between two of the user's own files or folders a
            // repeat is a duplicate unless the later one says `replaces`, so `lint a.yaml b.yaml`
            // and `lint folder` agree.
            let repeatsUserDocument = earlier.layer != document.layer && !builtInLayers.contains(earlier.layer)
                && !document.declaresReplacement && !Self.sameDocument(earlier.mark, document.mark)
            if earlier.layer == document.layer || repeatsUserDocument {
                let fix = repeatsUserDocument ? " (to take that one over, add 'replaces: \(document.id)')" : ""
                reader.error(
                    "duplicate \(document.kind.rawValue) id '\(document.id)': already defined at \(earlier.idMark); ids must be unique per kind\(fix)",
                    at: document.idMark)
                // Its own problems still stand: an author who renames it must not meet them
                // only then, as a second wave.
                keepProblems(of: document.content)
                return
            }
            replacements.append(Replacement(
                kind: document.kind.rawValue, id: document.id, replaced: earlier.idMark, replacement: document.idMark))
            // The same document read twice (the built-in folder linted from disk) reports once.
            if !Self.sameDocument(earlier.mark, document.mark) { keepProblems(ofReplaced: document.kind, id: document.id) }
            // Without a red-flags screen no report could ever screen for warning signs, so every
            // report would stay "incomplete" and hold back its plan for good.
            if case .assessment(let entry) = document.content, let replaced = assessments[document.id]?.replacementOutline,
               replaced.isRedFlagScreen, let replacing = entry.replacementOutline, !replacing.isRedFlagScreen {
                reader.error(
                    "this assessment replaces the red-flag screen '\(document.id)' but is scored by '\(replacing.evaluatorID)'; "
                        + "a red-flag screen must say 'evaluator: red-flags' (see `backcheck plugins`), or no report could screen for warning signs",
                    at: document.idMark)
            }
            // Answers files name the inputs of the id they answer: a replacement without some of
            // them refuses those files.
            if case .assessment(let entry) = document.content, !Self.sameDocument(earlier.mark, document.mark),
               let replaced = assessments[document.id]?.replacementOutline, let replacing = entry.replacementOutline {
                let dropped = replaced.inputs.filter { name in !replacing.inputs.contains(name) }
                if !dropped.isEmpty {
                    let listed = dropped.prefix(5).map { "'\($0)'" }.joined(separator: ", ") + (dropped.count > 5 ? " and \(dropped.count - 5) more" : "")
                    if replaced.isRedFlagScreen {
                        // An error, not a warning: a screen that asks less would report
                        // "complete" without asking the rest, and a plan of loaded work would
                        // follow. Asking more, or asking the same in other words, is fine.
                        reader.error(
                            "this red-flag screen replaces '\(document.id)' without its questions \(listed): a report would call the screen complete without asking them; keep every input of the one replaced (reword its labels, add questions or change the advice as you need)",
                            at: document.idMark)
                    } else {
                        reader.warning(
                            "this assessment replaces '\(document.id)' without its inputs \(listed): answers files that give them will be refused; keep every input name of the one replaced",
                            at: document.idMark)
                    }
                }
            }
            // The same document read twice (the built-in folder linted from disk) replaces nothing.
            if !document.declaresReplacement, !Self.sameDocument(earlier.mark, document.mark) {
                reader.warning(
                    "this \(document.kind.rawValue) replaces the one with id '\(document.id)' at \(earlier.idMark); add 'replaces: \(document.id)' if that is meant, or choose another id",
                    at: document.idMark)
            }
        }
        switch document.content {
        case .norms(let entry):
            norms[document.id] = entry
            normsGeneration += 1
        case .exercise(let entry): exercises[document.id] = entry
        case .assessment(let entry): if assessments.updateValue(entry, forKey: document.id) == nil { assessmentsAdded.append(document.id) }
        case .vocabulary(let entry): vocabularies[document.id] = entry
        }
    }

    /// Keeps the problems of the document of `kind` and `id` that is about to be replaced,
    /// reading it first if it has not been read yet (norms wait for the calling thread).
    private mutating func keepProblems(ofReplaced kind: DocumentKind, id: String) {
        let content: PreparedDocument.Content? = switch kind {
        case .norms: norms[id].map { .norms($0) }
        case .exercise: exercises[id].map { .exercise($0) }
        case .assessment: assessments[id].map { .assessment($0) }
        case .vocabulary: vocabularies[id].map { .vocabulary($0) }
        case .evaluator: nil
        }
        if let content { keepProblems(of: content) }
    }

    /// Whether two marks are the start of one document read twice: the built-in folder linted
    /// from disk names its files by another path (`/home/me/BackCheck/Assessments/x.yaml`)
    /// than the built-in catalogue does (`Assessments/x.yaml`).
    static func sameDocument(_ a: SourceMark, _ b: SourceMark) -> Bool {
        guard a.line == b.line, a.column == b.column else { return false }
        if a.file == b.file { return true }
        let (short, long) = a.file.utf8.count < b.file.utf8.count ? (a.file, b.file) : (b.file, a.file)
        return long.hasSuffix("/" + short) && short.hasPrefix("Assessments/")
    }

    /// Keeps the problems found reading `content`, a document that is not kept (replaced by a
    /// later layer, or its id repeating one in the same layer); norms are read first if need be.
    private mutating func keepProblems(of content: PreparedDocument.Content) {
        switch content {
        case .norms(let entry): replacedDiagnostics.append(contentsOf: (entry.document == nil ? entry : Self.readNorms(entry)).diagnostics)
        case .exercise(let entry): replacedDiagnostics.append(contentsOf: entry.diagnostics)
        case .assessment(let entry):
            replacedDiagnostics.append(contentsOf: entry.diagnostics)
            replacedDiagnostics.append(contentsOf: entry.exampleDiagnostics)
        case .vocabulary(let entry): replacedDiagnostics.append(contentsOf: entry.diagnostics)
        }
    }

    /// The norms documents read so far that had errors, by id, with where each is defined.
    var unusableNorms: [String: SourceMark] {
        var broken: [String: SourceMark] = [:]
        for (id, entry) in norms where entry.document == nil && entry.value == nil { broken[id] = entry.idMark }
        return broken
    }

    /// The norms tables read so far, by id.
    var normsTables: [String: NormsTable] {
        var tables: [String: NormsTable] = [:]
        for (id, entry) in norms { if let table = entry.value { tables[id] = table } }
        return tables
    }

    /// Reads the norms documents added since the last call: the documents read next look them up.
    mutating func readNewNorms() {
        for (id, entry) in norms where entry.document != nil {
            norms[id] = Self.readNorms(entry)
        }
    }

    /// The assessments read against norms that have changed since, which must be read again.
    var staleAssessments: [String] {
        assessments.compactMap { $0.value.normsGeneration != normsGeneration ? $0.key : nil }.sorted()
    }

    /// Keeps `entry`, an assessment read again, in place of the one with its id.
    mutating func replaceAssessment(_ entry: Entry<Assessment>) {
        assessments[entry.id] = entry
    }

    static func readNorms(_ entry: Entry<NormsTable>) -> Entry<NormsTable> {
        read(entry, with: NormsReader.read(_:reader:))
    }

    static func readVocabulary(_ entry: Entry<Vocabulary>) -> Entry<Vocabulary> {
        read(entry, with: VocabularyReader.read(_:reader:))
    }

    static func readExercise(_ entry: Entry<Exercise>) -> Entry<Exercise> {
        var read = read(entry, with: ExerciseReader.read(_:reader:))
        // Only an exercise that could not be read keeps its links as written (`entry` still
        // holds the tree); one that was read has them in its model.
        if read.value == nil, let root = entry.document?.root {
            read.links = ["regression", "progression"].compactMap { key in
                guard let node = root[key], let id = node.scalar?.text else { return nil }
                return ExerciseLink(key: key, exercise: entry.id, target: id, mark: node.mark)
            }
        }
        return read
    }

    /// Reads `entry`'s document with `read` (its own reader, so its problems stay with it)
    /// and drops the tree.
    private static func read<Value>(
        _ entry: Entry<Value>, with read: (CatalogueDocument, NodeReader) -> Value?
    ) -> Entry<Value> {
        var entry = entry
        let reader = NodeReader()
        if let document = entry.document { entry.value = read(document, reader) }
        entry.diagnostics = reader.diagnostics
        entry.document = nil
        return entry
    }

    static func readAssessment(
        _ entry: Entry<Assessment>, with assessmentReader: AssessmentReader, generation: Int, examples: Bool
    ) -> Entry<Assessment> {
        var entry = entry
        // Read again (its norms came later), it starts afresh; most entries never have these.
        entry.rare = nil
        let reader = NodeReader()
        var recommendations: [Recommendation] = []
        if let document = entry.document {
            entry.value = assessmentReader.read(document, reader: reader, recommendations: &recommendations)
            // Never refused in silence: a document that vanished from the catalogue with no
            // error would look, to its author, like a clean lint.
            if entry.value == nil, !reader.hasErrors {
                reader.error("assessment '\(document.id)' could not be read, and no other error says why; please report this, with the file", at: document.root.mark)
            }
        }
        entry.readCleanly = entry.value != nil
        let outline = entry.value.map(AssessmentOutline.init)
        if examples, let assessment = entry.value {
            let exampleReader = NodeReader()
            entry.exampleOutcomes = assessment.examples.map { example in
                let before = exampleReader.diagnostics.errorCount
                ExampleRunner.check(example, of: assessment, reader: exampleReader)
                let failures = Array(exampleReader.diagnostics.all.dropFirst(before))
                return ExampleOutcome(assessment: assessment.id, name: example.name, mark: example.mark, failures: failures)
            }
            entry.examplesRun = assessment.examples.count
            entry.exampleDiagnostics = exampleReader.diagnostics
            entry.value = nil
        }
        if let assessment = entry.value, !assessmentReader.keeps(assessment.id, evaluatorID: assessment.evaluatorID) {
            entry.value = nil
            entry.leftOutRow = CatalogueListing.Row(assessment)
        }
        // A model that is kept says both itself; kept beside it again, they were 5 MB of the
        // 150 MB that the 10 000 generated files held at the end of their load.
        if entry.value == nil, let outline { entry.outline = outline }
        entry.recommendations = entry.value == nil ? recommendations : []
        entry.diagnostics = reader.diagnostics
        entry.normsGeneration = generation
        entry.document = nil
        return entry
    }
}
