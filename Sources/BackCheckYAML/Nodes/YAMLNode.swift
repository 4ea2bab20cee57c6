/// One node of a parsed YAML document: a scalar, a sequence or a mapping, with the mark
/// of its first character.
///
/// Scalars keep their text and style and are not typed here: the field a value is read
/// into decides its type (see ``YAMLReadable``), so `country: no` stays the text `no`
/// unless a boolean field asks for it. Aliases are resolved while parsing: an alias node
/// is the anchored node itself, shared, and merge keys (`<<`) are already applied.
///
/// A node is a value, but its fields live in one shared, immutable box: readers copy nodes
/// all the time, and a copy then costs one reference count instead of one per field. A
/// setter gives the node a box of its own.
public struct YAMLNode: Sendable {
    /// What a node holds.
    public enum Content: Sendable {
        /// A scalar: text with its style.
        case scalar(YAMLScalar)
        /// A sequence of nodes, in order.
        case sequence([YAMLNode])
        /// A mapping's entries in the order they were written.
        case mapping([YAMLPair])
    }

    private var storage: NodeStorage

    /// Creates a node.
    public init(_ content: Content, mark: SourceMark, tag: String? = nil, anchor: String? = nil) {
        storage = NodeStorage(
            content: content, file: mark.file, line: mark.line, column: mark.column,
            properties: NodeProperties.make(tag: tag, anchor: anchor))
    }

    /// Creates a node at `line` and `column` of `file`, without building a mark first.
    init(_ content: Content, file: String, line: Int, column: Int, properties: NodeProperties?) {
        storage = NodeStorage(content: content, file: file, line: line, column: column, properties: properties)
    }

    /// What the node holds.
    public var content: Content {
        get { storage.content }
        set { storage = storage.with(content: newValue) }
    }

    /// Where the node starts (for a scalar, its first character, quote or indicator).
    public var mark: SourceMark {
        get { SourceMark(file: storage.file, line: storage.line, column: storage.column) }
        set {
            storage = NodeStorage(
                content: storage.content, file: newValue.file, line: newValue.line, column: newValue.column,
                properties: storage.properties)
        }
    }

    /// The node's tag in full form (`tag:yaml.org,2002:str`), or `nil` when none was written.
    public var tag: String? {
        get { storage.properties?.tag }
        set { storage = storage.with(properties: NodeProperties.make(tag: newValue, anchor: anchor)) }
    }

    /// The anchor written on the node, if any.
    public var anchor: String? {
        get { storage.properties?.anchor }
        set { storage = storage.with(properties: NodeProperties.make(tag: tag, anchor: newValue)) }
    }

    /// Whether the node has neither tag nor anchor (nearly every node), without copying either.
    var hasNoProperties: Bool { storage.properties == nil }

    /// The line the node starts on, without building a mark.
    var line: Int { storage.line }

    /// The scalar, when the node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = storage.content { return scalar }
        return nil
    }

    /// The items, when the node is a sequence.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = storage.content { return items }
        return nil
    }

    /// The entries, when the node is a mapping.
    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = storage.content { return pairs }
        return nil
    }

    /// The value of the first entry whose key is the scalar `key`, when the node is a mapping.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = storage.content else { return nil }
        for pair in pairs where pair.key.scalarText?.isSameText(as: key) == true { return pair.value }
        return nil
    }

    /// The text of the node when it is a scalar, without copying the scalar's other fields.
    var scalarText: String? {
        if case .scalar(let scalar) = storage.content { return scalar.text }
        return nil
    }

    /// The text of the node when it is a scalar that can name a field: not a plain null
    /// (`~`, `null`, an empty plain scalar, or a plain scalar tagged `!!null`).
    var fieldName: String? {
        guard case .scalar(let scalar) = storage.content else { return nil }
        guard scalar.style == .plain else { return scalar.text }
        guard let properties = storage.properties else { return Self.isNullWord(scalar.text) ? nil : scalar.text }
        if properties.tag == "tag:yaml.org,2002:null" { return nil }
        return properties.tag == nil && Self.isNullWord(scalar.text) ? nil : scalar.text
    }

    /// Whether the node is a null: an empty plain scalar, `~`, `null`, `Null` or `NULL`
    /// (untagged), or a scalar tagged `!!null`.
    public var isNull: Bool {
        guard case .scalar(let scalar) = storage.content else { return false }
        guard let properties = storage.properties else {
            return scalar.style == .plain && Self.isNullWord(scalar.text)
        }
        if properties.tag == "tag:yaml.org,2002:null" { return true }
        // The non-specific tag `!` makes a scalar a string (`! null` is the text "null").
        guard properties.tag == nil, scalar.style == .plain else { return false }
        return Self.isNullWord(scalar.text)
    }

    private static func isNullWord(_ text: String) -> Bool {
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// A short phrase naming what the node is, for messages: `the string "one"`,
    /// `a mapping`, `a sequence`, `nothing (null)`.
    public var kindDescription: String {
        switch content {
        case .sequence: return "a sequence"
        case .mapping: return "a mapping"
        case .scalar(let scalar):
            if isNull { return "nothing (null)" }
            let text = scalar.text.count > 40 ? String(scalar.text.prefix(37)) + "..." : scalar.text
            let quoted = "\"" + text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\\n") + "\""
            if scalar.style == .plain, Double(scalar.text) != nil { return "the number \(scalar.text)" }
            if scalar.style == .plain, ["true", "false"].contains(scalar.text) {
                return "the boolean \(scalar.text)"
            }
            return "the string \(quoted)"
        }
    }
}

/// The fields of a ``YAMLNode``, shared by its copies and never changed.
final class NodeStorage: Sendable {
    let content: YAMLNode.Content
    let file: String
    let line: Int
    let column: Int
    /// Tag and anchor, in a box of their own: nearly every node has neither.
    let properties: NodeProperties?

    init(content: YAMLNode.Content, file: String, line: Int, column: Int, properties: NodeProperties?) {
        self.content = content
        self.file = file
        self.line = line
        self.column = column
        self.properties = properties
    }

    func with(content: YAMLNode.Content) -> NodeStorage {
        NodeStorage(content: content, file: file, line: line, column: column, properties: properties)
    }

    func with(properties: NodeProperties?) -> NodeStorage {
        NodeStorage(content: content, file: file, line: line, column: column, properties: properties)
    }
}

/// A node's tag and anchor, when it has either.
final class NodeProperties: Sendable {
    let tag: String?
    let anchor: String?

    private init(tag: String?, anchor: String?) {
        self.tag = tag
        self.anchor = anchor
    }

    /// The box for `tag` and `anchor`, or `nil` when both are absent.
    static func make(tag: String?, anchor: String?) -> NodeProperties? {
        tag == nil && anchor == nil ? nil : NodeProperties(tag: tag, anchor: anchor)
    }
}

/// One entry of a mapping.
public struct YAMLPair: Sendable {
    /// The key node (usually a scalar).
    public var key: YAMLNode
    /// The value node.
    public var value: YAMLNode

    /// Creates an entry.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}
