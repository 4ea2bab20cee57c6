extension YAMLNode {
    /// Calls `body` with every scalar under the node (the node itself when it is one), in
    /// document order; mapping keys too when `includingKeys`. For checks that look for a text
    /// anywhere in a block, whatever its shape.
    package func forEachScalar(includingKeys: Bool = false, _ body: (YAMLScalar, YAMLNode) -> Void) {
        switch content {
        case .scalar(let scalar): body(scalar, self)
        case .sequence(let items): for item in items { item.forEachScalar(includingKeys: includingKeys, body) }
        case .mapping(let pairs):
            for pair in pairs {
                if includingKeys { pair.key.forEachScalar(includingKeys: true, body) }
                pair.value.forEachScalar(includingKeys: includingKeys, body)
            }
        }
    }
}

extension YAMLNode {
    /// Calls `body` with the text of every scalar under the node, in document order (keys too
    /// when `includingKeys`), until it answers `false`; answers whether the walk went to the
    /// end. A parsed node is walked in its arena, without making a node for each scalar: for
    /// checks that look for a few words in a whole block.
    package func forEachScalarText(includingKeys: Bool = false, while body: (String) -> Bool) -> Bool {
        switch storage {
        case .parsed(let arena, let index):
            return arena.forEachScalarText(under: index, includingKeys: includingKeys, body)
        case .built:
            switch content {
            case .scalar(let scalar):
                return body(scalar.text)
            case .sequence(let items):
                return items.allSatisfy { $0.forEachScalarText(includingKeys: includingKeys, while: body) }
            case .mapping(let pairs):
                return pairs.allSatisfy { pair in
                    (!includingKeys || pair.key.forEachScalarText(includingKeys: true, while: body))
                        && pair.value.forEachScalarText(includingKeys: includingKeys, while: body)
                }
            }
        }
    }
}

extension NodeArena {
    /// ``YAMLNode/forEachScalarText(includingKeys:while:)`` for the node at `index`.
    func forEachScalarText(under index: Int32, includingKeys: Bool, _ body: (String) -> Bool) -> Bool {
        let record = records[Int(index)]
        let first = Int(record.first)
        switch record.kind {
        case .scalar:
            return body(texts[first])
        case .sequence:
            for slot in first..<first + Int(record.count) where !forEachScalarText(under: children[slot], includingKeys: includingKeys, body) {
                return false
            }
        case .mapping:
            for pair in 0..<Int(record.count) {
                let key = children[first + 2 * pair], value = children[first + 2 * pair + 1]
                if includingKeys, !forEachScalarText(under: key, includingKeys: true, body) { return false }
                if !forEachScalarText(under: value, includingKeys: includingKeys, body) { return false }
            }
        }
        return true
    }
}
