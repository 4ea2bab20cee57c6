/// Builds documents of ``YAMLNode``s from libyaml's events: resolves aliases, applies merge
/// keys, reports duplicate keys, and enforces the depth and alias-expansion limits.
///
/// Nodes are built as records of one ``NodeArena`` for the whole file and referred to by
/// index until ``finish()`` hands out the documents.
struct TreeBuilder {
    let file: String
    let limits: YAMLLimits
    let lineMarks: ScalarLineMarks
    var diagnostics = DiagnosticLog()
    /// The root and start of every document read to its end.
    private var documents: [(root: Int32, mark: SourceMark)] = []

    /// The arena's contents as they are built.
    private(set) var records: [NodeRecord] = []
    private(set) var texts: [String] = []
    private var children: [Int32] = []
    private var properties: [NodeProperties] = []

    var stack: [OpenCollection] = []
    /// The items of every open sequence, then the keys and values (in turns) and key
    /// identities of every open mapping, innermost last: each open collection knows where
    /// its own start.
    private var items: [Int32] = []
    var pairs: [Int32] = []
    var keys: [SeenKey] = []
    private var anchors: [String: BuiltNode] = [:]
    private var documentMark: SourceMark?
    private var root: Int32?
    private var expandedByAliases = 0
    private var expandedBytesByAliases = 0
    private var nodeCount = 0

    /// When `false`, every explicit tag is an error (``YAMLParser/allowsTags``).
    let allowsTags: Bool

    init(file: String, limits: YAMLLimits, source: SourceText, allowsTags: Bool = true) {
        self.file = file
        self.limits = limits
        self.allowsTags = allowsTags
        lineMarks = ScalarLineMarks(source: source, file: file)
        // Room for a typical file's nodes, so the arrays seldom regrow: a catalogue file has a
        // node per 19 bytes or so, and a scalar or a child per 23 (generated files; the
        // built-in ones, with more prose, fewer). Growing once copies everything built so far.
        records.reserveCapacity(source.bytes.count / 16)
        texts.reserveCapacity(source.bytes.count / 20)
        children.reserveCapacity(source.bytes.count / 20)
    }

    /// The documents read to their end, whose nodes now share one arena, and every problem.
    func finish() -> YAMLParseResult {
        let arena = NodeArena(
            file: file, records: records, texts: texts, children: children, properties: properties,
            lineMarks: lineMarks)
        return YAMLParseResult(
            documents: documents.map { YAMLDocument(root: YAMLNode(arena: arena, index: $0.root), mark: $0.mark) },
            diagnostics: diagnostics)
    }

    /// Counts one more value; answers `false` past ``YAMLLimits/maxNodes``.
    private mutating func countNode() -> Bool {
        nodeCount += 1
        return nodeCount <= limits.maxNodes
    }

    private var tooManyNodes: String {
        "the file holds more than \(limits.maxNodes) values; a catalogue or answers file holds a few thousand, so split it or look for generated data (reading stopped here)"
    }

    /// The mark of the node at `index`.
    func mark(of index: Int32) -> SourceMark {
        let record = records[Int(index)]
        return SourceMark(file: file, line: Int(record.line), column: Int(record.column))
    }

    /// The tag and anchor of the node at `index`, if it has either. (`mutating` so that the
    /// builder's mutating methods call it without copying the builder: see TreeBuilder+Keys.)
    mutating func properties(of index: Int32) -> NodeProperties? {
        let slot = records[Int(index)].properties
        return slot < 0 ? nil : properties[Int(slot)]
    }

    /// The slot of `properties` in the arena, or -1 for none.
    private mutating func slot(for properties: NodeProperties?) -> Int32 {
        guard let properties else { return -1 }
        self.properties.append(properties)
        return Int32(self.properties.count - 1)
    }

    /// The run of `children` that holds the items, or the keys and values, of `record`.
    /// (`mutating` for the same reason as ``properties(of:)``.)
    mutating func children(of record: NodeRecord) -> ArraySlice<Int32> {
        let first = Int(record.first)
        return children[first..<first + Int(record.count) * (record.kind == .mapping ? 2 : 1)]
    }

    /// Adds a record; answers its index.
    private mutating func add(_ record: NodeRecord) -> Int32 {
        records.append(record)
        return Int32(records.count - 1)
    }

    /// Takes one event; answers `false` when a limit was hit and reading must stop.
    mutating func consume(_ event: borrowing ParseEvent) -> Bool {
        // Built only by the events that keep it: records store their line and column directly.
        let start = event.start
        var mark: SourceMark { start.sourceMark(in: file) }
        switch event.kind {
        case .streamStart, .streamEnd:
            return true
        case .documentStart:
            guard documents.count < limits.maxDocuments else {
                diagnostics.error(
                    "the file has more than \(limits.maxDocuments) documents; split it into several files (reading stopped here)",
                    at: mark)
                return false
            }
            documentMark = mark
            root = nil
            anchors = [:]
        case .documentEnd:
            if let root { documents.append((root, documentMark ?? self.mark(of: root))) }
            root = nil
        case .scalar:
            guard countNode() else {
                diagnostics.error(tooManyNodes, at: mark)
                return false
            }
            let tag = event.tag
            if let tag, !allowsTags { refuse(tag, at: mark) }
            let text = event.scalarText
            let end = event.end
            texts.append(text)
            let index = add(NodeRecord(
                kind: .scalar, style: event.scalarStyle, line: Int32(clamping: start.line + 1), column: Int32(clamping: start.column + 1),
                endLine: Int32(clamping: end.line), endColumn: Int32(clamping: end.column), first: Int32(texts.count - 1),
                count: 0, properties: slot(for: NodeProperties.make(tag: tag, anchor: event.anchor))))
            finish(BuiltNode(index: index, size: 1, height: 0, bytes: text.utf8.count))
        case .alias:
            return alias(event.aliasName, at: mark)
        case .sequenceStart, .mappingStart:
            guard countNode() else {
                diagnostics.error(tooManyNodes, at: mark)
                return false
            }
            let tag = event.tag
            if let tag, !allowsTags { refuse(tag, at: mark) }
            guard stack.count < limits.maxDepth else {
                diagnostics.error(
                    "nesting is deeper than \(limits.maxDepth) levels; flatten the structure (reading stopped here)",
                    at: mark)
                return false
            }
            let isMapping = event.kind == .mappingStart
            stack.append(OpenCollection(
                isMapping: isMapping, line: Int32(clamping: start.line + 1), column: Int32(clamping: start.column + 1),
                properties: NodeProperties.make(tag: tag, anchor: event.anchor), start: isMapping ? pairs.count : items.count,
                keysStart: keys.count))
        case .sequenceEnd, .mappingEnd:
            guard let collection = stack.popLast() else { return true }
            finish(close(collection))
        }
        return true
    }

    /// Reports libyaml's failure; the document being read is dropped.
    mutating func fail(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
        stack = []
        items = []
        pairs = []
        keys = []
        root = nil
    }

    /// The finished node of `collection`, its entries taken off the shared stacks.
    private mutating func close(_ collection: OpenCollection) -> BuiltNode {
        let first = Int32(children.count)
        let count: Int
        if collection.isMapping {
            if collection.merges.isEmpty {
                children.append(contentsOf: pairs[collection.start...])
            } else {
                children.append(contentsOf: mergedPairs(of: collection))
            }
            count = (children.count - Int(first)) / 2
            pairs.removeLast(pairs.count - collection.start)
            keys.removeLast(keys.count - collection.keysStart)
        } else {
            children.append(contentsOf: items[collection.start...])
            count = items.count - collection.start
            items.removeLast(items.count - collection.start)
        }
        let index = add(NodeRecord(
            kind: collection.isMapping ? .mapping : .sequence, style: .plain, line: collection.line,
            column: collection.column, endLine: 0, endColumn: 0, first: first, count: Int32(count),
            properties: slot(for: collection.properties)))
        return BuiltNode(index: index, size: collection.size, height: collection.childHeight + 1, bytes: collection.bytes)
    }

    private mutating func alias(_ name: String, at mark: SourceMark) -> Bool {
        guard let target = anchors[name] else {
            if stack.contains(where: { $0.anchor == name }) {
                diagnostics.error(
                    "alias '*\(name)' is inside the node anchored '&\(name)'; recursive structures are not supported",
                    at: mark)
            } else {
                let hint = Suggestion.hint(for: name, among: anchors.keys.sorted())
                diagnostics.error(
                    "unknown alias '*\(name)': no anchor '&\(name)' comes before it in this document"
                        + (hint.isEmpty ? "; to write text that starts with '*', put it in quotes" : hint), at: mark)
            }
            // An empty plain scalar stands in, so the rest of the document is still read.
            texts.append("")
            let placeholder = add(NodeRecord(
                kind: .scalar, style: .plain, line: Int32(clamping: mark.line), column: Int32(clamping: mark.column),
                endLine: Int32(clamping: mark.line - 1), endColumn: Int32(clamping: mark.column - 1), first: Int32(texts.count - 1),
                count: 1, properties: -1))
            finish(BuiltNode(index: placeholder, size: 1, height: 0))
            return true
        }
        // Both budgets: the nodes an alias repeats, and the bytes of text they hold.
        guard let nodes = Self.withinBudget(expandedByAliases, adding: target.size, limit: limits.maxAliasExpansion),
              let bytes = Self.withinBudget(expandedBytesByAliases, adding: target.bytes, limit: limits.maxAliasExpansionBytes)
        else {
            let overNodes = Self.withinBudget(expandedByAliases, adding: target.size, limit: limits.maxAliasExpansion) == nil
            let what = overNodes ? "expand to more than \(limits.maxAliasExpansion) nodes" : "repeat more than \(limits.maxAliasExpansionBytes) bytes of text"
            diagnostics.error(
                "aliases \(what) at '*\(name)' (each alias repeats its whole anchored node; is this an alias bomb?); reading stopped here",
                at: mark)
            return false
        }
        expandedByAliases = nodes
        expandedBytesByAliases = bytes
        guard stack.count + target.height <= limits.maxDepth else {
            diagnostics.error(
                "alias '*\(name)' nests its node deeper than \(limits.maxDepth) levels; flatten the structure",
                at: mark)
            return false
        }
        finish(target, at: mark)
        return true
    }

    /// Registers a completed node's anchor and hands it to its parent (or makes it the root).
    /// `aliasMark` is where an alias stood for the node, so a problem with it points there.
    private mutating func finish(_ built: BuiltNode, at aliasMark: SourceMark? = nil) {
        if aliasMark == nil, let anchor = properties(of: built.index)?.anchor { anchors[anchor] = built }
        guard !stack.isEmpty else {
            root = built.index
            return
        }
        let index = stack.count - 1
        stack[index].size = Self.saturatingSum(stack[index].size, built.size)
        stack[index].childHeight = max(stack[index].childHeight, built.height)
        stack[index].bytes = Self.saturatingSum(stack[index].bytes, built.bytes)
        guard stack[index].isMapping else {
            items.append(built.index)
            return
        }
        guard let (key, action) = stack[index].pendingKey else {
            stack[index].pendingKey = (built.index, keyAction(for: built.index, in: index, at: aliasMark))
            return
        }
        stack[index].pendingKey = nil
        switch action {
        case .keep:
            pairs.append(key)
            pairs.append(built.index)
        case .drop: break
        case .merge:
            if let sources = mergeSources(built.index) {
                stack[index].merges.append(((pairs.count - stack[index].start) / 2, sources))
            }
        }
    }

    /// `used + amount` when it stays within `limit` (and does not overflow), else `nil`.
    private static func withinBudget(_ used: Int, adding amount: Int, limit: Int) -> Int? {
        let (sum, overflow) = used.addingReportingOverflow(amount)
        return overflow || sum > limit ? nil : sum
    }

    private static func saturatingSum(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }

    /// Reports an explicit tag where BackCheck's files do not use them.
    private mutating func refuse(_ tag: String, at mark: SourceMark) {
        let shown = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
        diagnostics.error(
            "tags such as '\(shown)' are not used in BackCheck files: a value is typed by the field it goes into; remove the tag",
            at: mark)
    }

}
