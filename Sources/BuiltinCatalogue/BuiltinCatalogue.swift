/// The catalogue that ships inside the program: the text of every file of the
/// repository's `Assessments/` folder, embedded at build time by the `EmbedCatalogue`
/// build-tool plugin.
public enum BuiltinCatalogue {
    /// The embedded files, sorted by path.
    public static var files: [CatalogueFile] { embeddedFiles }
}

/// The path and text of one catalogue file.
public struct CatalogueFile: Sendable, Hashable {
    /// The path relative to the package root, such as `Assessments/norms/mcgill-1999.yaml`.
    public let path: String
    /// The file's text.
    public let text: String

    /// Creates a file record.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}
