/// The catalogue that ships inside the program: the text of every file of the
/// repository's `Assessments/` folder, embedded at build time by the `EmbedCatalogue`
/// build-tool plugin.
public enum BuiltinCatalogue {
    /// The embedded files, sorted by path.
    public static var files: [CatalogueFile] { embeddedFiles }

    /// The fields `backcheck list` shows of every assessment, read from the files at build
    /// time, as written in them.
    public static var listing: [ListedAssessment] { embeddedListing }

    /// The guides of AssessmentKit's documentation catalogue (`CatalogueFormat`,
    /// `Expressions`, `ReportJSON`…), as Markdown: `backcheck docs` prints them.
    public static var articles: [(name: String, text: String)] { embeddedArticles }

    /// The skeletons `backcheck new` writes, one per evaluator (`thresholds`, …), with
    /// `{{id}}` and `{{title}}` still to fill in.
    public static var templates: [(name: String, text: String)] { embeddedTemplates }
}

/// One assessment's list fields as written in its file (see ``BuiltinCatalogue/listing``).
public struct ListedAssessment: Sendable, Hashable {
    /// `id`.
    public let id: String
    /// `title`.
    public let title: String
    /// `category`.
    public let category: String
    /// `duration_min`.
    public let durationMinutes: String
    /// `evidence.level`.
    public let evidence: String
    /// `evaluator`.
    public let evaluator: String
    /// `version`.
    public let version: String

    /// Creates a row.
    public init(
        id: String, title: String, category: String, durationMinutes: String, evidence: String, evaluator: String,
        version: String
    ) {
        self.id = id
        self.title = title
        self.category = category
        self.durationMinutes = durationMinutes
        self.evidence = evidence
        self.evaluator = evaluator
        self.version = version
    }
}

/// The path and text of one catalogue file.
public struct CatalogueFile: Sendable, Hashable {
    /// The path relative to the package root, such as `Assessments/norms/mcgill-1999.yaml`.
    public let path: String
    /// The file's text.
    public let text: String
    /// The `sha256:` digest of each of the file's documents, in order, worked out when the
    /// program was built (the canonical text of its tree, as ``text`` parses): a report names
    /// the definition it used without parsing the file again. Empty when not worked out.
    public let digests: [String]

    /// What each of the file's documents is, in order, as read when the program was built: a
    /// run that needs a few assessments picks their files without parsing the others. Empty
    /// when not worked out (then the file is always read).
    public let documents: [EmbeddedDocument]

    /// The UTF-8 offset of the line that opens the file's `examples:` block, found when the
    /// program was built, when that block ends the file's only document: a load that leaves
    /// the built-in examples unread (one for reports) parses only the text before it, which
    /// the build checked reads as the same document without them. `nil` when there is no such
    /// block (then the whole file is parsed).
    public let examplesStart: Int?

    /// Creates a file record; `digests`, `documents` and `examplesStart` as described at
    /// ``digests``, ``documents`` and ``examplesStart``, or none.
    public init(
        path: String, text: String, digests: [String] = [], documents: [EmbeddedDocument] = [], examplesStart: Int? = nil
    ) {
        self.path = path
        self.text = text
        self.digests = digests
        self.documents = documents
        self.examplesStart = examplesStart
    }
}

/// One document of an embedded file, as written in it (see ``CatalogueFile/documents``).
public struct EmbeddedDocument: Sendable, Hashable {
    /// `kind`: `assessment`, `exercise`, `norms`, `vocabulary`…; empty when it has none.
    public let kind: String
    /// `id`; empty when it has none.
    public let id: String
    /// `evaluator`, the plugin that scores an assessment (`red-flags` for a screen); empty
    /// for other kinds.
    public let evaluator: String
    /// The ids of the exercises the document names: every exercise whose id any of its
    /// scalars equals (its recommendations, an exercise's `regression` and `progression`, and
    /// any other mention), so never fewer than it can lead to.
    public let exercises: [String]

    /// Creates a record of one document; `exercises` as described at ``exercises``, or none
    /// (the document then names no exercise).
    public init(kind: String, id: String, evaluator: String, exercises: [String] = []) {
        self.kind = kind
        self.id = id
        self.evaluator = evaluator
        self.exercises = exercises
    }
}
