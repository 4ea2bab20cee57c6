/// Every node of one parsed file, in flat arrays: a parsed ``YAMLNode`` is this arena and an
/// index into it.
///
/// A tree of one box per node cost the parser a `malloc` and a `free` for every scalar and
/// two for every collection, more than libyaml's own parse. Here a node is one record
/// appended to an array, a collection's children are a run of indices in `children`, and the
/// whole file is freed at once. An alias is the anchored node's index again, shared.
final class NodeArena: Sendable {
    /// The file the nodes came from, for their marks.
    let file: String
    /// One record per node, in the order the parser finished them (children before parents).
    let records: [NodeRecord]
    /// The text of every scalar, at the scalar's ``NodeRecord/first``.
    let texts: [String]
    /// The items of each sequence, and the keys and values (in turns) of each mapping, at the
    /// collection's ``NodeRecord/first``.
    let children: [Int32]
    /// The tags and anchors written, at a node's ``NodeRecord/properties``.
    let properties: [NodeProperties]
    /// Works out a scalar's line marks from the file's text when they are asked for.
    let lineMarks: ScalarLineMarks

    init(
        file: String, records: [NodeRecord], texts: [String], children: [Int32], properties: [NodeProperties],
        lineMarks: ScalarLineMarks
    ) {
        self.file = file
        self.records = records
        self.texts = texts
        self.children = children
        self.properties = properties
        self.lineMarks = lineMarks
    }

    /// The tag and anchor of the node at `index`, if it has either.
    func properties(of index: Int32) -> NodeProperties? {
        let slot = records[Int(index)].properties
        return slot < 0 ? nil : properties[Int(slot)]
    }

    /// The scalar at `index`, which must be one.
    func scalar(at index: Int32) -> YAMLScalar {
        let record = records[Int(index)]
        let place = ScalarPlace(
            lineMarks: lineMarks, start: RawMark(line: Int(record.line) - 1, column: Int(record.column) - 1),
            end: RawMark(line: Int(record.endLine), column: Int(record.endColumn)), hasProperties: record.properties >= 0)
        return YAMLScalar(text: texts[Int(record.first)], style: record.style, place: place)
    }

    /// What the node at `index` holds.
    func content(of index: Int32) -> YAMLNode.Content {
        let record = records[Int(index)]
        switch record.kind {
        case .scalar: return .scalar(scalar(at: index))
        case .sequence: return .sequence(YAMLNode.Items(arena: self, first: Int(record.first), count: Int(record.count)))
        case .mapping: return .mapping(YAMLNode.Pairs(arena: self, first: Int(record.first), count: Int(record.count)))
        }
    }
}

/// One node in a ``NodeArena``: plain values only, so building and freeing a file's records
/// is one array each.
struct NodeRecord {
    enum Kind: UInt8 {
        case scalar, sequence, mapping
    }

    var kind: Kind
    /// How a scalar was written (`.plain` for a collection).
    var style: YAMLScalar.Style
    /// The 1-based line and column of the node's first character.
    var line: Int32
    var column: Int32
    /// The 0-based line and column just past a scalar's last character, from libyaml.
    var endLine: Int32
    var endColumn: Int32
    /// A scalar's slot in ``NodeArena/texts``; where a collection's run starts in
    /// ``NodeArena/children``.
    var first: Int32
    /// A collection's number of items, or of pairs for a mapping; 1 for the empty scalar that
    /// stands in for an alias that could not be resolved, 0 for any other scalar.
    var count: Int32
    /// The node's slot in ``NodeArena/properties``, or -1 when it has no tag or anchor.
    var properties: Int32
}
