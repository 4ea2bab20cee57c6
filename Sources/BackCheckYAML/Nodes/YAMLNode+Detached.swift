extension YAMLNode {
    /// The same node, its subtree copied into an arena of its own: keeping it then keeps only
    /// those nodes alive, not every node of the file it was parsed from.
    ///
    /// For a value kept long after its document is read (an example's answers, kept in the
    /// catalogue for `lint`): otherwise ten thousand kept examples hold ten thousand whole
    /// file trees. Marks, styles, tags and anchors stay exactly as they were; a node an alias
    /// shares stays shared. A node built in code is returned as it is.
    package var detached: YAMLNode {
        guard case .parsed(let arena, let index) = storage else { return self }
        var copy = SubtreeCopy(from: arena, root: index)
        let root = copy.copy(index)
        return YAMLNode(arena: copy.arena(), index: root)
    }
}

/// Copies nodes of one arena, children first (the order an arena keeps), into new arrays.
private struct SubtreeCopy {
    let source: NodeArena
    var records: [NodeRecord] = []
    var texts: [String] = []
    var children: [Int32] = []
    var properties: [NodeProperties] = []
    /// Where each node already copied went (-1 for not yet), for the source's nodes from
    /// `lowest` to the root: a node is built after everything under it, so a subtree is one
    /// run of the arena ending at its root. An anchored node read again through an alias is
    /// copied once. (A flat array: hashing every index was a quarter of the copy; sized to the
    /// whole file, as it was, making it for each example's answers was nearly half.)
    var copied: [Int32]
    let lowest: Int32
    /// Where each node outside that run went: one an alias reaches, anchored earlier.
    var copiedOutside: [Int32: Int32] = [:]

    init(from source: NodeArena, root: Int32) {
        self.source = source
        // The run starts at the subtree's first leaf, down the first item (or key) of each
        // collection. Every step goes to an earlier node, so the walk ends.
        var first = root
        while case let record = source.records[Int(first)], record.kind != .scalar, record.count > 0,
              case let next = source.children[Int(record.first)], next < first {
            first = next
        }
        lowest = first
        copied = Array(repeating: -1, count: Int(root - first) + 1)
        // The run bounds what is copied (an alias may reach a node outside it, which is rare),
        // and the copy is kept for as long as the catalogue: sized once, it keeps no slack.
        records.reserveCapacity(copied.count)
        texts.reserveCapacity(copied.count)
        children.reserveCapacity(copied.count)
    }

    /// Copies the node at `index` (of the source) and everything under it; its new index.
    mutating func copy(_ index: Int32) -> Int32 {
        let slot = Int(index) - Int(lowest)
        let inRun = slot >= 0 && slot < copied.count
        let done = inRun ? copied[slot] : copiedOutside[index] ?? -1
        if done >= 0 { return done }
        var record = source.records[Int(index)]
        if record.properties >= 0 {
            properties.append(source.properties[Int(record.properties)])
            record.properties = Int32(properties.count - 1)
        }
        switch record.kind {
        case .scalar:
            texts.append(source.texts[Int(record.first)])
            record.first = Int32(texts.count - 1)
        case .sequence, .mapping:
            let width = record.kind == .mapping ? 2 : 1
            let start = Int(record.first)
            let items = (0..<Int(record.count) * width).map { copy(source.children[start + $0]) }
            record.first = Int32(children.count)
            children += items
        }
        records.append(record)
        let placed = Int32(records.count - 1)
        if inRun { copied[slot] = placed } else { copiedOutside[index] = placed }
        return placed
    }

    /// The arena of what was copied; scalar marks are still worked out from the same file text.
    func arena() -> NodeArena {
        NodeArena(
            file: source.file, records: records, texts: texts, children: children, properties: properties,
            lineMarks: source.lineMarks)
    }
}
