/// One node of a parsed YAML document: a scalar, a sequence or a mapping, with the mark
/// of its first character.
///
/// Scalars keep their text and style and are not typed here: the field a value is read
/// into decides its type (see ``YAMLReadable``), so `country: no` stays the text `no`
/// unless a boolean field asks for it. Aliases are resolved while parsing: an alias node
/// is the anchored node itself, shared, and merge keys (`<<`) are already applied.
///
/// A node is a value that costs one reference count to copy. A parsed node is its file's
/// ``NodeArena`` and an index, so parsing allocates per file rather than per node; a node
/// built in code (or changed through a setter) has a box of its own.
public struct YAMLNode: Sendable {
    /// What a node holds.
    public enum Content: Sendable {
        /// A scalar: text with its style.
        case scalar(YAMLScalar)
        /// A sequence of nodes, in order.
        case sequence(Items)
        /// A mapping's entries in the order they were written.
        case mapping(Pairs)
    }

    enum Storage: Sendable {
        case built(NodeStorage)
        case parsed(NodeArena, Int32)
    }

    var storage: Storage

    /// Creates a node.
    public init(_ content: Content, mark: SourceMark, tag: String? = nil, anchor: String? = nil) {
        storage = .built(NodeStorage(
            content: content, file: mark.file, line: mark.line, column: mark.column,
            properties: NodeProperties.make(tag: tag, anchor: anchor)))
    }

    /// The node at `index` of `arena`.
    init(arena: NodeArena, index: Int32) {
        storage = .parsed(arena, index)
    }

    /// The node's fields in a box of its own, for a setter to change.
    private var box: NodeStorage {
        switch storage {
        case .built(let box): return box
        case .parsed(let arena, let index):
            let record = arena.records[Int(index)]
            return NodeStorage(
                content: arena.content(of: index), file: arena.file, line: Int(record.line), column: Int(record.column),
                properties: arena.properties(of: index))
        }
    }

    /// What the node holds.
    public var content: Content {
        get {
            switch storage {
            case .built(let box): box.content
            case .parsed(let arena, let index): arena.content(of: index)
            }
        }
        set { storage = .built(box.with(content: newValue)) }
    }

    /// Where the node starts (for a scalar, its first character, quote or indicator).
    public var mark: SourceMark {
        get {
            switch storage {
            case .built(let box): return SourceMark(file: box.file, line: box.line, column: box.column)
            case .parsed(let arena, let index):
                let record = arena.records[Int(index)]
                return SourceMark(file: arena.file, line: Int(record.line), column: Int(record.column))
            }
        }
        set {
            let box = box
            storage = .built(NodeStorage(
                content: box.content, file: newValue.file, line: newValue.line, column: newValue.column,
                properties: box.properties))
        }
    }

    /// The tag and anchor, when the node has either.
    private var properties: NodeProperties? {
        switch storage {
        case .built(let box): box.properties
        case .parsed(let arena, let index): arena.properties(of: index)
        }
    }

    /// The node's tag in full form (`tag:yaml.org,2002:str`), or `nil` when none was written.
    public var tag: String? {
        get { properties?.tag }
        set { storage = .built(box.with(properties: NodeProperties.make(tag: newValue, anchor: anchor))) }
    }

    /// The anchor written on the node, if any.
    public var anchor: String? {
        get { properties?.anchor }
        set { storage = .built(box.with(properties: NodeProperties.make(tag: tag, anchor: newValue))) }
    }

    /// Whether the node has neither tag nor anchor (nearly every node), without copying either.
    var hasNoProperties: Bool {
        switch storage {
        case .built(let box): box.properties == nil
        case .parsed(let arena, let index): arena.records[Int(index)].properties < 0
        }
    }

    /// The line the node starts on, without building a mark.
    var line: Int {
        switch storage {
        case .built(let box): box.line
        case .parsed(let arena, let index): Int(arena.records[Int(index)].line)
        }
    }

    /// The scalar, when the node is one.
    public var scalar: YAMLScalar? {
        switch storage {
        case .built(let box):
            if case .scalar(let scalar) = box.content { return scalar }
            return nil
        case .parsed(let arena, let index):
            return arena.records[Int(index)].kind == .scalar ? arena.scalar(at: index) : nil
        }
    }

    /// The items, when the node is a sequence.
    public var sequence: Items? {
        switch storage {
        case .built(let box):
            if case .sequence(let items) = box.content { return items }
            return nil
        case .parsed(let arena, let index):
            let record = arena.records[Int(index)]
            guard record.kind == .sequence else { return nil }
            return Items(arena: arena, first: Int(record.first), count: Int(record.count))
        }
    }

    /// The entries, when the node is a mapping.
    public var mapping: Pairs? {
        switch storage {
        case .built(let box):
            if case .mapping(let pairs) = box.content { return pairs }
            return nil
        case .parsed(let arena, let index):
            let record = arena.records[Int(index)]
            guard record.kind == .mapping else { return nil }
            return Pairs(arena: arena, first: Int(record.first), count: Int(record.count))
        }
    }

    /// The value of the first entry whose key is the scalar `key`, when the node is a mapping.
    public subscript(key: String) -> YAMLNode? {
        mapping?.value(forKey: key)
    }

    /// The text and style of the node when it is a scalar, without making its line marks.
    private var scalarParts: (text: String, style: YAMLScalar.Style)? {
        switch storage {
        case .built(let box):
            if case .scalar(let scalar) = box.content { return (scalar.text, scalar.style) }
            return nil
        case .parsed(let arena, let index):
            let record = arena.records[Int(index)]
            return record.kind == .scalar ? (arena.texts[Int(record.first)], record.style) : nil
        }
    }

    /// Whether the node is the empty scalar the parser put where an alias could not be resolved
    /// (unknown, or inside its own anchor): that error is reported, so a reader says no more.
    var standsInForBrokenAlias: Bool {
        guard case .parsed(let arena, let index) = storage else { return false }
        let record = arena.records[Int(index)]
        return record.kind == .scalar && record.count == 1
    }

    /// The text of the node when it is a scalar, without copying the scalar's other fields.
    var scalarText: String? { scalarParts?.text }

    /// The text of the node when it is a scalar that can name a field: not a plain null
    /// (`~`, `null`, an empty plain scalar, or a plain scalar tagged `!!null`).
    var fieldName: String? {
        guard let (text, style) = scalarParts else { return nil }
        guard style == .plain else { return text }
        guard let properties else { return Self.isNullWord(text) ? nil : text }
        if properties.tag == "tag:yaml.org,2002:null" { return nil }
        return properties.tag == nil && Self.isNullWord(text) ? nil : text
    }

    /// Whether the node is a null: an empty plain scalar, `~`, `null`, `Null` or `NULL`
    /// (untagged), or a scalar tagged `!!null`.
    public var isNull: Bool {
        guard let (text, style) = scalarParts else { return false }
        guard let properties else { return style == .plain && Self.isNullWord(text) }
        if properties.tag == "tag:yaml.org,2002:null" { return true }
        // The non-specific tag `!` makes a scalar a string (`! null` is the text "null").
        guard properties.tag == nil, style == .plain else { return false }
        return Self.isNullWord(text)
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
            // Only a decimal is "the number": Double("0x8C") reads hexadecimal, which no field takes.
            if scalar.style == .plain, YAMLCoreSchema.decimal(scalar.text) != nil { return "the number \(scalar.text)" }
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
