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

    /// Creates a file record; `digests` as described at ``digests``, or none.
    public init(path: String, text: String, digests: [String] = []) {
        self.path = path
        self.text = text
        self.digests = digests
    }
}
