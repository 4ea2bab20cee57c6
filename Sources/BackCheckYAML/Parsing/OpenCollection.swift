/// A finished node with the cost of using it again through an alias.
struct BuiltNode {
    /// Its index among the file's nodes.
    var index: Int32
    /// The number of nodes in its tree, aliases expanded.
    var size: Int
    /// The number of collection levels in its tree (0 for a scalar).
    var height: Int
    /// The bytes of scalar text in its tree, aliases expanded: what an alias to it repeats.
    var bytes: Int = 0
}

/// What to do with the value of the key just read.
enum KeyAction {
    /// Keep the pair.
    case keep
    /// Drop the pair: its key repeats an earlier one.
    case drop
    /// Merge the value's entries (`<<: *base`).
    case merge
}

/// A sequence or mapping whose end event has not come yet.
///
/// Its items, pairs and key identities are not kept here but at the end of the builder's
/// shared stacks (see ``TreeBuilder``), from `start` and `keysStart` on: a finished
/// collection moves them into the file's `children` in one run.
struct OpenCollection {
    let isMapping: Bool
    let line: Int32
    let column: Int32
    let properties: NodeProperties?
    /// Where its items (a sequence) or keys and values (a mapping) start on the builder's stack.
    let start: Int
    /// Where its key identities start on the builder's stack.
    let keysStart: Int
    /// The key waiting for its value, and what to do with the pair.
    var pendingKey: (node: Int32, action: KeyAction)?
    /// The first line of every key, by identity, once the mapping has too many keys to search.
    var keyIndex: [KeyIdentity: Int]?
    /// The line of the mapping's `<<`, once it has one.
    var mergeKeyLine: Int?
    /// Mappings to merge in, with the position of their `<<` among the explicit pairs.
    var merges: [(position: Int, sources: [Int32])] = []
    var size = 1
    var childHeight = 0
    var bytes = 0

    init(isMapping: Bool, line: Int32, column: Int32, properties: NodeProperties?, start: Int, keysStart: Int) {
        self.isMapping = isMapping
        self.line = line
        self.column = column
        self.properties = properties
        self.start = start
        self.keysStart = keysStart
    }

    var anchor: String? { properties?.anchor }
}

/// What makes two scalar keys the same key: a kind (`str`, `int`, a tag...) and a text.
struct KeyIdentity: Hashable {
    var kind: String
    var text: String

    static func == (lhs: KeyIdentity, rhs: KeyIdentity) -> Bool {
        lhs.text.isSameText(as: rhs.text) && lhs.kind == rhs.kind
    }

    /// The identity of an untagged scalar key found without resolving it, or `nil` when it
    /// needs the core schema. Nearly every key is an untagged word: a quoted or block scalar is
    /// a string, and a plain one starting with a letter is a string unless it is one of the
    /// null or boolean words (numbers start with a digit, a sign or `.`).
    static func ofUntagged(_ text: String, style: YAMLScalar.Style) -> KeyIdentity? {
        if style != .plain { return KeyIdentity(kind: "str", text: text) }
        guard let first = text.utf8.first, (first | 0x20) >= UInt8(ascii: "a"), (first | 0x20) <= UInt8(ascii: "z") else { return nil }
        // The null and boolean words are 4 or 5 letters: any other key skips the string switch.
        let length = text.utf8.count
        guard length == 4 || length == 5 else { return KeyIdentity(kind: "str", text: text) }
        switch text {
        case "null", "Null", "NULL": return KeyIdentity(kind: "null", text: "")
        case "true", "True", "TRUE": return KeyIdentity(kind: "bool", text: "true")
        case "false", "False", "FALSE": return KeyIdentity(kind: "bool", text: "false")
        default: return KeyIdentity(kind: "str", text: text)
        }
    }
}

/// A key written explicitly in an open mapping, with the line it was first written on.
struct SeenKey {
    var identity: KeyIdentity
    var line: Int
}

extension YAMLNode {
    /// What makes two scalar keys the same key: their value by the core schema (so `a` and
    /// `"a"` are the same key, `1` and `"1"` are not), or `nil` for a collection.
    var keyIdentity: KeyIdentity? {
        guard case .scalar(let scalar) = content else { return nil }
        if hasNoProperties || tag == nil, let identity = KeyIdentity.ofUntagged(scalar.text, style: scalar.style) {
            return identity
        }
        switch jsonValue {
        case .null: return KeyIdentity(kind: "null", text: "")
        case .bool(let value): return KeyIdentity(kind: "bool", text: "\(value)")
        case .integer(let value): return KeyIdentity(kind: "int", text: "\(value)")
        case .number(let value): return KeyIdentity(kind: "float", text: "\(value)")
        case .string(let text):
            guard let tag, tag != "!", !tag.hasPrefix("tag:yaml.org,2002:") else { return KeyIdentity(kind: "str", text: text) }
            return KeyIdentity(kind: tag, text: text)
        case .array, .object: return nil
        }
    }
}
