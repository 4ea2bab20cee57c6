/// One document of a YAML stream, with the file it came from.
public struct YAMLDocument: Sendable {
    /// The document's root node.
    public var root: YAMLNode
    /// The mark of the document's start (`---` or its first node).
    public var mark: SourceMark

    /// Creates a document.
    public init(root: YAMLNode, mark: SourceMark) {
        self.root = root
        self.mark = mark
    }
}
