extension YAMLNode {
    /// The items of a sequence node, in order.
    ///
    /// A parsed sequence's items are read in place from the file's nodes; a sequence built
    /// in code holds an array. Either way it is a random-access collection indexed from 0,
    /// and an array converts with `Items(array)` or a literal.
    public struct Items: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable {
        private enum Store: Sendable {
            case array([YAMLNode])
            case arena(NodeArena, first: Int, count: Int)
        }

        private let store: Store

        /// The items `nodes`.
        public init(_ nodes: [YAMLNode]) {
            store = .array(nodes)
        }

        /// The items written.
        public init(arrayLiteral elements: YAMLNode...) {
            store = .array(elements)
        }

        init(arena: NodeArena, first: Int, count: Int) {
            store = .arena(arena, first: first, count: count)
        }

        /// Always 0.
        public var startIndex: Int { 0 }

        /// The number of items.
        public var endIndex: Int {
            switch store {
            case .array(let nodes): nodes.count
            case .arena(_, _, let count): count
            }
        }

        /// The item at `position`.
        public subscript(position: Int) -> YAMLNode {
            switch store {
            case .array(let nodes):
                return nodes[position]
            case .arena(let arena, let first, let count):
                precondition(position >= 0 && position < count, "sequence index out of range")
                return YAMLNode(arena: arena, index: arena.children[first + position])
            }
        }
    }

    /// The entries of a mapping node, in the order they were written (merge keys applied,
    /// repeated keys left out).
    ///
    /// Like ``Items``: read in place for a parsed mapping, an array for one built in code.
    public struct Pairs: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable {
        private enum Store: Sendable {
            case array([YAMLPair])
            case arena(NodeArena, first: Int, count: Int)
        }

        private let store: Store

        /// The entries `pairs`.
        public init(_ pairs: [YAMLPair]) {
            store = .array(pairs)
        }

        /// The entries written.
        public init(arrayLiteral elements: YAMLPair...) {
            store = .array(elements)
        }

        init(arena: NodeArena, first: Int, count: Int) {
            store = .arena(arena, first: first, count: count)
        }

        /// Always 0.
        public var startIndex: Int { 0 }

        /// The number of entries.
        public var endIndex: Int {
            switch store {
            case .array(let pairs): pairs.count
            case .arena(_, _, let count): count
            }
        }

        /// The entry at `position`.
        public subscript(position: Int) -> YAMLPair {
            switch store {
            case .array(let pairs):
                return pairs[position]
            case .arena(let arena, let first, let count):
                precondition(position >= 0 && position < count, "mapping index out of range")
                let slot = first + 2 * position
                return YAMLPair(
                    key: YAMLNode(arena: arena, index: arena.children[slot]),
                    value: YAMLNode(arena: arena, index: arena.children[slot + 1]))
            }
        }

        /// The value of the first entry whose key is the scalar `key`, read without making
        /// the other entries' nodes.
        func value(forKey key: String) -> YAMLNode? {
            switch store {
            case .array(let pairs):
                for pair in pairs where pair.key.scalarText?.isSameText(as: key) == true { return pair.value }
            case .arena(let arena, let first, let count):
                for slot in stride(from: first, to: first + 2 * count, by: 2) {
                    let keyRecord = arena.records[Int(arena.children[slot])]
                    guard keyRecord.kind == .scalar, arena.texts[Int(keyRecord.first)].isSameText(as: key) else { continue }
                    return YAMLNode(arena: arena, index: arena.children[slot + 1])
                }
            }
            return nil
        }
    }
}
