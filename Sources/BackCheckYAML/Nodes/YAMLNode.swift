/// One node of a parsed YAML document: a scalar, a sequence or a mapping, with the mark
/// of its first character.
///
/// Scalars keep their text and style and are not typed here: the field a value is read
/// into decides its type (see ``YAMLReadable``), so `country: no` stays the text `no`
/// unless a boolean field asks for it. Aliases are resolved while parsing: an alias node
/// is the anchored node itself, shared, and merge keys (`<<`) are already applied.
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

    /// What the node holds.
    public var content: Content
    /// Where the node starts (for a scalar, its first character, quote or indicator).
    public var mark: SourceMark
    /// The node's tag in full form (`tag:yaml.org,2002:str`), or `nil` when none was written.
    public var tag: String?
    /// The anchor written on the node, if any.
    public var anchor: String?

    /// Creates a node.
    public init(_ content: Content, mark: SourceMark, tag: String? = nil, anchor: String? = nil) {
        self.content = content
        self.mark = mark
        self.tag = tag
        self.anchor = anchor
    }

    /// The scalar, when the node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The items, when the node is a sequence.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The entries, when the node is a mapping.
    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The value of the first entry whose key is the scalar `key`, when the node is a mapping.
    public subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key.scalar?.text == key }?.value
    }

    /// Whether the node is a null: an empty plain scalar, `~`, `null`, `Null` or `NULL`
    /// (untagged), or a scalar tagged `!!null`.
    public var isNull: Bool {
        guard let scalar else { return false }
        if tag == "tag:yaml.org,2002:null" { return true }
        // The non-specific tag `!` makes a scalar a string (`! null` is the text "null").
        guard tag == nil, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.text)
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
