import BackCheckPluginAPI
import BackCheckYAML

extension DocumentStore {
    /// One surviving document: its tree until it is read, then what reading it gave.
    ///
    /// Its fields live in one box shared by its copies and copied only when a shared one is
    /// changed. The store hands entries around (into file order, through the layer rules, to
    /// and from the reading threads), and an entry is some 840 bytes holding thirty-odd
    /// references: copying them each time cost more than the rest of the store's own work.
    @dynamicMemberLookup
    struct Entry<Value: Sendable>: Sendable {
        /// What an entry holds.
        struct Fields: Sendable {
            var id: String
            var layer: Int
            var mark: SourceMark
            /// Where its id is written: what a later duplicate's message points back to.
            var idMark: SourceMark
            var location: DocumentLocation
            /// The `regions` (assessments) or `targets` (exercises) it uses, with their places,
            /// kept after the body is dropped, for the vocabulary check.
            var words: [(text: String, mark: SourceMark)] = []
            var document: CatalogueDocument?
            var value: Value?
            var diagnostics = DiagnosticLog()
            /// For assessments not kept (refused or let go): the recommendations read, checked
            /// even when the assessment failed (see ``recommendationsRead``).
            var recommendations: [Recommendation] = []
            /// For exercises that could not be read: their `regression` and `progression` as
            /// written, so a misspelt one is reported in the same pass as the exercise's other errors.
            var links: [ExerciseLink] = []
            /// For assessments: the norms generation they were read against.
            var normsGeneration = 0
            /// For assessments: whether it read cleanly (`lint` counts them).
            var readCleanly = false
            /// What only some assessments have (see ``DocumentStore/RareParts``); `nil` for most.
            var rare: DocumentStore.OutOfLine<DocumentStore.RareParts>?
        }

        // Changed only while uniquely referenced (see the setter), as Array's storage is: the
        // box itself is never changed where another copy of the entry can see it.
        private final class Box: @unchecked Sendable {
            var fields: Fields
            init(_ fields: Fields) { self.fields = fields }
        }

        private var box: Box

        init(id: String, layer: Int, mark: SourceMark, idMark: SourceMark, location: DocumentLocation, document: CatalogueDocument?) {
            box = Box(Fields(id: id, layer: layer, mark: mark, idMark: idMark, location: location, document: document))
        }

        /// A field of the entry, read from the shared box or set in a box of its own.
        subscript<Field>(dynamicMember field: WritableKeyPath<Fields, Field>) -> Field {
            get { box.fields[keyPath: field] }
            set {
                if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
                box.fields[keyPath: field] = newValue
            }
        }
    }
}

extension DocumentStore.Entry where Value == Assessment {
    /// The recommendations read: the kept model's own, else those kept when it was refused or let go.
    var recommendationsRead: [Recommendation] {
        self.value.map { $0.findings.flatMap(\.recommend) } ?? self.recommendations
    }

    /// What a replacement of the assessment is checked against; `nil` when it was refused.
    var replacementOutline: DocumentStore.AssessmentOutline? {
        self.value.map(DocumentStore.AssessmentOutline.init) ?? self.outline
    }
}

extension DocumentStore {
    /// The parts of an entry only some assessments have, kept out of line: an entry is made
    /// for every document, and these were some 190 of its 480 bytes.
    struct RareParts: Sendable {
        /// When examples run as the assessment is read (`lint`): how many ran, and what failed
        /// (the model itself is then not kept).
        var examplesRun = 0
        var exampleDiagnostics = DiagnosticLog()
        var exampleOutcomes: [ExampleOutcome] = []
        /// For one read cleanly and then let go (`lint`, or a load keeping only some): what a
        /// replacement is checked against (see ``Entry/replacementOutline``).
        var outline: AssessmentOutline?
        /// For one read cleanly and let go as the load keeps only some
        /// (``CatalogueLoader/keepsOnly``): what a listing shows of it.
        var leftOutRow: CatalogueListing.Row?
    }

    /// A value in a box of its own: an optional one costs its holder a word, not its size.
    indirect enum OutOfLine<Wrapped: Sendable>: Sendable {
        case value(Wrapped)
    }
}

extension DocumentStore.Entry {
    /// The entry's rare parts; all empty when it has none. Setting them gives it a box.
    private var rareParts: DocumentStore.RareParts {
        get { if case .value(let parts)? = self.rare { parts } else { DocumentStore.RareParts() } }
        set { self.rare = .value(newValue) }
    }

    var examplesRun: Int {
        get { rareParts.examplesRun }
        set { rareParts.examplesRun = newValue }
    }

    var exampleDiagnostics: DiagnosticLog {
        get { rareParts.exampleDiagnostics }
        set { rareParts.exampleDiagnostics = newValue }
    }

    var exampleOutcomes: [ExampleOutcome] {
        get { rareParts.exampleOutcomes }
        set { rareParts.exampleOutcomes = newValue }
    }

    var outline: DocumentStore.AssessmentOutline? {
        get { rareParts.outline }
        set { rareParts.outline = newValue }
    }

    var leftOutRow: CatalogueListing.Row? {
        get { rareParts.leftOutRow }
        set { rareParts.leftOutRow = newValue }
    }
}
