/// Builds documents of ``YAMLNode``s from libyaml's events: resolves aliases, applies merge
/// keys, reports duplicate keys, and enforces the depth and alias-expansion limits.
struct TreeBuilder {
    let file: String
    let limits: YAMLLimits
    let lineMarks: ScalarLineMarks
    private(set) var diagnostics = DiagnosticLog()
    private(set) var documents: [YAMLDocument] = []

    private var stack: [OpenCollection] = []
    /// The items of every open sequence, then the pairs and key identities of every open
    /// mapping, innermost last: each open collection knows where its own start.
    private var items: [YAMLNode] = []
    private var pairs: [YAMLPair] = []
    private var keys: [SeenKey] = []
    private var anchors: [String: BuiltNode] = [:]
    private var documentMark: SourceMark?
    private var root: YAMLNode?
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
    }

    /// Counts one more value; answers `false` past ``YAMLLimits/maxNodes``.
    private mutating func countNode() -> Bool {
        nodeCount += 1
        return nodeCount <= limits.maxNodes
    }

    private var tooManyNodes: String {
        "the file holds more than \(limits.maxNodes) values; a catalogue or answers file holds a few thousand, so split it or look for generated data (reading stopped here)"
    }

    /// Takes one event; answers `false` when a limit was hit and reading must stop.
    mutating func consume(_ event: ParseEvent) -> Bool {
        // Built only by the events that keep it: scalars store their line and column directly.
        var mark: SourceMark { event.start.sourceMark(in: file) }
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
            if let root { documents.append(YAMLDocument(root: root, mark: documentMark ?? root.mark)) }
            root = nil
        case .scalar(let text, let style, let anchor, let tag):
            guard countNode() else {
                diagnostics.error(tooManyNodes, at: mark)
                return false
            }
            if let tag, !allowsTags { refuse(tag, at: mark) }
            let properties = NodeProperties.make(tag: tag, anchor: anchor)
            let place = ScalarPlace(lineMarks: lineMarks, start: event.start, end: event.end, hasProperties: properties != nil)
            let scalar = YAMLScalar(text: text, style: style, place: place)
            let node = YAMLNode(
                .scalar(scalar), file: file, line: event.start.line + 1, column: event.start.column + 1,
                properties: properties)
            finish(BuiltNode(node: node, size: 1, height: 0, bytes: text.utf8.count))
        case .alias(let name):
            return alias(name, at: mark)
        case .sequenceStart(let anchor, let tag), .mappingStart(let anchor, let tag):
            guard countNode() else {
                diagnostics.error(tooManyNodes, at: mark)
                return false
            }
            if let tag, !allowsTags { refuse(tag, at: mark) }
            guard stack.count < limits.maxDepth else {
                diagnostics.error(
                    "nesting is deeper than \(limits.maxDepth) levels; flatten the structure (reading stopped here)",
                    at: mark)
                return false
            }
            var isMapping = false
            if case .mappingStart = event.kind { isMapping = true }
            stack.append(OpenCollection(
                isMapping: isMapping, line: event.start.line + 1, column: event.start.column + 1,
                properties: NodeProperties.make(tag: tag, anchor: anchor), start: isMapping ? pairs.count : items.count,
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
        let content: YAMLNode.Content
        if collection.isMapping {
            content = .mapping(collection.mergedPairs(pairs[collection.start...], keys: keys[collection.keysStart...]))
            pairs.removeLast(pairs.count - collection.start)
            keys.removeLast(keys.count - collection.keysStart)
        } else {
            content = .sequence(Array(items[collection.start...]))
            items.removeLast(items.count - collection.start)
        }
        let node = YAMLNode(
            content, file: file, line: collection.line, column: collection.column, properties: collection.properties)
        return BuiltNode(node: node, size: collection.size, height: collection.childHeight + 1, bytes: collection.bytes)
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
            let placeholder = YAMLNode(.scalar(YAMLScalar(text: "", style: .plain, lineMarks: [mark])), mark: mark)
            finish(BuiltNode(node: placeholder, size: 1, height: 0))
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
        if let anchor = built.node.anchor { anchors[anchor] = built }
        guard !stack.isEmpty else {
            root = built.node
            return
        }
        let index = stack.count - 1
        stack[index].size = Self.saturatingSum(stack[index].size, built.size)
        stack[index].childHeight = max(stack[index].childHeight, built.height)
        stack[index].bytes = Self.saturatingSum(stack[index].bytes, built.bytes)
        guard stack[index].isMapping else {
            items.append(built.node)
            return
        }
        guard let (key, action) = stack[index].pendingKey else {
            stack[index].pendingKey = (built.node, keyAction(for: built.node, in: index, at: aliasMark))
            return
        }
        stack[index].pendingKey = nil
        switch action {
        case .keep: pairs.append(YAMLPair(key: key, value: built.node))
        case .drop: break
        case .merge:
            if let sources = mergeSources(built.node) {
                stack[index].merges.append((pairs.count - stack[index].start, sources))
            }
        }
    }

    private mutating func keyAction(for key: YAMLNode, in index: Int, at aliasMark: SourceMark? = nil) -> KeyAction {
        if key.isMergeKey { return .merge }
        guard let identity = key.keyIdentity else { return .keep }
        let line = aliasMark?.line ?? key.line
        if let firstLine = firstLine(of: identity, in: index) {
            let text = VisibleText.excerpt(key.scalar?.text ?? "")
            diagnostics.error(
                DuplicateKey.message(text, first: (firstLine, nil), again: line), at: aliasMark ?? key.mark)
            return .drop
        }
        keys.append(SeenKey(identity: identity, line: line))
        let start = stack[index].keysStart
        if stack[index].keyIndex != nil {
            stack[index].keyIndex?[identity] = key.line
        } else if keys.count - start > 32 {
            // Mappings are small: a list searched from the front beats hashing until one grows.
            var keyIndex: [KeyIdentity: Int] = [:]
            for seen in keys[start...].reversed() { keyIndex[seen.identity] = seen.line }
            stack[index].keyIndex = keyIndex
        }
        return .keep
    }

    /// The line where the open mapping at `index` first has a key with `identity`, if it has one.
    private func firstLine(of identity: KeyIdentity, in index: Int) -> Int? {
        if let keyIndex = stack[index].keyIndex { return keyIndex[identity] }
        for seen in keys[stack[index].keysStart...] where seen.identity == identity { return seen.line }
        return nil
    }

    /// The mappings a `<<` value stands for, or `nil` (reported) when it is not one.
    private mutating func mergeSources(_ value: YAMLNode) -> [YAMLNode]? {
        if value.mapping != nil { return [value] }
        if let items = value.sequence, items.allSatisfy({ $0.mapping != nil }) { return items }
        diagnostics.error(
            "the merge key '<<' takes a mapping or a sequence of mappings (such as '<<: *base'), "
                + "found \(value.kindDescription)",
            at: value.mark)
        return nil
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
