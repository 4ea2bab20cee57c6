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
    /// One surviving document: its tree until it is read, then what reading it gave.
    struct Entry<Value: Sendable>: Sendable {
        var id: String
        var layer: Int
        var mark: SourceMark
        var location: DocumentLocation
        var document: CatalogueDocument?
        var value: Value?
        var diagnostics = DiagnosticLog()
        /// For assessments: the recommendations read (checked even when the assessment failed).
        var recommendations: [Recommendation] = []
        /// For assessments: the norms generation they were read against.
        var normsGeneration = 0
        /// For assessments, when examples run as they are read: whether it read cleanly, how
        /// many examples ran, and what failed (the model itself is then not kept).
        var readCleanly = false
        var examplesRun = 0
        var exampleDiagnostics = DiagnosticLog()
    }

    /// Run each assessment's examples as soon as it is read and keep only the outcome, not
    /// the assessment: `backcheck lint` then needs memory for one batch, whatever the size.
    var runsExamplesAndDrops = false

    private(set) var norms: [String: Entry<NormsTable>] = [:]
    private(set) var exercises: [String: Entry<Exercise>] = [:]
    private(set) var assessments: [String: Entry<Assessment>] = [:]
    private(set) var replacements: [Replacement] = []
    /// The exercises and assessments added since the last read, by id (looking only at these
    /// keeps each batch's work proportional to the batch, not to the catalogue so far).
    private var waitingExercises: [String] = []
    private var waitingAssessments: [String] = []
    /// Bumped whenever the set of norms documents changes: an assessment read against an
    /// older generation may have looked up a table that has changed since.
    private(set) var normsGeneration = 0

    /// Records a document, applying the layer rules: a later layer's document replaces an
    /// earlier one with the same kind and id; within one layer a repeated id is an error.
    mutating func add(_ entry: CatalogueDocument, at location: DocumentLocation, reader: NodeReader) {
        let earlier: (layer: Int, mark: SourceMark)? = switch entry.kind {
        case .norms: norms[entry.id].map { ($0.layer, $0.mark) }
        case .exercise: exercises[entry.id].map { ($0.layer, $0.mark) }
        case .assessment: assessments[entry.id].map { ($0.layer, $0.mark) }
        }
        if let earlier {
            if earlier.layer == entry.layer {
                reader.error(
                    "duplicate \(entry.kind.rawValue) id '\(entry.id)': already defined at \(earlier.mark); ids must be unique per kind",
                    at: entry.root["id"]?.mark ?? entry.root.mark)
                return
            }
            replacements.append(Replacement(
                kind: entry.kind.rawValue, id: entry.id, replaced: earlier.mark, replacement: entry.root.mark))
        }
        switch entry.kind {
        case .norms:
            norms[entry.id] = Entry(id: entry.id, layer: entry.layer, mark: entry.root.mark, location: location, document: entry)
            normsGeneration += 1
        case .exercise:
            exercises[entry.id] = Entry(id: entry.id, layer: entry.layer, mark: entry.root.mark, location: location, document: entry)
            waitingExercises.append(entry.id)
        case .assessment:
            assessments[entry.id] = Entry(id: entry.id, layer: entry.layer, mark: entry.root.mark, location: location, document: entry)
            waitingAssessments.append(entry.id)
        }
    }

    /// The norms tables read so far, by id.
    var normsTables: [String: NormsTable] {
        var tables: [String: NormsTable] = [:]
        for (id, entry) in norms { if let table = entry.value { tables[id] = table } }
        return tables
    }

    /// Reads the norms not read yet (assessments look them up) and hands out the exercises and
    /// assessments not read yet as work for any thread, or `nil` when there are none. Their
    /// results go back with ``finish(_:)`` before any other document is added.
    mutating func takeWaitingWork(registry: PluginRegistry) -> ReadWork? {
        for (id, entry) in norms where entry.document != nil {
            norms[id] = Self.readNorms(entry)
        }
        // The work gets the only references to the trees, so each tree is freed on the core
        // that read it rather than all of them on this thread afterwards.
        let work = ReadWork(
            exercises: Handoff(Self.takeWaiting(waitingExercises, from: &exercises)),
            assessments: Handoff(Self.takeWaiting(waitingAssessments, from: &assessments)),
            reader: AssessmentReader(registry: registry, norms: normsTables), generation: normsGeneration,
            examples: runsExamplesAndDrops)
        waitingExercises = []
        waitingAssessments = []
        return work.count > 0 ? work : nil
    }

    /// Keeps what reading the documents of a ``ReadWork`` gave.
    mutating func finish(_ outcomes: some Sequence<ReadOutcome>) {
        for outcome in outcomes {
            switch outcome {
            case .exercise(let entry?): exercises[entry.id] = entry
            case .assessment(let entry?): assessments[entry.id] = entry
            case .exercise(nil), .assessment(nil): break
            }
        }
    }

    /// Exercises and assessments to read, each by index on any thread (see ``ParallelMap``).
    struct ReadWork: Sendable {
        let exercises: Handoff<Entry<Exercise>>
        let assessments: Handoff<Entry<Assessment>>
        let reader: AssessmentReader
        let generation: Int
        let examples: Bool

        /// The number of documents to read.
        var count: Int { exercises.count + assessments.count }

        /// Reads document `index` (exercises first); call once per index.
        func read(_ index: Int) -> ReadOutcome {
            if index < exercises.count { return .exercise(exercises.take(index).map(DocumentStore.readExercise)) }
            return .assessment(assessments.take(index - exercises.count).map {
                DocumentStore.readAssessment($0, with: reader, generation: generation, examples: examples)
            })
        }
    }

    /// What reading one document of a ``ReadWork`` gave.
    enum ReadOutcome: Sendable {
        case exercise(Entry<Exercise>?)
        case assessment(Entry<Assessment>?)
    }

    /// The entries of `ids` still to be read, each once (an id added twice in one batch, a
    /// later layer's replacement, is read once, as it is now), their trees taken out of `entries`.
    private static func takeWaiting<Value>(_ ids: [String], from entries: inout [String: Entry<Value>]) -> [Entry<Value>] {
        var taken: [Entry<Value>] = []
        for id in Set(ids) {
            guard let entry = entries[id], entry.document != nil else { continue }
            taken.append(entry)
            entries[id]?.document = nil
        }
        return taken
    }

    /// The assessments read against norms that have changed since, which must be read again.
    var staleAssessments: [String] {
        assessments.compactMap { $0.value.normsGeneration != normsGeneration ? $0.key : nil }.sorted()
    }

    /// Reads the assessment `id` again from `document` (its file parsed anew).
    mutating func reread(_ id: String, from document: CatalogueDocument, registry: PluginRegistry) {
        guard var entry = assessments[id] else { return }
        entry.document = document
        assessments[id] = Self.readAssessment(
            entry, with: AssessmentReader(registry: registry, norms: normsTables), generation: normsGeneration,
            examples: runsExamplesAndDrops)
    }

    private static func readNorms(_ entry: Entry<NormsTable>) -> Entry<NormsTable> {
        var entry = entry
        let reader = NodeReader()
        if let document = entry.document { entry.value = NormsReader.read(document, reader: reader) }
        entry.diagnostics = reader.diagnostics
        entry.document = nil
        return entry
    }

    fileprivate static func readExercise(_ entry: Entry<Exercise>) -> Entry<Exercise> {
        var entry = entry
        let reader = NodeReader()
        if let document = entry.document { entry.value = ExerciseReader.read(document, reader: reader) }
        entry.diagnostics = reader.diagnostics
        entry.document = nil
        return entry
    }

    fileprivate static func readAssessment(
        _ entry: Entry<Assessment>, with assessmentReader: AssessmentReader, generation: Int, examples: Bool
    ) -> Entry<Assessment> {
        var entry = entry
        let reader = NodeReader()
        var recommendations: [Recommendation] = []
        if let document = entry.document {
            entry.value = assessmentReader.read(document, reader: reader, recommendations: &recommendations)
        }
        entry.readCleanly = entry.value != nil
        if examples, let assessment = entry.value {
            let exampleReader = NodeReader()
            for example in assessment.examples { ExampleRunner.check(example, of: assessment, reader: exampleReader) }
            entry.examplesRun = assessment.examples.count
            entry.exampleDiagnostics = exampleReader.diagnostics
            entry.value = nil
        }
        entry.recommendations = recommendations
        entry.diagnostics = reader.diagnostics
        entry.normsGeneration = generation
        entry.document = nil
        return entry
    }
}

extension DocumentStore {
    /// Hands every document's problems to `reader` (norms, exercises, then assessments, each
    /// kind in file order), builds the catalogue from what read cleanly, and checks the
    /// references between documents.
    func finish(reader: NodeReader) -> Catalogue {
        func inFileOrder<Value>(_ entries: [String: Entry<Value>]) -> [Entry<Value>] {
            entries.values.sorted { $0.mark < $1.mark }
        }
        var tables: [String: NormsTable] = [:]
        for entry in inFileOrder(norms) {
            reader.report(contentsOf: entry.diagnostics)
            if let table = entry.value { tables[table.id] = table }
        }
        var exerciseValues: [String: Exercise] = [:]
        for entry in inFileOrder(exercises) {
            reader.report(contentsOf: entry.diagnostics)
            if let exercise = entry.value { exerciseValues[exercise.id] = exercise }
        }
        var assessmentValues: [Assessment] = []
        var recommendations: [Recommendation] = []
        for entry in inFileOrder(assessments) {
            reader.report(contentsOf: entry.diagnostics)
            recommendations += entry.recommendations
            if let assessment = entry.value { assessmentValues.append(assessment) }
        }
        let catalogue = Catalogue(
            assessments: assessmentValues.sorted { $0.id < $1.id }, exercises: exerciseValues, norms: tables,
            replacements: replacements)
        ReferenceCheck.run(catalogue, recommendations: recommendations, exerciseIDs: Set(exercises.keys), reader: reader)
        return catalogue
    }
}
