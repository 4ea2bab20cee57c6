/// A node with the cost of using it again through an alias.
struct BuiltNode {
    var node: YAMLNode
    /// The number of nodes in its tree, aliases expanded.
    var size: Int
    /// The number of collection levels in its tree (0 for a scalar).
    var height: Int
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
struct OpenCollection {
    let isMapping: Bool
    let mark: SourceMark
    let tag: String?
    let anchor: String?
    var items: [YAMLNode] = []
    var pairs: [YAMLPair] = []
    /// The key waiting for its value, and what to do with the pair.
    var pendingKey: (node: YAMLNode, action: KeyAction)?
    /// The first mark of every scalar key written explicitly, by identity.
    var seenKeys = SeenKeys()
    /// Mappings to merge in, with the position of their `<<` among the explicit pairs.
    var merges: [(position: Int, sources: [YAMLNode])] = []
    var size = 1
    var childHeight = 0

    init(isMapping: Bool, mark: SourceMark, tag: String?, anchor: String?) {
        self.isMapping = isMapping
        self.mark = mark
        self.tag = tag
        self.anchor = anchor
    }

    /// The finished node: merges applied, with its size and height.
    func finish() -> BuiltNode {
        let content: YAMLNode.Content = isMapping ? .mapping(mergedPairs()) : .sequence(items)
        return BuiltNode(
            node: YAMLNode(content, mark: mark, tag: tag, anchor: anchor), size: size, height: childHeight + 1)
    }

    /// The explicit pairs with each merged mapping's entries inserted where its `<<` was.
    /// Explicit keys win over merged ones, and an earlier merged mapping over a later one.
    private func mergedPairs() -> [YAMLPair] {
        guard !merges.isEmpty else { return pairs }
        var taken = Set(seenKeys.identities)
        var result: [YAMLPair] = []
        var nextMerge = 0
        for position in 0...pairs.count {
            while nextMerge < merges.count, merges[nextMerge].position == position {
                for source in merges[nextMerge].sources {
                    for pair in source.mapping ?? [] {
                        if let identity = pair.key.keyIdentity {
                            guard taken.insert(identity).inserted else { continue }
                        }
                        result.append(pair)
                    }
                }
                nextMerge += 1
            }
            if position < pairs.count { result.append(pairs[position]) }
        }
        return result
    }
}

/// What makes two scalar keys the same key: a kind (`str`, `int`, a tag...) and a text.
struct KeyIdentity: Hashable {
    var kind: String
    var text: String
}

/// The keys of one mapping seen so far, with where each was first written. Mappings are
/// small, so a list searched from the front beats hashing until one grows past a few dozen.
struct SeenKeys {
    private(set) var identities: [KeyIdentity] = []
    private var marks: [SourceMark] = []
    private var index: [KeyIdentity: Int]?

    /// Where `identity` was first written, if it was.
    func mark(of identity: KeyIdentity) -> SourceMark? {
        if let index { return index[identity].map { marks[$0] } }
        return identities.firstIndex(of: identity).map { marks[$0] }
    }

    mutating func insert(_ identity: KeyIdentity, at mark: SourceMark) {
        identities.append(identity)
        marks.append(mark)
        if index != nil {
            index?[identity] = identities.count - 1
        } else if identities.count > 32 {
            index = Dictionary(identities.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }
}

extension YAMLNode {
    /// What makes two scalar keys the same key: their value by the core schema (so `a` and
    /// `"a"` are the same key, `1` and `"1"` are not), or `nil` for a collection.
    var keyIdentity: KeyIdentity? {
        guard let scalar else { return nil }
        // Nearly every key is an untagged word: a string whatever the schema, no need to resolve it.
        if tag == nil, scalar.style != .plain || Self.startsLikeAWord(scalar.text) {
            return KeyIdentity(kind: "str", text: scalar.text)
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

    /// Whether a plain scalar starts with a letter no null, boolean or number of the core
    /// schema starts with (those start with a digit, a sign, `.`, `~`, `n`, `t` or `f`).
    private static func startsLikeAWord(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        let lower = first | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
            && lower != UInt8(ascii: "n") && lower != UInt8(ascii: "t") && lower != UInt8(ascii: "f")
    }

    /// Whether this is the merge key: a plain `<<` with no tag but the merge tag.
    var isMergeKey: Bool {
        guard let scalar, scalar.style == .plain, scalar.text == "<<" else { return false }
        return tag == nil || tag == "tag:yaml.org,2002:merge"
    }
}
